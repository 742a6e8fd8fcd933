#!/usr/bin/env bash
# The availability conformance table (availability.tsv) asked of the three places that
# answer "can this contact be reached now?": the compiler's own answer, the generated
# C++ tables with the runtime, and the page's script in Debian's Chromium. All three
# read the same protocol, made here with one contact per availability in the table.
# Usage: conformance_test.sh ESCC COMPILER_ROWS REPOSITORY_ROOT BUILD_DIR
set -euo pipefail
escc=$1
compiler_rows=$2
root=$3
build=$4
here="$root/tests/conformance"
table="$here/availability.tsv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One contact per distinct availability, titled with the words as written, so that
# every runner finds a row's contact by its title.
awk -F'\t' '
  BEGIN {
    print "use std.calendars.england_and_wales"
    print "use std.hours"
    print "protocol \"Availability conformance\" {"
    print "  status draft"
    print "  calendar england_and_wales"
    print "}"
    print "stage 1 \"Everyone\" {"
    print "  within 1 working day"
  }
  /^#/ { next }
  !($1 in seen) {
    seen[$1] = 1
    if ($1 == "") print "  contact \"not stated\" phone \"01234 567890\""
    else printf "  contact \"%s\" phone \"01234 567890\" available %s\n", $1, $1
  }
  END { print "}" }' "$table" > "$work/conformance.esc"

rows=$(grep -vc '^#' "$table")
status=0
check() {  # NAME OUTPUT: each runner prints "checked N rows" last
  local name=$1 output=$2
  if ! grep -q "^checked $rows rows$" <<<"$output"; then
    echo "FAIL $name: did not check all $rows rows"
    status=1
  fi
}

echo "compiler:"
if ! out=$("$compiler_rows" "$work/conformance.esc" "$table"); then status=1; fi
echo "$out"
check compiler "$out"

"$escc" build --emit cpp,html -o "$work/out" "$work/conformance.esc" >/dev/null 2>&1 || {
  echo "FAIL: escc build of the conformance protocol"
  "$escc" build --emit cpp,html -o "$work/out" "$work/conformance.esc"
  exit 1
}

echo "generated C++ with the runtime:"
g++ -std=c++17 -Wall -Wextra -Werror -I "$work/out" -I "$root/runtime" -I "$here" -o "$work/runtime_rows" "$here/runtime_rows.cpp"
if ! out=$("$work/runtime_rows" "$table"); then status=1; fi
echo "$out"
check runtime "$out"

echo "the page's script in Chromium:"
if ! out=$(node "$here/page_rows.mjs" "$work/out/conformance.html" "$table" "$build/browser/node_modules"); then status=1; fi
echo "$out"
check page "$out"
exit $status
