#!/usr/bin/env bash
# `make run`: checks every protocol in protocols/, prints the findings, writes the
# outputs escc can produce to out/, and says how much of each protocol's document its
# quotes account for. Warnings are the point of the run; errors (exit 1)
# mean nothing was written, and fail the run, as do usage or I/O problems (exit 2).
set -uo pipefail
escc=${1:-build/escc}
cd "$(dirname "$0")/.."
shopt -s nullglob
protocols=(protocols/*.esc)
if [ ${#protocols[@]} -eq 0 ]; then
  echo "No protocols found in protocols/." >&2
  exit 2
fi
"$escc" build "${protocols[@]}" -o out || exit
# How much of each protocol's published document its quotes account for (escc trace),
# one line each; a protocol that names no document has nothing to trace.
for protocol in "${protocols[@]}"; do
  if grep -Eq '^[[:space:]]*document[[:space:]]+"' "$protocol"; then
    "$escc" trace --format summary "$protocol" || exit
  fi
done
