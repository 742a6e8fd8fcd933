#!/usr/bin/env bash
# The editors' TextMate grammar: the checked-in one must be what escc-editor-grammar
# writes from the statement table and the grammar's rules, and its colouring of every
# `.esc` in the repository must match the snapshots in editors/vscode/tests/snapshots/
# (vscode-tmgrammar-snap, installed into BUILD_DIR/vscode by tools/ensure-deps.sh).
# With ESCC_UPDATE_GOLDEN=1 it rewrites the grammar and the snapshots instead; read the diff.
# Usage: grammar_test.sh path/to/escc-editor-grammar repository-root build-dir
set -euo pipefail
writer=$(realpath "$1")
root=$(realpath "$2")
build=$(realpath "$3")
grammar=$root/editors/vscode/syntaxes/esc.tmLanguage.json
snapshots=$root/editors/vscode/tests/snapshots
snap=$build/vscode/node_modules/vscode-tmgrammar-test/dist/snapshot.js
update=${ESCC_UPDATE_GOLDEN:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$snap" ]; then
  echo "vscode-tmgrammar-test is not installed in $build/vscode: run tools/ensure-deps.sh test $build" >&2
  exit 1
fi

"$writer" >"$work/esc.tmLanguage.json"
if ! cmp -s "$work/esc.tmLanguage.json" "$grammar"; then
  if [ -n "$update" ]; then
    cp "$work/esc.tmLanguage.json" "$grammar"
  else
    echo "FAIL: $grammar is not what the statement table and grammar/esc.hpp give:" >&2
    diff -u "$grammar" "$work/esc.tmLanguage.json" | head -40 >&2
    echo "Rewrite it with ESCC_UPDATE_GOLDEN=1 and read the diff." >&2
    exit 1
  fi
fi

# Every .esc the repository holds, committed or not, but nothing a build or a tool left.
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" ls-files --cached --others --exclude-standard -- '*.esc' >"$work/files"
else
  (cd "$root" && find . -name '*.esc' -not -path './build*' -not -path '*/node_modules/*' | sed 's|^\./||') >"$work/files"
fi
sort -u -o "$work/files" "$work/files"
count=$(wc -l <"$work/files")
if [ "$count" -lt 100 ]; then
  echo "FAIL: found only $count .esc files under $root" >&2
  exit 1
fi

cases=$work/cases
missing=0
while IFS= read -r file; do
  [ -f "$root/$file" ] || continue
  mkdir -p "$cases/$(dirname "$file")"
  if [ -f "$snapshots/$file.snap" ]; then
    cp "$snapshots/$file.snap" "$cases/$file.snap"
  elif [ -z "$update" ]; then
    missing=$((missing + 1))
    [ "$missing" -le 10 ] && echo "FAIL: no snapshot for $file (write it with ESCC_UPDATE_GOLDEN=1)" >&2
  fi
done <"$work/files"

# An editor splits lines at "\r\n", "\n" and a lone "\r" (old Macs' line ends) alike,
# and the snapshot tool only at "\n": it is given the lines the editor sees.
node -e '
const fs = require("fs");
const [list, from, to] = process.argv.slice(1);
for (const file of fs.readFileSync(list, "utf8").split("\n").filter(Boolean)) {
  if (!fs.existsSync(`${from}/${file}`)) continue;
  const text = fs.readFileSync(`${from}/${file}`, "latin1");
  fs.writeFileSync(`${to}/${file}`, text.replace(/\r\n?/g, "\n"), "latin1");
}' "$work/files" "$root" "$cases"

# A snapshot whose file is gone would otherwise go unnoticed.
stale=0
if [ -d "$snapshots" ]; then
  while IFS= read -r snapshot; do
    if ! grep -qxF "${snapshot%.snap}" "$work/files"; then
      if [ -n "$update" ]; then
        rm "$snapshots/$snapshot"
      else
        echo "FAIL: $snapshot has no .esc beside it in the repository" >&2
        stale=$((stale + 1))
      fi
    fi
  done < <(cd "$snapshots" && find . -name '*.snap' | sed 's|^\./||')
fi

flags=()
[ -n "$update" ] && flags+=(--updateSnapshot)
(cd "$cases" && node "$snap" --grammar "$grammar" --scope source.esc --config "$root/editors/vscode/package.json" \
  "${flags[@]}" "**/*.esc") >"$work/output" 2>&1 || {
  cat "$work/output" >&2
  echo "FAIL: the grammar colours some files differently from their snapshots" >&2
  exit 1
}

if [ -n "$update" ]; then
  while IFS= read -r file; do
    mkdir -p "$snapshots/$(dirname "$file")"
    cp "$cases/$file.snap" "$snapshots/$file.snap"
  done <"$work/files"
fi
if [ "$missing" -gt 0 ] || [ "$stale" -gt 0 ]; then
  echo "FAIL: $missing files without a snapshot, $stale snapshots without a file" >&2
  exit 1
fi
echo "The grammar is the statement table's, and $count files match their snapshots."
