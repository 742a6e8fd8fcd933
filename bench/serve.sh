#!/usr/bin/env bash
# `escc serve`'s speed (not a test): bench/serve.sh BUILD_DIR [SAVES]
# Serves the five real protocols with their documents, opens herefordshire.esc's page (the
# largest) in Debian's Chromium, and SAVES times saves an edit of it, timing each from the
# save to the open page showing it (bench/serve.mjs). Prints the median and the slowest,
# then every figure as one JSON line (for bench/run.sh, whose part "serve" this is).
# Needs Chromium and the browser driver (tools/ensure-deps.sh bench or test).
set -euo pipefail
build=${1:-build}
saves=${2:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export no_proxy='*' NO_PROXY='*'
cp "$root"/protocols/*.esc "$work/"
cp -r "$root/protocols/sources" "$work/"
"$root/$build/escc" serve --port 0 "$work" >"$work/log" 2>&1 &
server=$!
for _ in $(seq 300); do grep -q 'serving' "$work/log" && break; sleep 0.1; done
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { cat "$work/log"; echo "escc serve did not start" >&2; exit 1; }
page=$(node "$root/bench/serve.mjs" "http://127.0.0.1:$port" "$work/herefordshire.esc" "$root/$build/browser/node_modules" "$saves")
rebuild=$(grep 'rebuilt' "$work/log" | sed 's/.* in \([0-9]*\) ms/\1/' | sort -n |
  awk '{a[NR]=$1} END {print "the rebuild alone: median " a[int((NR+1)/2)] " ms, slowest " a[NR] " ms"}')
echo "$page"
echo "$rebuild"
median() { sed -E 's/.*median ([0-9]+) ms.*/\1/' <<<"$1"; }
slowest() { sed -E 's/.*slowest ([0-9]+) ms.*/\1/' <<<"$1"; }
echo "{\"benchmark\": \"serve\", \"saves\": $saves, \"page_median_ms\": $(median "$page"), \"page_slowest_ms\": $(slowest "$page"), \"rebuild_median_ms\": $(median "$rebuild"), \"rebuild_slowest_ms\": $(slowest "$rebuild")}"
