#!/usr/bin/env bash
# `make bench`: the reproducible benchmark suite. Release build, on this machine.
# Writes docs/performance.md (the tables) and bench/results.json (every figure, one JSON
# object a line; not committed).
#   1. synthetic protocols of 1, 10 and 100 MB: parse, check and build throughput and
#      peak memory, and how time grows with size;
#   2. the five source protocols: wall time of `escc check` and `escc build`, and their
#      instruction counts under callgrind (the same from run to run);
#   3. one flow chart drawn three ways: escc's SVG, `dot -Tsvg` on escc's DOT, and
#      PlantUML on an equivalent activity diagram;
#   4. a folder of 1,000 protocols checked on one thread and on every core.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
data="$here/data"
mkdir -p "$data"
results="$here/results.json"
report="$root/docs/performance.md"
: >"$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
escc="$build/escc"

# Best wall time of 10 runs, in microseconds.
best_microseconds() {
  local best=999999999 start elapsed
  for _ in $(seq "${RUNS:-10}"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    elapsed=$((($(date +%s%N) - start) / 1000))
    [ "$elapsed" -lt "$best" ] && best=$elapsed
  done
  echo "$best"
}
# Peak resident memory of one run, in kilobytes.
peak_kilobytes() {
  /usr/bin/time -f '%M' -o "$work/peak" "$@" >/dev/null 2>&1 || true
  cat "$work/peak"
}
# Instructions counted by callgrind for one run.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ { print $NF }'
}
json_field() { sed -E "s/.*\"$1\": ([0-9.]+).*/\1/" <<<"$2"; }

{
  echo "# Performance"
  echo
  echo "Written by \`make bench\` (bench/run.sh) on $(nproc) cores, $(uname -m), $(g++ --version | head -1)."
  echo "Release build. Times are the best of several runs; instruction counts come from"
  echo "\`valgrind --tool=callgrind\` and do not change from run to run."
  echo
  echo "## Synthetic protocols"
  echo
  echo "Made by \`escc-generate\` in the proportions of real protocols (stages with steps, quotes and"
  echo "outcomes; agencies with lines and contacts). One thread. Build writes DOT, C++ and JSON:"
  echo "drawing a chart of tens of thousands of stages is Graphviz's work, measured below on real ones."
  echo
  echo "| size | parse MB/s | parse peak memory | check MB/s | resolve + checks / parse | check peak memory | build (dot, cpp, json) MB/s | build peak memory |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$report"

declare -A check_seconds
for size in 1 10 100; do
  file="$data/synthetic-${size}mb.esc"
  [ -f "$file" ] || "$build/bench/escc-generate" "$size" >"$file"
  parse=$("$build/bench/escc-bench-parse" "$file" 3)
  check=$("$build/bench/escc-bench-check" "$file" 3)
  echo "$parse" >>"$results"
  echo "$check" >>"$results"
  bytes=$(stat -c %s "$file")
  build_us=$(RUNS=3 best_microseconds "$escc" build --today 2026-11-23 --emit dot,cpp,json -o "$work/out" "$file")
  build_peak=$(peak_kilobytes "$escc" build --today 2026-11-23 --emit dot,cpp,json -o "$work/out" "$file")
  check_peak=$(peak_kilobytes "$escc" check --today 2026-11-23 "$file")
  total=$(awk -v l="$(json_field read_and_parse_seconds "$check")" -v r="$(json_field resolve_seconds "$check")" \
    -v c="$(json_field checks_seconds "$check")" 'BEGIN { print l + r + c }')
  check_seconds[$size]=$total
  echo "{\"benchmark\": \"build-synthetic\", \"megabytes\": $size, \"build_microseconds\": $build_us, \"build_peak_kb\": $build_peak, \"check_peak_kb\": $check_peak}" >>"$results"
  awk -v size="$size" -v bytes="$bytes" -v pmbs="$(json_field megabytes_per_second "$parse")" \
    -v ppeak="$(json_field peak_resident_bytes "$parse")" -v cmbs="$(json_field check_megabytes_per_second "$check")" \
    -v ratio="$(json_field resolve_and_checks_over_parse "$check")" -v cpeak="$check_peak" -v bus="$build_us" \
    -v bpeak="$build_peak" 'BEGIN {
      mb = bytes / 1048576
      printf "| %d MB | %.0f | %.0f MB (%.1f×) | %.0f | %.2f | %.0f MB (%.1f×) | %.0f | %.0f MB (%.1f×) |\n",
        size, pmbs, ppeak / 1048576, ppeak / bytes, cmbs, ratio, cpeak / 1024, cpeak * 1024 / bytes,
        mb / (bus / 1e6), bpeak / 1024, bpeak * 1024 / bytes }' >>"$report"
