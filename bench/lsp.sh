#!/usr/bin/env bash
# The language server's speed (not a test): bench/lsp.sh BUILD_DIR [EDITS]
# Plays to `escc lsp`, through the recorded-exchange driver (tests/lsp/lsp_driver.cpp),
# EDITS edits of the largest real protocol (herefordshire.esc), each waiting for its
# findings; then 1,000 hovers and 1,000 completions. Prints the time per edit, per hover
# and per completion (the driver's own work included), and the server's peak memory after
# 1,000 edits and after EDITS, which should be the same if memory stays flat; and, under
# callgrind, the instructions one edit costs (the same from run to run, however busy the
# machine). Its last line is every figure as one JSON object, which `make bench`
# (bench/run.sh) keeps and shows in docs/performance.md.
set -euo pipefail
build=${1:-build}
edits=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/protocols/herefordshire.esc" "$work/"
cp -r "$root/protocols/sources" "$work/"
cat >"$work/escc-measured" <<WRAP
#!/usr/bin/env bash
exec /usr/bin/time -f %M -o "$work/peak-\$\$" "$root/$build/escc" "\$@"
WRAP
chmod +x "$work/escc-measured"
uri='"textDocument":{"uri":"file://ROOT/herefordshire.esc"}'
script() {  # script NAME EDITS HOVERS COMPLETIONS
  {
    echo '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}'
    echo '{"open":"herefordshire.esc"}'
    echo '{"wait":"textDocument/publishDiagnostics"}'
    for ((i = 0; i < $2; i++)); do
      if ((i % 2 == 0)); then from='use std'; to='use  std'; else from='use  std'; to='use std'; fi
      echo "{\"edit\":\"herefordshire.esc\",\"replace\":[\"$from\",\"$to\"]}"
      echo '{"wait":"textDocument/publishDiagnostics"}'
    done
    for ((i = 1; i <= $3; i++)); do
      echo "{\"jsonrpc\":\"2.0\",\"id\":$i,\"method\":\"textDocument/hover\",\"params\":{$uri,\"position\":{\"line\":120,\"character\":2}}}"
    done
    for ((i = 1; i <= $4; i++)); do
      echo "{\"jsonrpc\":\"2.0\",\"id\":$((i + 100000)),\"method\":\"textDocument/completion\",\"params\":{$uri,\"position\":{\"line\":121,\"character\":2}}}"
    done
  } >"$work/$1.script"
}
seconds() {  # seconds NAME: plays the script, prints the seconds it took
  local start end
  start=$(date +%s%N)
  "$root/$build/tests/escc-lsp-driver" "$work/escc-measured" "$work/$1.script" >/dev/null
  end=$(date +%s%N)
  echo "scale=6; ($end - $start) / 1000000000" | bc
}
peak() { cat "$work"/peak-* | sort -n | tail -1; rm -f "$work"/peak-*; }
script open 0 0 0
script hovers 0 1000 0
script completions 0 0 1000
script edits_1000 1000 0 0
script edits_all "$edits" 0 0
script edits_40 40 0 0
base=$(seconds open); peak >/dev/null
hover=$(seconds hovers); peak >/dev/null
completion=$(seconds completions); peak >/dev/null
thousand=$(seconds edits_1000); peak_1000=$(peak)
all=$(seconds edits_all); peak_all=$(peak)
# Instructions of the server alone, with 40 edits and with none.
cat >"$work/escc-counted" <<WRAP
#!/usr/bin/env bash
exec valgrind --tool=callgrind --callgrind-out-file="$work/callgrind-\$\$" "$root/$build/escc" "\$@" 2>/dev/null
WRAP
chmod +x "$work/escc-counted"
counted() {  # counted NAME: the instructions the server took to answer the script
  rm -f "$work"/callgrind-*
  "$root/$build/tests/escc-lsp-driver" "$work/escc-counted" "$work/$1.script" >/dev/null
  awk '/^totals:/ { print $2 }' "$work"/callgrind-*
}
if command -v valgrind >/dev/null; then
  per_edit=$((($(counted edits_40) - $(counted open)) / 40))
else
  per_edit=0
fi
microseconds() { echo "scale=6; x = ($1) * 1000000; scale=0; x / 1" | bc; }
open_us=$(microseconds "$base")
edit_us=$(microseconds "($all - $base) / $edits")
hover_us=$(microseconds "($hover - $base) / 1000")
completion_us=$(microseconds "($completion - $base) / 1000")
echo "opening herefordshire.esc and its first findings: $(echo "scale=1; $base * 1000 / 1" | bc) ms (escc started, dictionary loaded)"
echo "findings after an edit: $(echo "scale=2; ($all - $base) * 1000 / $edits" | bc) ms each, over $edits edits"
echo "instructions per edit: $per_edit (0: valgrind is not installed)"
echo "hover: $(echo "scale=3; ($hover - $base) * 1000 / 1000" | bc) ms each"
echo "completion: $(echo "scale=3; ($completion - $base) * 1000 / 1000" | bc) ms each"
echo "peak memory: $peak_1000 KB after 1000 edits, $peak_all KB after $edits"
echo "{\"benchmark\": \"lsp\", \"edits\": $edits, \"open_microseconds\": $open_us, \"edit_microseconds\": $edit_us, \"edit_instructions\": $per_edit, \"hover_microseconds\": $hover_us, \"completion_microseconds\": $completion_us, \"peak_kb_after_1000\": $peak_1000, \"peak_kb_after_all\": $peak_all}"
