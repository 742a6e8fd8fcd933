#!/usr/bin/env bash
# The pages of hostile protocols, in Chromium (pages_test.mjs):
# - a site of protocols whose file names are hostile in a link (link-name.esc copied as
#   javascript:alert(1).esc, a#b.esc...), with Barnet's for the "now" view;
# - a folder built by three runs of escc, one protocol at a time: its index lists them all.
# Usage: pages_test.sh path/to/escc repository-root build-dir
set -euo pipefail
escc=$1
root=$2
build=$3
here=$root/tests/hostile/outputs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/in"
names=('javascript:alert(1)' 'a#b' 'what?' '100%' '%41' 'my area' 'A')
for name in "${names[@]}"; do
  # The title names the file, so the test can tell which page a link opened.
  sed "s/NAME/$name/" "$here/link-name.esc" >"$work/in/$name.esc"
done
cp "$root/protocols/barnet.esc" "$work/in/"
"$escc" build --today 2026-11-23 -o "$work/site" "$work"/in/*.esc >/dev/null

for protocol in barnet merton barnet; do
  "$escc" build --today 2026-11-23 -o "$work/site2" "$root/protocols/$protocol.esc" >/dev/null
done

node "$here/pages_test.mjs" "$work/site" "$work/site2" "$build/browser/node_modules" "${names[@]}"
