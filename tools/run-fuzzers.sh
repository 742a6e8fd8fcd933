#!/usr/bin/env bash
# Runs every escc fuzz target for a bounded time. Corpora start from the target's seeds in
# tests/fuzz/seeds/TARGET, or for the targets that read protocols, from the protocols and
# every .esc file of the tests, and grow in FUZZ_DIR/corpus between runs.
# Usage: [FUZZ_TARGETS="parser check"] [FUZZ_TIMEOUT=S] tools/run-fuzzers.sh FUZZ_DIR SECONDS [--cpu]
#   FUZZ_TIMEOUT: seconds of wall time one input may take (10). libFuzzer measures wall
#   time, so on a machine busy with other work a low-priority run needs more, or inputs
#   that take milliseconds are reported as timeouts.
#   Without --cpu: one target after another, each for SECONDS of wall time (make fuzz).
#   With --cpu: all targets side by side at low priority, each until it has used
#   SECONDS of processor time, then stopped with SIGINT so that libFuzzer prints its
#   final statistics: the long runs recorded in docs/robustness.md, which count
#   CPU-hours, not the wall time of a machine shared with other work.
set -uo pipefail
folder=$1
seconds=$2
mode=${3:-}
cd "$(dirname "$0")/.."
# The caches third-party libraries keep for the life of the process (Graphviz's fonts,
# made when `serve` draws its folder's charts) are not leaks, as in `make sanitize`.
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
read -r -a targets <<<"${FUZZ_TARGETS:-parser check format backends lsp saved-case serve}"

prepare() {  # TARGET: seeds the corpus and makes the folders
  mkdir -p "$folder/corpus/$1" "$folder/artifacts/$1/"
  if [ -d "tests/fuzz/seeds/$1" ]; then
    cp tests/fuzz/seeds/"$1"/* "$folder/corpus/$1/"
  else
    find protocols stdlib tests -name '*.esc' -exec cp {} "$folder/corpus/$1/" \;
  fi
}

fuzz() {  # TARGET MAX_TOTAL_TIME [PREFIX...]: PREFIX runs the fuzzer, such as `nice -n 19`
  local target=$1 limit=$2
  shift 2
  "$@" "$folder/tests/fuzz/escc-fuzz-$target" "$folder/corpus/$target" -max_total_time="$limit" -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$folder/artifacts/$target/" -print_final_stats=1 \
    2>"$folder/fuzz-$target.log"
}

report() {  # TARGET STATUS
  if [ "$2" -ne 0 ] && ! grep -q 'libFuzzer: run interrupted' "$folder/fuzz-$1.log"; then
    echo "FAIL $1: see $folder/fuzz-$1.log and the input in $folder/artifacts/$1/"
    tail -30 "$folder/fuzz-$1.log"
    return 1
  fi
  grep -E 'stat::number_of_executed_units|cov:' "$folder/fuzz-$1.log" | tail -2
}

cpu_seconds() {  # PID: user and system time of the process so far
  awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) / tick) }' "/proc/$1/stat" 2>/dev/null || echo 0
}

status=0
if [ "$mode" != --cpu ]; then
  for target in "${targets[@]}"; do
    prepare "$target"
    echo "fuzzing $target for $seconds s"
    fuzz "$target" "$seconds"
    report "$target" $? || status=1
  done
  exit $status
fi

declare -A pids
for target in "${targets[@]}"; do
  prepare "$target"
  fuzz "$target" 100000000 nice -n 19 &
  pids[$target]=$!
done
echo "fuzzing ${targets[*]} side by side until each has had $seconds CPU seconds"
while :; do
  running=0
  for target in "${targets[@]}"; do
    shell=${pids[$target]}
    kill -0 "$shell" 2>/dev/null || continue
    running=1
    fuzzer=$(pgrep -P "$shell" | head -1)
    [ -n "$fuzzer" ] && [ "$(cpu_seconds "$fuzzer")" -ge "$seconds" ] && kill -INT "$fuzzer"
  done
  [ "$running" -eq 1 ] || break
  sleep 20
done
for target in "${targets[@]}"; do
  wait "${pids[$target]}"
  code=$?
  echo "$target:"
  report "$target" $code || status=1
done
exit $status
