#!/usr/bin/env bash
# The language server's recorded exchanges: each tests/lsp/*.script played to `escc lsp`
# (tests/lsp/lsp_driver.cpp), its transcript compared with the .golden beside it byte
# for byte. ESCC_UPDATE_GOLDEN=1 rewrites the goldens instead.
set -u
escc=$1
driver=$2
here=$(cd "$(dirname "$0")" && pwd)
failed=0
for script in "$here"/*.script; do
  golden=${script%.script}.golden
  actual=$(mktemp)
  timeout 60 "$driver" "$escc" "$script" >"$actual" 2>&1
  if [ "${ESCC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$actual" "$golden"
  elif ! diff -u "$golden" "$actual"; then
    echo "FAIL: $(basename "$script") differs from its golden" >&2
    failed=1
  fi
  rm -f "$actual"
done
exit $failed
