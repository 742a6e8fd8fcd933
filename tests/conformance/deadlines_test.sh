#!/usr/bin/env bash
# The deadline conformance test: for every protocol in protocols/, cases raised on dates
# across Christmas, Easter, the year's end and the clock changes, every stage of the main
# path and every kind of case, asked of `escc deadlines --format json`, of the generated
# C++ tables with the runtime, and of the page in Debian's Chromium. Every due date, every
# rule and every contact list must be the same.
# Usage: deadlines_test.sh ESCC REPOSITORY_ROOT BUILD_DIR
set -euo pipefail
escc=$1
root=$2
build=$3
here="$root/tests/conformance"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Christmas and the year's end (18, 24 and 31 December, a Saturday between), Easter 2026
# (Good Friday 3 April, Easter Monday 6 April) and 2027 (26 and 29 March), the clocks
# going forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
starts=(2026-12-18 2026-12-19 2026-12-24 2026-12-31 2026-04-01 2027-03-24 2026-03-27 2026-03-29 2026-10-23 2026-10-25)
stems=()
for file in "$root"/protocols/*.esc; do stems+=("$(basename "$file" .esc)"); done

"$escc" build --today 2026-11-23 --emit cpp,html -o "$work/out" "$root"/protocols/*.esc >/dev/null
mkdir -p "$work/json"
for stem in "${stems[@]}"; do
  for start in "${starts[@]}"; do
    for kind in any open new; do
      case_option=()
      [ "$kind" = any ] || case_option=(--case "$kind")
      # Exit status 1 is a finding about the protocol (T009: past the calendar's data), not a failure here.
      "$escc" deadlines "$root/protocols/$stem.esc" --start "$start" --at 10:00 "${case_option[@]}" --format json \
        > "$work/json/${stem}_${start}_${kind}.json" 2>/dev/null || [ $? -eq 1 ]
    done
  done
done

: > "$work/out/protocols.hpp"
: > "$work/out/protocols.inc"
for stem in "${stems[@]}"; do
  echo "#include \"$stem.hpp\"" >> "$work/out/protocols.hpp"
  echo "PROTOCOL(escc_$stem, \"$stem\")" >> "$work/out/protocols.inc"
done

status=0
node "$here/deadline_rows.mjs" "$work/json" "${stems[@]}" -- "${starts[@]}" > "$work/compiler.tsv"
g++ -std=c++17 -Wall -Wextra -Werror -I "$work/out" -I "$root/runtime" -o "$work/runtime_deadlines" "$here/runtime_deadlines.cpp"
"$work/runtime_deadlines" "${starts[@]}" > "$work/runtime.tsv"
rows=$(wc -l < "$work/compiler.tsv")
if ! diff "$work/compiler.tsv" "$work/runtime.tsv" > "$work/differences"; then
  echo "FAIL: the runtime and escc deadlines differ (< escc deadlines, > the runtime):"
  cat "$work/differences"
  status=1
fi
echo "escc deadlines and the runtime: $rows rows compared"
[ "$rows" -gt 0 ] || { echo "FAIL: no rows"; status=1; }

echo "the issue's hand-checked dates:"
g++ -std=c++17 -Wall -Wextra -Werror -I "$work/out" -I "$root/runtime" -o "$work/issue_dates" "$here/issue_dates.cpp"
"$work/issue_dates" || status=1

echo "the page in Chromium:"
if ! node "$here/page_deadlines.mjs" "$work/out" "$work/json" 2026-12-18 "$build/browser/node_modules" "${stems[@]}"; then
  status=1
fi
exit $status
