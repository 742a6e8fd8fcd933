#!/usr/bin/env bash
# Packages the VS Code extension into BUILD_DIR/escc.vsix with @vscode/vsce, so that a
# broken manifest fails the suite, and checks that the package holds the client, its
# library, the grammar and the language configuration. The extension is staged in
# BUILD_DIR/vscode, where tools/ensure-deps.sh installed its pinned npm packages; nothing
# is downloaded.
# Usage: package_test.sh repository-root build-dir
set -euo pipefail
root=$(realpath "$1")
build=$(realpath "$2")
extension=$root/editors/vscode
stage=$build/vscode
vsce=$stage/node_modules/@vscode/vsce/vsce

if [ ! -f "$vsce" ] || ! cmp -s "$extension/package-lock.json" "$stage/package-lock.json"; then
  echo "The extension's npm packages are not installed in $stage: run tools/ensure-deps.sh test $build" >&2
  exit 1
fi

# The manifest and every file it ships, fresh from the source tree.
rm -rf "$stage/syntaxes"
mkdir -p "$stage/syntaxes"
cp "$extension/package.json" "$extension/extension.js" "$extension/language-configuration.json" \
  "$extension/README.md" "$extension/.vscodeignore" "$stage/"
cp "$extension/syntaxes/esc.tmLanguage.json" "$stage/syntaxes/"
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$stage/language-configuration.json"
node --check "$stage/extension.js"

rm -f "$build/escc.vsix"
(cd "$stage" && node "$vsce" package --skip-license --allow-missing-repository --out "$build/escc.vsix") \
  >"$stage/package.log" 2>&1 || {
  cat "$stage/package.log" >&2
  echo "FAIL: vsce could not package the extension" >&2
  exit 1
}

# A .vsix is a zip file; its listing says what a user installs.
listing=$(node -e '
const data = require("fs").readFileSync(process.argv[1]);
const names = [];
for (let at = data.length - 22; at >= 0; at--) {
  if (data.readUInt32LE(at) !== 0x06054b50) continue;
  let entry = data.readUInt32LE(at + 16);
  for (let i = 0; i < data.readUInt16LE(at + 10); i++) {
    const length = data.readUInt16LE(entry + 28);
    names.push(data.toString("utf8", entry + 46, entry + 46 + length));
    entry += 46 + length + data.readUInt16LE(entry + 30) + data.readUInt16LE(entry + 32);
  }
  break;
}
console.log(names.join("\n"));' "$build/escc.vsix")
failures=0
for wanted in extension/package.json extension/extension.js extension/language-configuration.json \
  extension/syntaxes/esc.tmLanguage.json extension/readme.md \
  extension/node_modules/vscode-languageclient/package.json; do
  # vsce writes the README in lower case.
  if ! grep -qixF "$wanted" <<<"$listing"; then
    echo "FAIL: $build/escc.vsix holds no $wanted" >&2
    failures=$((failures + 1))
  fi
done
# What only the tests and the packager need stays out of what users install.
for unwanted in extension/node_modules/@vscode/vsce/package.json extension/node_modules/vscode-tmgrammar-test/package.json; do
  if grep -qxF "$unwanted" <<<"$listing"; then
    echo "FAIL: $build/escc.vsix ships $unwanted, which only the tests need" >&2
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] || exit 1
echo "Packaged $build/escc.vsix ($(grep -c . <<<"$listing") files)."
