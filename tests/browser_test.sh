#!/usr/bin/env bash
# Builds the five protocols and a hostile one into a site, then opens it in Debian's
# Chromium (tests/browser/directory_test.mjs, and publishing_test.mjs for phones and axe-core). Screenshots stay in
# BUILD_DIR/screenshots for people to look at. print_test.mjs prints the pages to A4 (the
# PDFs stay in BUILD_DIR/print) and checks the amendments pages, built with --previous
# against edited copies of the protocols (each with a different title and first stage).
# Usage: browser_test.sh path/to/escc repository-root build-dir
set -euo pipefail
escc=$1
root=$2
build=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$escc" build --today 2026-11-23 -o "$work/site" "$root"/protocols/*.esc "$root/tests/outputs/hostile.esc" >/dev/null
node "$root/tests/browser/directory_test.mjs" "$work/site" "$build/browser/node_modules" "$build/screenshots"
node "$root/tests/browser/publishing_test.mjs" "$work/site" "$build/browser/node_modules"
mkdir -p "$work/published" "$build/print"
cp -r "$root/protocols/sources" "$work/published/"
for protocol in "$root"/protocols/*.esc; do
  sed -e '0,/^protocol "/s/^protocol "/protocol "Earlier: /' -e '0,/^stage 1 "/s/^stage 1 "/stage 1 "Earlier: /' \
    "$protocol" >"$work/published/$(basename "$protocol")"
done
"$escc" build --today 2026-11-23 --previous "$work/published" -o "$work/amended" "$root"/protocols/*.esc >/dev/null
node "$root/tests/browser/print_test.mjs" "$work/site" "$work/amended" "$build/browser/node_modules" "$build/print"
