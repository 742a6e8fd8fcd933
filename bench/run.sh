#!/usr/bin/env bash
# `make bench`: generates synthetic protocols and measures parsing and the whole check
# pipeline on them. Release build, one thread. Results go to stdout and to
# bench/results.json (not committed; figures are reported in docs/ and issue notes).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
mkdir -p "$data"
results="$here/results.json"
: >"$results"
for size in 1 5 10 50; do
  file="$data/synthetic-${size}mb.esc"
  "$build/bench/escc-generate" "$size" >"$file"
  "$build/bench/escc-bench-parse" "$file" 3 | tee -a "$results"
  "$build/bench/escc-bench-check" "$file" 3 | tee -a "$results"
done
