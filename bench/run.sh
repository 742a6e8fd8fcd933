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
# Each source protocol built to every format, and escc's SVG beside `dot -Tsvg`.
for protocol in "$here"/../protocols/*.esc; do
  "$build/bench/escc-bench-build" "$protocol" 10 | tee -a "$results"
done

# The same comparison as whole processes, as a user meets them: escc's SVG step is
# `build --emit svg` less `build --emit dot` (the checking both share).
best_microseconds() {
  local best=999999999 start elapsed
  for _ in $(seq 10); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    elapsed=$((($(date +%s%N) - start) / 1000))
    [ "$elapsed" -lt "$best" ] && best=$elapsed
  done
  echo "$best"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for protocol in "$here"/../protocols/*.esc; do
  name=$(basename "$protocol" .esc)
  "$build/escc" build --today 2026-11-23 --emit dot -o "$work" "$protocol" >/dev/null
  only_dot=$(best_microseconds "$build/escc" build --today 2026-11-23 --emit dot -o "$work" "$protocol")
  with_svg=$(best_microseconds "$build/escc" build --today 2026-11-23 --emit svg -o "$work" "$protocol")
  everything=$(best_microseconds "$build/escc" build --today 2026-11-23 -o "$work" "$protocol")
  graphviz=$(best_microseconds dot -Tsvg "$work/$name.dot" -o "$work/graphviz.svg")
  awk -v name="$name" -v all="$everything" -v dot_only="$only_dot" -v svg="$with_svg" -v graphviz="$graphviz" 'BEGIN {
    printf "{\"benchmark\": \"build-process\", \"file\": \"%s\", \"build_all_formats_ms\": %.2f, \"escc_svg_step_ms\": %.2f, \"dot_tsvg_ms\": %.2f, \"svg_ratio\": %.3f}\n",
      name, all / 1000, (svg - dot_only) / 1000, graphviz / 1000, (svg - dot_only) / graphviz }' | tee -a "$results"
done

# 1,000 protocols in a folder, checked on one thread and on every core.
many="$data/many"
if [ ! -d "$many" ] || [ "$(ls "$many" | wc -l)" -ne 1000 ]; then
  rm -rf "$many"
  mkdir -p "$many"
  for n in $(seq -w 1 1000); do "$build/bench/escc-generate" 0.02 >"$many/protocol-$n.esc"; done
fi
one=$(best_microseconds "$build/escc" check -j 1 --today 2026-11-23 "$many")
all=$(best_microseconds "$build/escc" check --today 2026-11-23 "$many")
awk -v one="$one" -v all="$all" -v cores="$(nproc)" 'BEGIN {
  printf "{\"benchmark\": \"check-folder\", \"protocols\": 1000, \"cores\": %d, \"one_thread_ms\": %.1f, \"all_cores_ms\": %.1f, \"speedup\": %.2f}\n",
    cores, one / 1000, all / 1000, one / all }' | tee -a "$results"
