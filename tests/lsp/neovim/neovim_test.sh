#!/usr/bin/env bash
# `escc lsp` driven by a real client: Neovim's own (Debian's `neovim`), headless, runs
# client.lua on a copy of tests/lsp/protocol.esc (with the file it uses) and writes what
# it was given; the transcript is compared with transcript.golden byte for byte.
# ESCC_UPDATE_GOLDEN=1 rewrites the golden instead. Usage: neovim_test.sh ESCC
set -u
escc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then
  echo "FAIL: Neovim is not installed (tools/ensure-deps.sh test installs it)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/protocols" "$work/bin" "$work/home"
cp "$here/../protocol.esc" "$here/../contacts.esc" "$work/protocols/"
# The README's set-up starts `escc` from PATH: the one under test.
ln -s "$escc" "$work/bin/escc"
# Neovim's own files (its log, its state) go to the test's folder, never the user's.
HOME="$work/home" XDG_CONFIG_HOME="$work/home" XDG_STATE_HOME="$work/home" XDG_DATA_HOME="$work/home" \
  XDG_CACHE_HOME="$work/home" PATH="$work/bin:$PATH" PROTOCOL="$work/protocols/protocol.esc" \
  TRANSCRIPT="$work/transcript" timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/client.lua" \
  </dev/null >"$work/output" 2>&1
status=$?
if [ ! -f "$work/transcript" ]; then
  echo "FAIL: Neovim wrote no transcript (status $status):" >&2
  cat "$work/output" >&2
  exit 1
fi
if [ "${ESCC_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/transcript" "$here/transcript.golden"
  exit 0
fi
if ! diff -u "$here/transcript.golden" "$work/transcript"; then
  echo "FAIL: what Neovim was given differs from tests/lsp/neovim/transcript.golden" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: Neovim ended with status $status" >&2
  exit 1
fi
