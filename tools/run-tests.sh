#!/bin/bash
# run-tests.sh: build Hoplock and run its test suites
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/run-tests.sh [main] [asan]
#
#   main   configure and build build/, run every suite there
#   asan   the same in build-asan/, with AddressSanitizer and UBSan: every
#          suite (parser, cli, fuzz-replay, hostile, ui, data), leaks checked
#          with tests/lsan.supp (third-party leaks only)
#
# Without arguments both are run. The last line printed is the sum of all
# results, alone on its line:
#
#   N passed, N failed, N skipped
#
# A build that does not configure or compile counts as one failure, as does
# "meson test" failing without recording a failed test. The exit status is
# non-zero when anything failed.
#
# Environment:
#   MESON_TEST_ARGS   extra arguments for every "meson test" (e.g. "--suite parser")
#   MESON_SETUP_ARGS  extra arguments for every "meson setup"

set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
root=$(pwd)

# Only the standard library is used here: the first python3 on PATH will do.
PYTHON=python3

read -r -a test_args <<< "${MESON_TEST_ARGS:-}"
read -r -a setup_args <<< "${MESON_SETUP_ARGS:-}"

total_pass=0
total_fail=0
total_skip=0

note ()
{
  printf '\n=== %s ===\n' "$*"
}

# configure BUILDDIR [MESON OPTIONS...]: set up a new build directory, or
# reconfigure an existing one.
configure ()
{
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" "${setup_args[@]}"
  else
    meson setup "$dir" "$@" "${setup_args[@]}"
  fi
}

# count BUILDDIR: add the results in BUILDDIR/meson-logs/testlog.json (one JSON
# object a line) to the totals; prints "PASS FAIL SKIP".
count ()
{
  local log=$1/meson-logs/testlog.json
  [ -f "$log" ] || { echo "0 0 0"; return; }
  "$PYTHON" - "$log" <<'EOF'
import json, sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        try:
            result = json.loads(line).get("result")
        except ValueError:
            continue
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        elif result is not None:  # FAIL, UNEXPECTEDPASS, TIMEOUT, ERROR
            failed += 1
print(passed, failed, skipped)
EOF
}

# run_suites NAME BUILDDIR [MESON TEST ARGS...]: build, test and add to the totals.
run_suites ()
{
  local name=$1 dir=$2 rc p f s
  shift 2

  rm -f "$dir/meson-logs/testlog.json"

  note "$name: building $dir"
  if ! ninja -C "$dir"; then
    echo "$name: the build failed; its tests did not run" >&2
    total_fail=$((total_fail + 1))
    return
  fi

  note "$name: meson test -C $dir"
  meson test -C "$dir" --print-errorlogs "$@" "${test_args[@]}"
  rc=$?

  read -r p f s < <(count "$dir")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "$name: meson test exited with status $rc" >&2
    f=1
  fi
  echo "$name: $p passed, $f failed, $s skipped"
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  total_skip=$((total_skip + s))
}

run_main ()
{
  note "main: configuring build"
  if ! configure build; then
    echo "main: meson setup failed" >&2
    total_fail=$((total_fail + 1))
    return
  fi
  run_suites main build
}

run_asan ()
{
  note "asan: configuring build-asan"
  if ! configure build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
    echo "asan: meson setup failed" >&2
    total_fail=$((total_fail + 1))
    return
  fi

  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  if [ -f "$root/tests/lsan.supp" ]; then
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
  fi
  # GLib 2.74's slice allocator hides leaks and overflows from ASan.
  export G_SLICE=always-malloc
  # GTK's GL renderer and ASan do not mix; the ui suite draws with cairo.
  export GDK_DEBUG=${GDK_DEBUG:-gl-disable}
  # Instrumented code runs a few times slower: meson's timeouts, and the time
  # limits tests set themselves (tests/hostile), stretch by these factors.
  export HL_TIME_FACTOR=${HL_TIME_FACTOR:-5}
  run_suites asan build-asan --timeout-multiplier 4
}

if [ $# -eq 0 ]; then
  set -- main asan
fi

for what in "$@"; do
  case $what in
    main) run_main ;;
    asan) run_asan ;;
    *)
      echo "usage: $0 [main] [asan]" >&2
      exit 1
      ;;
  esac
done

echo
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
