#!/usr/bin/env bash
# `escc lsp` driven by Emacs's own client, eglot (Debian's `emacs-nox` and `elpa-eglot`),
# in batch mode, set up with the README's Emacs block as it stands (copied out of
# README.md, so a broken snippet fails here). eglot_test.el opens a copy of
# tests/lsp/protocol.esc, reads back the findings, types an error and asks for a hover;
# what Emacs was given is compared with transcript.golden byte for byte.
# ESCC_UPDATE_GOLDEN=1 rewrites the golden instead. Usage: eglot_test.sh ESCC README
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../editor_test.sh"
editor_test_folder "$1" emacs "emacs-nox and elpa-eglot"
# The README's block for Emacs: the first ```elisp block after "**Emacs**".
awk '/^\*\*Emacs\*\*/ { found = 1 } found && /^```elisp/ { inside = 1; next } inside && /^```/ { exit } inside' \
  "$2" >"$work/setup.el"
if [ ! -s "$work/setup.el" ]; then
  echo "FAIL: the README has no Emacs block" >&2
  exit 1
fi
HOME="$work/home" PATH="$work/bin:$PATH" PROTOCOL="$work/protocols/protocol.esc" TRANSCRIPT="$work/transcript" \
  timeout 120 emacs --batch -l "$work/setup.el" -l "$here/eglot_test.el" </dev/null >"$work/output" 2>&1
editor_test_verdict Emacs $? "$here"
