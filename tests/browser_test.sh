#!/usr/bin/env bash
# Builds the five protocols and a hostile one into a site, then opens it in Debian's
# Chromium (tests/browser/directory_test.mjs, publishing_test.mjs for phones and axe-core, and
# fragment_test.mjs for the page embedded in another site). Screenshots stay in
# BUILD_DIR/screenshots for people to look at.
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
# The pages embedded in a site of the partnership's own (fragment_test.mjs writes the host pages).
"$escc" build --today 2026-11-23 --emit html-fragment -o "$work/fragments" "$root"/protocols/*.esc >/dev/null
node "$root/tests/browser/fragment_test.mjs" "$work/fragments" "$build/browser/node_modules"
