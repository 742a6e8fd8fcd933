#!/usr/bin/env bash
# `escc lsp` driven by a real client: Neovim's own (Debian's `neovim`), headless, runs
# client.lua on a copy of tests/lsp/protocol.esc (with the file it uses) and writes what
# it was given; the transcript is compared with transcript.golden byte for byte.
# ESCC_UPDATE_GOLDEN=1 rewrites the golden instead. Usage: neovim_test.sh ESCC
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../editor_test.sh"
editor_test_folder "$1" nvim neovim
# Neovim's own files (its log, its state) go to the test's folder, never the user's.
HOME="$work/home" XDG_CONFIG_HOME="$work/home" XDG_STATE_HOME="$work/home" XDG_DATA_HOME="$work/home" \
  XDG_CACHE_HOME="$work/home" PATH="$work/bin:$PATH" PROTOCOL="$work/protocols/protocol.esc" \
  TRANSCRIPT="$work/transcript" timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/client.lua" \
  </dev/null >"$work/output" 2>&1
editor_test_verdict Neovim $? "$here"
