#!/usr/bin/env bash
# `make run`: checks every protocol in protocols/ and prints the findings.
# Findings in the protocols are the point of the run, so exit 1 (findings) is not a
# failure of the run; exit 2 (usage or I/O problem) is.
set -uo pipefail
escc=${1:-build/escc}
cd "$(dirname "$0")/.."
shopt -s nullglob
protocols=(protocols/*.esc)
if [ ${#protocols[@]} -eq 0 ]; then
  echo "No protocols found in protocols/." >&2
  exit 2
fi
"$escc" check "${protocols[@]}"
status=$?
[ $status -le 1 ] || exit $status
exit 0
