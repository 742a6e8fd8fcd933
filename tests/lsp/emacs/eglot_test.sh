#!/usr/bin/env bash
# `escc lsp` driven by Emacs's own client, eglot (Debian's `emacs-nox` and `elpa-eglot`),
# in batch mode, set up with the README's Emacs block as it stands (copied out of
# README.md, so a broken snippet fails here). eglot_test.el opens a copy of
# tests/lsp/protocol.esc, reads back the findings, types an error and asks for a hover;
# what Emacs was given is compared with transcript.golden byte for byte.
# ESCC_UPDATE_GOLDEN=1 rewrites the golden instead. Usage: eglot_test.sh ESCC README
set -u
escc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
readme=$2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v emacs >/dev/null; then
  echo "FAIL: Emacs is not installed (tools/ensure-deps.sh test installs emacs-nox and elpa-eglot)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/protocols" "$work/bin" "$work/home"
cp "$here/../protocol.esc" "$here/../contacts.esc" "$work/protocols/"
ln -s "$escc" "$work/bin/escc"
# The README's block for Emacs: the first ```elisp block after "**Emacs**".
awk '/^\*\*Emacs\*\*/ { found = 1 } found && /^```elisp/ { inside = 1; next } inside && /^```/ { exit } inside' \
  "$readme" >"$work/setup.el"
if [ ! -s "$work/setup.el" ]; then
  echo "FAIL: the README has no Emacs block" >&2
  exit 1
fi
HOME="$work/home" PATH="$work/bin:$PATH" PROTOCOL="$work/protocols/protocol.esc" TRANSCRIPT="$work/transcript" \
  timeout 120 emacs --batch -l "$work/setup.el" -l "$here/eglot_test.el" </dev/null >"$work/output" 2>&1
status=$?
if [ ! -f "$work/transcript" ]; then
  echo "FAIL: Emacs wrote no transcript (status $status):" >&2
  cat "$work/output" >&2
  exit 1
fi
if [ "${ESCC_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/transcript" "$here/transcript.golden"
  exit 0
fi
if ! diff -u "$here/transcript.golden" "$work/transcript"; then
  echo "FAIL: what Emacs was given differs from tests/lsp/emacs/transcript.golden" >&2
  cat "$work/output" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: Emacs ended with status $status" >&2
  exit 1
fi
