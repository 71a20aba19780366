#!/bin/bash
# run-under-xvfb.sh: run a command on a private X server and session bus
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/ui/run-under-xvfb.sh COMMAND [ARGUMENT...]
#
# Starts Xvfb on a free display (-displayfd, so parallel runs never collide),
# gives the command a session bus of its own when dbus-run-session is there,
# a throw-away home, and the environment GTK tests want; stops the server
# afterwards and exits with the command's status. Exits 77 (skipped) when Xvfb
# is not installed.

set -u

if ! command -v Xvfb > /dev/null; then
  echo "1..0 # SKIP Xvfb is not installed (Debian package xvfb)"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hoplock-xvfb-XXXXXX") || exit 1
xvfb_pid=

cleanup ()
{
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2> /dev/null
    wait "$xvfb_pid" 2> /dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3> "$tmp/display" 2> "$tmp/xvfb.log" &
xvfb_pid=$!

for _ in $(seq 200); do
  [ -s "$tmp/display" ] && break
  if ! kill -0 "$xvfb_pid" 2> /dev/null; then
    echo "Xvfb did not start:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ ! -s "$tmp/display" ]; then
  echo "Xvfb did not say which display it took" >&2
  exit 1
fi

export DISPLAY=":$(head -n 1 "$tmp/display")"
unset WAYLAND_DISPLAY
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GDK_DEBUG=gl-disable
export GTK_A11Y=${GTK_A11Y:-test}
export NO_AT_BRIDGE=1
export MESA_SHADER_CACHE_DISABLE=true
export GSETTINGS_BACKEND=memory
# The uninstalled app's settings schema, compiled in the build's data folder
# (meson's test environment sets both).
if [ -z "${GSETTINGS_SCHEMA_DIR:-}" ] && [ -n "${HL_BUILD_DIR:-}" ]; then
  export GSETTINGS_SCHEMA_DIR="$HL_BUILD_DIR/data"
fi
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# In the sanitizer build: whole stacks for leaks, so that tests/lsan.supp can
# name the library function that allocated (the fast unwinder stops at the
# first library built without frame pointers). Safe with the cairo renderer.
if [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"
fi

if command -v dbus-run-session > /dev/null; then
  # dbus-daemon's notice that it may not raise its file limit is noise.
  dbus-run-session -- "$@" 2> >(grep -v "Failed to set fd limit" >&2)
else
  # No bus at all rather than one autolaunched for the X display and left behind.
  DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus" "$@"
fi
