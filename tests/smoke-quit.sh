#!/bin/bash
# smoke-quit.sh: the real app, as a user starts and quits it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (on a display, e.g. through tests/ui/run-under-xvfb.sh):
#   tests/smoke-quit.sh HOPLOCK MESSAGE
#
# Starts HOPLOCK MESSAGE, waits for the window titled after the message, presses
# Ctrl+Q in it with xdotool and expects the process to exit with status 0 (under
# AddressSanitizer that includes no leak).
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

# Without a window manager the first key press can arrive before the window
# has the keyboard focus: press again (at most three times) while the window
# is still there. Once it is gone, the process has up to 60 s to end (under
# AddressSanitizer, the leak check at exit takes a while).
status=124
presses=0
for tick in $(seq 600); do
  if ! kill -0 "$pid" 2> /dev/null; then
    wait "$pid"
    status=$?
    break
  fi
  if [ $((tick % 50)) = 1 ] && [ "$presses" -lt 3 ] \
     && xdotool search --onlyvisible --name "^${name//./\\.} — Hoplock\$" > /dev/null 2>&1; then
    xdotool windowfocus --sync "$wid" 2> /dev/null || true
    sleep 0.2
    xdotool key --clearmodifiers ctrl+q
    presses=$((presses + 1))
  fi
  sleep 0.1
done
if [ "$status" = 124 ]; then
  echo "not ok 2 - still running 60 s after Ctrl+Q (pressed $presses time(s))"
  kill "$pid" 2> /dev/null
  wait "$pid"
  exit 1
fi
echo "ok 2 - Ctrl+Q ended it (pressed $presses time(s))"

if [ "$status" = 0 ]; then
  echo "ok 3 - exit status 0"
else
  echo "not ok 3 - exit status $status"
  exit 1
fi
