#!/bin/bash
# fuzz.sh: run the libFuzzer targets of tests/fuzz for a set time each
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/fuzz.sh [TARGET...]       (what `make fuzz` runs)
#
# Sets up build-fuzz/ with clang, libFuzzer, AddressSanitizer and UBSan, then
# runs every target (or the ones named: received, message, cipher, report-text,
# report-json, …; build-fuzz/tests/fuzz/targets.txt lists them) for
# FUZZ_SECONDS, with its dictionary, starting from its committed corpus in
# tests/fuzz/corpus/. Afterwards:
#
#   - inputs that reach code the committed corpus does not are merged into it
#     (libFuzzer -merge=1 -use_counters=0), so it only keeps what adds coverage;
#   - a crash, leak, timeout or out-of-memory input is saved as
#     tests/fuzz/regressions/<target>/crash-… (leak-…, timeout-…, oom-…), which
#     the fuzz-replay tests of every build then run. Fix the bug, keep the file.
#
# The last lines are a table per target: seconds run, inputs executed, files in
# the committed corpus and in the grown one (build-fuzz/fuzz-work/corpus/, kept
# between runs), the coverage libFuzzer reached (cov: edges, ft: features) and
# what it found.
# The exit status is non-zero if any target found something.
#
# Environment:
#   FUZZ_SECONDS   seconds per target (default 300)
#   FUZZ_PARALLEL  targets run at the same time (default 1)
#   FUZZ_BUILDDIR  build directory (default build-fuzz)
#   FUZZ_ARGS      extra libFuzzer arguments (e.g. "-max_len=65536")
#   CC             the clang to build with (default clang-14, else clang)

set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
root=$(pwd)

seconds=${FUZZ_SECONDS:-300}
parallel=${FUZZ_PARALLEL:-1}
builddir=${FUZZ_BUILDDIR:-build-fuzz}
read -r -a extra_args <<< "${FUZZ_ARGS:-}"
fuzzdir=$root/tests/fuzz
# Only the standard library is used here: the first python3 on PATH will do.
PYTHON=python3

if [ -z "${CC:-}" ]; then
  if command -v clang-14 >/dev/null 2>&1; then
    CC=clang-14
  elif command -v clang >/dev/null 2>&1; then
    CC=clang
  else
    echo "fuzz: clang is needed (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 1
  fi
fi
export CC

if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dgui=disabled || exit 1
fi
ninja -C "$builddir" || exit 1

# Leaks and UBSan findings count as crashes; GLib's slice allocator would hide
# overflows from ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_SLICE=always-malloc
if [ -f "$root/tests/lsan.supp" ]; then
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
fi

work=$root/$builddir/fuzz-work
mkdir -p "$work/dicts" "$work/logs"

# libFuzzer takes one dictionary: message.dict is used with received.dict joined on.
cp "$fuzzdir"/*.dict "$work/dicts/"
cat "$fuzzdir/message.dict" "$fuzzdir/received.dict" > "$work/dicts/message.dict"

mapfile -t lines < "$builddir/tests/fuzz/targets.txt"
targets=()
declare -A corpus_of dict_of
for line in "${lines[@]}"; do
  read -r name corpus dict <<< "$line"
  [ -n "$name" ] || continue
  corpus_of[$name]=$corpus
  dict_of[$name]=$dict
  if [ $# -eq 0 ] || [[ " $* " == *" $name "* ]]; then
    targets+=("$name")
  fi
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz: no such target: $*; the targets are:" >&2
  cut -d' ' -f1 "$builddir/tests/fuzz/targets.txt" >&2
  exit 1
fi

# An empty corpus starts from the seeds, minimised.
for name in "${targets[@]}"; do
  corpus=$fuzzdir/corpus/${corpus_of[$name]}
  if [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
    echo "fuzz: seeding $corpus"
    if [ ! -d "$work/seeds" ]; then
      "$PYTHON" "$fuzzdir/seed-corpus.py" "$work/seeds" >/dev/null || exit 1
    fi
    mkdir -p "$corpus"
    "$builddir/tests/fuzz/fuzz-$name" -merge=1 -use_counters=0 \
      "$corpus" "$work/seeds/${corpus_of[$name]}" > "$work/logs/$name.seed.log" 2>&1
  fi
done

run_one ()
{
  local name=$1
  local corpus=$fuzzdir/corpus/${corpus_of[$name]}
  local grown=$work/corpus/$name
  local crashes=$fuzzdir/regressions/$name

  mkdir -p "$grown" "$crashes"
  echo "fuzz: $name for $seconds s"
  # New inputs go to $grown, which is kept between runs; the committed corpus is
  # only read here.
  timeout --signal=INT $((seconds + 120)) \
    "$builddir/tests/fuzz/fuzz-$name" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -dict="$work/dicts/${dict_of[$name]}" -artifact_prefix="$crashes/" \
      "${extra_args[@]}" "$grown" "$corpus" \
      > "$work/logs/$name.log" 2>&1
  echo "fuzz: $name finished (status $?)"
}

running=0
for name in "${targets[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

# The committed corpus takes, from what the run found, the inputs that reach an
# edge it does not (-use_counters=0: new edges, not new hit counts), so it stays
# a few hundred small files. One target at a time: the report targets share it.
for name in "${targets[@]}"; do
  "$builddir/tests/fuzz/fuzz-$name" -merge=1 -use_counters=0 \
    "$fuzzdir/corpus/${corpus_of[$name]}" "$work/corpus/$name" \
    > "$work/logs/$name.merge.log" 2>&1
done

found=0
echo
printf '%-20s %7s %11s %7s %7s %6s %6s %s\n' target seconds execs corpus grown cov ft crashes
for name in "${targets[@]}"; do
  log=$work/logs/$name.log
  corpus=$fuzzdir/corpus/${corpus_of[$name]}
  # The last status line: "#N DONE cov: X ft: Y corp: …", or the last "#N …" line.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$')
  secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+')
  cov=$(grep -oE 'cov: [0-9]+' <<< "$last" | grep -oE '[0-9]+')
  ft=$(grep -oE 'ft: [0-9]+' <<< "$last" | grep -oE '[0-9]+')
  files=$(find "$corpus" -type f | wc -l)
  grown=$(find "$work/corpus/$name" -type f | wc -l)
  artifacts=$(grep -oE "(crash|leak|timeout|oom|slow-unit)-[0-9a-f]+" "$log" | sort -u | tr '\n' ' ')
  if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|ERROR: libFuzzer' "$log"; then
    found=1
    [ -n "$artifacts" ] || artifacts="(see $log)"
  fi
  printf '%-20s %7s %11s %7s %7s %6s %6s %s\n' "$name" "${secs:-?}" "${execs:-?}" "$files" "$grown" \
    "${cov:-?}" "${ft:-?}" "${artifacts:--}"
done
echo
echo "Logs: $work/logs/. Saved inputs that crashed: tests/fuzz/regressions/<target>/."
exit "$found"