done
awk -v t1="${check_seconds[1]}" -v t10="${check_seconds[10]}" -v t100="${check_seconds[100]}" 'BEGIN {
  printf "\nHow check time grows with size (time ∝ size^k): k = %.2f from 1 to 10 MB, %.2f from 10 to 100 MB, %.2f from 1 to 100 MB (1.00 is linear).\n",
    log(t10 / t1) / log(10), log(t100 / t10) / log(10), log(t100 / t1) / log(100) }' >>"$report"

# Resolution and checks against parsing, each run a fresh process (as `escc check` is),
# on one thread and on every core; the best of three for each phase.
phases() {  # FILE THREADS -> "parse resolve checks" in seconds
  local line
  for _ in 1 2 3; do
    line=$("$build/bench/escc-bench-check" "$1" 1 --threads "$2" || true)
    echo "$line" >>"$results"
    echo "$(json_field read_and_parse_seconds "$line") $(json_field resolve_seconds "$line") $(json_field checks_seconds "$line")"
  done | awk 'NR == 1 || $1 < p { p = $1 } NR == 1 || $2 < r { r = $2 } NR == 1 || $3 < c { c = $3 } END { print p, r, c }'
}
{
  echo
  echo "## Resolution and checks against parsing"
  echo
  echo "Each figure is the best of three fresh processes. Resolution and the checks of a large"
  echo "protocol run on every core; parsing runs on one."
  echo
  echo "| input | threads | read and parse | resolve | checks | resolve + checks / parse | resolve + checks, 50 MB / 5 MB |"
  echo "|---|---|---|---|---|---|---|"
} >>"$report"
for file_size in 5 50; do
  file="$data/synthetic-${file_size}mb.esc"
  [ -f "$file" ] || "$build/bench/escc-generate" "$file_size" >"$file"
done
for threads in 1 "$(nproc)"; do
  read -r p5 r5 c5 <<<"$(phases "$data/synthetic-5mb.esc" "$threads")"
  read -r p50 r50 c50 <<<"$(phases "$data/synthetic-50mb.esc" "$threads")"
  awk -v t="$threads" -v p5="$p5" -v r5="$r5" -v c5="$c5" -v p50="$p50" -v r50="$r50" -v c50="$c50" 'BEGIN {
    printf "| 5 MB | %d | %.0f ms | %.0f ms | %.0f ms | %.2f | |\n", t, p5 * 1000, r5 * 1000, c5 * 1000, (r5 + c5) / p5
    printf "| 50 MB | %d | %.0f ms | %.0f ms | %.0f ms | %.2f | %.1f× |\n", t, p50 * 1000, r50 * 1000, c50 * 1000,
      (r50 + c50) / p50, (r50 + c50) / (r5 + c5) }' >>"$report"
done

