#!/bin/bash
# smoke-quit.sh: the real app, as a user starts and quits it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (on a display, e.g. through tests/ui/run-under-xvfb.sh):
#   tests/smoke-quit.sh HOPLOCK MESSAGE
#
# Starts HOPLOCK MESSAGE, waits for the window titled after the message, presses
# Ctrl+Q in it with xdotool and expects the process to exit with status 0.
# Prints TAP.

set -u

hoplock=$1
message=$2
name=$(basename "$message")

echo "1..3"
if ! command -v xdotool > /dev/null; then
  echo "ok 1 # SKIP xdotool is not installed"
  echo "ok 2 # SKIP"
  echo "ok 3 # SKIP"
  exit 0
fi

"$hoplock" "$message" &
pid=$!

# The window is titled "NAME — Hoplock" once the message is shown.
wid=$(timeout 30 xdotool search --sync --onlyvisible --name "^${name//./\\.} — Hoplock\$" 2> /dev/null | head -n 1)
if [ -n "$wid" ]; then
  echo "ok 1 - a window shows $name ($(xdotool getwindowname "$wid"))"
else
  echo "not ok 1 - no window titled \"$name — Hoplock\" within 30 s"
  kill "$pid" 2> /dev/null
  wait "$pid"
  exit 1
fi

xdotool windowfocus --sync "$wid" 2> /dev/null || true
sleep 0.2
xdotool key --clearmodifiers ctrl+q

status=124
for _ in $(seq 200); do
  if ! kill -0 "$pid" 2> /dev/null; then
    wait "$pid"
    status=$?
    break
  fi
  sleep 0.05
done
if [ "$status" = 124 ]; then
  echo "not ok 2 - still running 10 s after Ctrl+Q"
  kill "$pid" 2> /dev/null
  wait "$pid"
  exit 1
fi
echo "ok 2 - Ctrl+Q ended it"

if [ "$status" = 0 ]; then
  echo "ok 3 - exit status 0"
else
  echo "not ok 3 - exit status $status"
  exit 1
fi
