#!/usr/bin/env bash
# The pages of hostile protocols, in Chromium (pages_test.mjs):
# - a site of protocols whose file names are hostile in a link (link-name.esc copied as
#   javascript:alert(1).esc, a#b.esc...), with Barnet's for the "now" view;
# - a folder built by three runs of escc, one protocol at a time: its index lists them all;
# - and, before Chromium, a chart too large to draw stopping the build (I012).
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
mkdir -p "$work/in/sources"
cp "$root/protocols/sources/barnet.txt" "$work/in/sources/"
"$escc" build --today 2026-11-23 -o "$work/site" "$work"/in/*.esc >/dev/null

for protocol in barnet merton barnet; do
  "$escc" build --today 2026-11-23 -o "$work/site2" "$root/protocols/$protocol.esc" >/dev/null
done

# A chart too large to draw (200 stages and the immediate-risk rule: 201 boxes): the
# build stops with I012 before Graphviz runs, and makes nothing, not even the folder.
awk 'BEGIN {
  print "protocol \"Too many stages to draw\" {\n  status live\n  approved by \"Board\" on 2026-01-15\n  review due 2027-01\n}"
  print "immediate risk {\n  immediately\n}"
  for (i = 1; i < 200; i++) printf "stage %d \"S%d\" {\n  within 1 working day\n  when unresolved: go to stage %d\n}\n", i, i, i + 1
  print "stage 200 \"Last\" {\n  within 1 working day\n  final binding\n}"
}' >"$work/too-large.esc"
status=0
"$escc" build --today 2026-11-23 -o "$work/too-large" "$work/too-large.esc" >"$work/too-large.log" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q 'error\[I012\]: the flow chart of .*too-large.esc would have 201 boxes and 200 arrows' "$work/too-large.log" ||
  [ -e "$work/too-large" ]; then
  echo "FAIL a chart too large to draw: exit $status"; cat "$work/too-large.log"; exit 1
fi
"$escc" build --today 2026-11-23 --emit cpp,json -o "$work/too-large" "$work/too-large.esc" >/dev/null 2>&1 ||
  { echo "FAIL --emit cpp,json of a protocol whose chart is too large"; exit 1; }

node "$here/pages_test.mjs" "$work/site" "$work/site2" "$build/browser/node_modules" "${names[@]}"
