#!/usr/bin/env bash
# `make run`: checks every protocol in protocols/, prints the findings, and writes the
# outputs escc can produce to out/. Warnings are the point of the run; errors (exit 1)
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
"$escc" build "${protocols[@]}" -o out
