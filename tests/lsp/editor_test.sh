# What the real-client tests (neovim/, emacs/) share, sourced by each: a folder holding a
# copy of tests/lsp/protocol.esc (with the file it uses) and the escc under test on PATH as
# `escc`, as the README's set-ups start it; and the verdict on the transcript the editor
# wrote there, against transcript.golden beside the test (ESCC_UPDATE_GOLDEN=1 rewrites it).

# Usage: editor_test_folder ESCC EDITOR_PROGRAM PACKAGES; fails when the editor is not
# installed, naming the Debian packages; sets `work` (removed on exit).
editor_test_folder() {
  local escc lsp
  if ! command -v "$2" >/dev/null; then
    echo "FAIL: $2 is not installed (tools/ensure-deps.sh test installs $3)" >&2
    exit 1
  fi
  escc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  lsp=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/protocols" "$work/bin" "$work/home"
  cp "$lsp/protocol.esc" "$lsp/contacts.esc" "$work/protocols/"
  ln -s "$escc" "$work/bin/escc"
}

# Usage: editor_test_verdict EDITOR STATUS HERE; exits with the verdict. EDITOR names the
# editor in messages, STATUS is its exit status, HERE the test's folder (with the golden).
editor_test_verdict() {
  local editor=$1 status=$2 here=$3
  if [ ! -f "$work/transcript" ]; then
    echo "FAIL: $editor wrote no transcript (status $status):" >&2
    cat "$work/output" >&2
    exit 1
  fi
  if [ "${ESCC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/transcript" "$here/transcript.golden"
    exit 0
  fi
  if ! diff -u "$here/transcript.golden" "$work/transcript"; then
    echo "FAIL: what $editor was given differs from $here/transcript.golden" >&2
    cat "$work/output" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    echo "FAIL: $editor ended with status $status" >&2
    exit 1
  fi
  exit 0
}
