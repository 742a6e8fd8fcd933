#!/usr/bin/env bash
# How heavy a generated header is for a program that includes it: the time g++ takes to
# compile a case program that includes it and the runtime (-O2, the best of three), and
# the size of that program, stripped (the tables are all in it: the program reaches them
# through a pointer the compiler cannot follow); then the size of the same program when
# it also reaches `details`, what a caseworker acts on, as a case-management screen would.
# Usage: bench/header_weight.sh path/to/escc protocol.esc
set -euo pipefail
escc=$1
protocol=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stem=$(basename "$protocol" .esc)
"$escc" build --today 2026-11-23 --emit cpp -o "$work" "$protocol" >/dev/null
space=$(sed -n 's/^namespace \(escc_[A-Za-z0-9_]*\) {$/\1/p' "$work/$stem.hpp" | head -1)
cat >"$work/case.cpp" <<PROGRAM
#include <cstdio>
#include "$stem.hpp"
#include "escc/runtime.hpp"
int main() {
  // Through a volatile pointer, so that the compiler cannot work the case out while
  // compiling and leave the tables out of the program.
  const auto* volatile chosen = &$space::protocol;
  escc::Escalation e(*chosen, escc::Date::of(2026, 12, 18).value(), "bench");
  auto due = e.due_date();
  std::printf("%d\n", due ? due->date.day() : 0);
#ifdef WITH_DETAILS
  const escc::tables::ProtocolDetails* volatile details = &$space::details;
  std::printf("%zu\n", details->quotes.size);
#endif
}
PROGRAM
best=
for run in 1 2 3; do
  start=$(date +%s.%N)
  g++ -std=c++17 -O2 -I "$work" -I "$root/runtime" -o "$work/case" "$work/case.cpp"
  took=$(echo "$(date +%s.%N) - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$took < $best" | bc)" = 1 ]; then best=$took; fi
done
strip "$work/case"
g++ -std=c++17 -O2 -DWITH_DETAILS -I "$work" -I "$root/runtime" -o "$work/screen" "$work/case.cpp"
strip "$work/screen"
printf '%s: header %d bytes, compiled in %.2f s, program %d bytes stripped (%d with the details)\n' "$stem" \
  "$(wc -c <"$work/$stem.hpp")" "$best" "$(wc -c <"$work/case")" "$(wc -c <"$work/screen")"
