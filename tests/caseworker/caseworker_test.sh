#!/usr/bin/env bash
# Everything a caseworker acts on is in the generated header: every protocol of the
# repository (protocols/ and the corpus) built to C++ and JSON; one program, including
# every header, prints what each holds (header_rows.hpp), compiled by g++ and clang++,
# C++17 and C++20, with warnings as errors; json_rows.cpp then names any fact of the
# JSON output, or finding of `escc check`, the header lacks.
# Usage: caseworker_test.sh path/to/escc path/to/escc-caseworker-rows repository-root
set -euo pipefail
escc=$1
rows_tool=$2
root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

protocols=("$root"/protocols/*.esc "$root"/tests/corpus/*/*.esc)
"$escc" build --today 2026-11-23 --emit cpp,json -o "$work/generated" "${protocols[@]}" >/dev/null 2>&1

{
  echo '#include <cstdio>'
  echo '#include <string>'
  for protocol in "${protocols[@]}"; do echo "#include \"$(basename "$protocol" .esc).hpp\""; done
  echo '#include "header_rows.hpp"'
  echo 'int main(int argc, char** argv) {'
  echo '  if (argc != 2) return 2;'
  echo '  std::string folder = argv[1];'
  for protocol in "${protocols[@]}"; do
    stem=$(basename "$protocol" .esc)
    space=$(sed -n 's/^namespace \(escc_[A-Za-z0-9_]*\) {$/\1/p' "$work/generated/$stem.hpp" | head -1)
    echo "  if (std::FILE* out = std::fopen((folder + \"/$stem.rows\").c_str(), \"w\")) {"
    echo "    caseworker_rows::print($space::protocol, $space::details, out);"
    echo '    std::fclose(out);'
    echo '  } else {'
    echo '    return 1;'
    echo '  }'
  done
  echo '  return 0;'
  echo '}'
} >"$work/rows.cpp"

status=0
flags=(-Wall -Wextra -Wpedantic -Werror -I "$work/generated" -I "$root/runtime" -I "$root/tests/caseworker")
for compiler in "g++ -std=c++17" "clang++ -std=c++17" "g++ -std=c++20" "clang++ -std=c++20"; do
  if ! $compiler "${flags[@]}" -o "$work/rows" "$work/rows.cpp"; then
    echo "FAIL $compiler: the program reading every header does not compile"; status=1; continue
  fi
  rm -rf "$work/rows-out" && mkdir "$work/rows-out"
  "$work/rows" "$work/rows-out" || { echo "FAIL $compiler: the program could not write its rows"; status=1; continue; }
  for protocol in "${protocols[@]}"; do
    stem=$(basename "$protocol" .esc)
    "$escc" check --today 2026-11-23 --format json "$protocol" >"$work/$stem.findings.json" 2>/dev/null || true
    if ! "$rows_tool" "$work/generated/$stem.json" "$work/$stem.findings.json" "$work/rows-out/$stem.rows" \
        >"$work/$stem.compared"; then
      echo "FAIL $compiler: $stem's header lacks what its JSON says"; cat "$work/$stem.compared"; status=1
    fi
  done
  echo "$compiler: $(cat "$work"/*.compared | awk '{facts += $2; missing += $4} END {print facts " facts, " missing " missing"}')"
done

# The issue's lost number: Barnet Hospital's duty paediatric team, reached out of hours
# only through the hospital's switchboard.
lost=$'contact Barnet Hospital duty paediatric team switchboard\t0208 216 4600'
if ! grep -qxF "$lost" "$work/rows-out/barnet.rows"; then
  echo "FAIL the Barnet Hospital duty paediatric team's switchboard is not in the header"; status=1
fi
# And the comparison can fail: without that row, the number is reported missing.
grep -vxF "$lost" "$work/rows-out/barnet.rows" >"$work/without.rows"
if "$rows_tool" "$work/generated/barnet.json" "$work/barnet.findings.json" "$work/without.rows" >"$work/without.out" ||
    ! grep -qF "0208 216 4600" "$work/without.out"; then
  echo "FAIL a header without the hospital's switchboard was not reported"; status=1
fi
exit $status
