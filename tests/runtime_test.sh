#!/usr/bin/env bash
# Generated C++ state tables with the runtime: every protocol's header, and one full of
# text that looks like C++, compiled by g++ and clang++ with warnings as errors (and
# once with trigraphs switched on), then real cases run through them.
# Usage: runtime_test.sh path/to/escc repository-root
set -euo pipefail
escc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$escc" build --today 2026-11-23 --emit cpp -o "$work/generated" "$root"/protocols/*.esc "$root/tests/outputs/hostile.esc" "$root/tests/runtime/whom.esc" >/dev/null

flags=(-Wall -Wextra -Wpedantic -Werror -I "$work/generated" -I "$root/runtime")
status=0
for compiler in "g++ -std=c++17" "clang++ -std=c++17" "g++ -std=c++20" "g++ -std=c++17 -trigraphs -Wno-trigraphs"; do
  # Each header must also compile on its own.
  for header in "$work"/generated/*.hpp; do
    if ! $compiler "${flags[@]}" -fsyntax-only -x c++ "$header"; then
      echo "FAIL $compiler: $(basename "$header") does not compile on its own"; status=1
    fi
  done
  if ! $compiler "${flags[@]}" -o "$work/cases" "$root/tests/runtime/cases.cpp"; then
    echo "FAIL $compiler: the case program does not compile"; status=1; continue
  fi
  echo "$compiler: $("$work/cases")" || status=1
  "$work/cases" >/dev/null || { echo "FAIL $compiler: cases failed"; "$work/cases"; status=1; }
done
exit $status