{
  echo
  echo "## The five source protocols"
  echo
  echo "| protocol | size | \`escc check\` wall | \`escc check\` instructions | \`escc build\` (7 files) wall | \`escc build\` instructions |"
  echo "|---|---|---|---|---|---|"
} >>"$report"
for protocol in "$root"/protocols/*.esc; do
  name=$(basename "$protocol" .esc)
  check_us=$(best_microseconds "$escc" check --today 2026-11-23 "$protocol")
  build_us=$(best_microseconds "$escc" build --today 2026-11-23 -o "$work/site" "$protocol")
  check_instructions=$(instructions "$escc" check --today 2026-11-23 "$protocol")
  build_instructions=$(instructions "$escc" build --today 2026-11-23 -o "$work/site" "$protocol")
  echo "{\"benchmark\": \"protocol\", \"file\": \"$name\", \"check_microseconds\": $check_us, \"check_instructions\": $check_instructions, \"build_microseconds\": $build_us, \"build_instructions\": $build_instructions}" >>"$results"
  awk -v name="$name" -v bytes="$(stat -c %s "$protocol")" -v cus="$check_us" -v ci="$check_instructions" \
    -v bus="$build_us" -v bi="$build_instructions" 'BEGIN {
      printf "| %s | %.1f KB | %.1f ms | %.1f M | %.1f ms | %.1f M |\n", name, bytes / 1024, cus / 1000, ci / 1e6, bus / 1000, bi / 1e6 }' >>"$report"
done

{
  echo
  echo "## One chart, three ways"
  echo
  echo "The Wolverhampton protocol's flow chart. escc's SVG step is \`escc build --emit svg\` less"
  echo "\`escc build --emit dot\` (the checking both share); \`dot -Tsvg\` draws escc's DOT; PlantUML"
  echo "(Debian's \`plantuml\`) draws the same boxes and arrows as an activity diagram"
  echo "(\`escc-bench-plantuml\`). Whole processes, as a user runs them."
  echo
  echo "| | wall | relative to \`dot -Tsvg\` |"
  echo "|---|---|---|"
} >>"$report"
chart="$root/protocols/wolverhampton.esc"
"$escc" build --today 2026-11-23 --emit dot -o "$work/chart" "$chart" >/dev/null
"$build/bench/escc-bench-plantuml" "$chart" >"$work/chart.puml"
only_dot=$(best_microseconds "$escc" build --today 2026-11-23 --emit dot -o "$work/chart" "$chart")
with_svg=$(best_microseconds "$escc" build --today 2026-11-23 --emit svg -o "$work/chart" "$chart")
graphviz=$(best_microseconds dot -Tsvg "$work/chart/wolverhampton.dot" -o "$work/graphviz.svg")
if command -v plantuml >/dev/null; then
  plantuml_us=$(RUNS=3 best_microseconds plantuml -tsvg -o "$work/plantuml" "$work/chart.puml")
else
  plantuml_us=0
fi
echo "{\"benchmark\": \"chart\", \"escc_svg_step_microseconds\": $((with_svg - only_dot)), \"dot_tsvg_microseconds\": $graphviz, \"plantuml_microseconds\": $plantuml_us}" >>"$results"
awk -v escc=$((with_svg - only_dot)) -v dot="$graphviz" -v plantuml="$plantuml_us" 'BEGIN {
  printf "| escc SVG step | %.1f ms | %.2f× |\n", escc / 1000, escc / dot
  printf "| `dot -Tsvg` | %.1f ms | 1.00× |\n", dot / 1000
  if (plantuml > 0) printf "| PlantUML | %.0f ms | %.1f× (escc is %.0f× faster) |\n", plantuml / 1000, plantuml / dot, plantuml / escc
  else print "| PlantUML | not installed | |" }' >>"$report"

{
  echo
  echo "## Many protocols on every core"
  echo
} >>"$report"
many="$data/many"
if [ ! -d "$many" ] || [ "$(find "$many" -name '*.esc' | wc -l)" -ne 1000 ]; then
  rm -rf "$many"
  mkdir -p "$many"
  for n in $(seq -w 1 1000); do "$build/bench/escc-generate" 0.02 >"$many/protocol-$n.esc"; done
fi
one=$(RUNS=5 best_microseconds "$escc" check -j 1 --today 2026-11-23 "$many")
all=$(RUNS=5 best_microseconds "$escc" check --today 2026-11-23 "$many")
echo "{\"benchmark\": \"check-folder\", \"protocols\": 1000, \"cores\": $(nproc), \"one_thread_microseconds\": $one, \"all_cores_microseconds\": $all}" >>"$results"
awk -v one="$one" -v all="$all" -v cores="$(nproc)" 'BEGIN {
  printf "`escc check` on a folder of 1,000 generated protocols (24 MB): %.0f ms on one thread, %.0f ms on %d cores, %.2f× faster.\n",
    one / 1000, all / 1000, cores, one / all }' >>"$report"
cat "$report"
