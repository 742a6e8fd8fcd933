#!/usr/bin/env bash
# A 100 MB protocol: checked to the end with a clear report, no crash and no hang.
# (Its speed and memory are measured by `make bench`, not judged here.)
# Usage: large_input_test.sh path/to/escc path/to/escc-generate
set -euo pipefail
escc=$1
generate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$generate" 100 >"$work/large.esc"
bytes=$(stat -c %s "$work/large.esc")
output=$("$escc" check --today 2026-11-23 "$work/large.esc" 2>&1) || {
  echo "FAIL escc check exited $? on a 100 MB file"; echo "$output" | tail -5; exit 1; }
if ! grep -q 'escc: 1 warning in 1 file' <<<"$output"; then
  echo "FAIL unexpected report:"; echo "$output" | tail -5; exit 1
fi
echo "a $((bytes / 1048576)) MB protocol checked: $(tail -1 <<<"$output")"
