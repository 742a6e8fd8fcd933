#!/usr/bin/env bash
# Runs every escc fuzz target for a bounded time. Corpora start from the protocols and
# every .esc file of the tests, and grow in FUZZ_DIR/corpus between runs.
# Usage: tools/run-fuzzers.sh FUZZ_DIR SECONDS
set -uo pipefail
folder=$1
seconds=$2
cd "$(dirname "$0")/.."
status=0
for target in parser check format backends; do
  corpus="$folder/corpus/$target"
  artifacts="$folder/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  find protocols stdlib tests -name '*.esc' -exec cp {} "$corpus/" \;
  echo "fuzzing $target for $seconds s"
  if ! "$folder/tests/fuzz/escc-fuzz-$target" "$corpus" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 \
      2>"$folder/fuzz-$target.log"; then
    echo "FAIL $target: see $folder/fuzz-$target.log and the input in $artifacts"
    tail -30 "$folder/fuzz-$target.log"
    status=1
  else
    grep -E 'stat::number_of_executed_units|cov:' "$folder/fuzz-$target.log" | tail -2
  fi
done
exit $status
