#!/usr/bin/env bash
# Installs the Debian packages that a make target needs, and nothing else; for tests and
# benchmarks, also the browser driver (playwright-core) and axe-core (pinned in
# tests/browser/package-lock.json) into BUILD_DIR/browser, and for tests the VS Code
# extension's npm packages (pinned in editors/vscode/package-lock.json) into BUILD_DIR/vscode.
# Usage: tools/ensure-deps.sh build|test|package|fuzz|bench [BUILD_DIR]
# As root it installs what is missing; otherwise it prints the exact apt-get line
# and exits 2, so a newcomer sees what to run instead of a compiler error.
set -euo pipefail

build_packages=(cmake ninja-build pkg-config g++ make tao-pegtl-dev libfmt-dev
  libgraphviz-dev graphviz catch2 nlohmann-json3-dev libcli11-dev libmimalloc-dev
  libhunspell-dev hunspell-en-gb libcpp-httplib-dev libxml2-dev)
# dpkg-dev (dpkg-shlibdeps) and file: CPack's Debian package; man-db: its manual page;
# poppler-utils (pdftotext): reading the printed pages back; emacs-nox and elpa-eglot:
# the Emacs test of the language server; zsh: its completion script is parsed and loaded;
# python3-yaml reads action.yml and the workflow escc init writes.
package_packages=(dpkg-dev file)
test_packages=(clang chromium neovim emacs-nox elpa-eglot libxml2-utils "${package_packages[@]}" man-db poppler-utils
  zsh python3-yaml)
fuzz_packages=(clang libclang-rt-14-dev)
bench_packages=(valgrind time plantuml chromium)

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  package) wanted=("${build_packages[@]}" "${package_packages[@]}") ;;
  fuzz) wanted=("${build_packages[@]}" "${fuzz_packages[@]}") ;;
  bench) wanted=("${build_packages[@]}" "${bench_packages[@]}") ;;
  *) echo "usage: $0 build|test|package|fuzz|bench [BUILD_DIR]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
# Node.js runs the browser tests; any Node.js 20 or later will do, Debian's included.
if [[ "${1:-build}" =~ ^(test|bench)$ ]] && ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

# Installs the npm packages pinned in SOURCE's package-lock.json into FOLDER, unless the
# same lock is installed there already, so that the tests never reach the registry.
install_pinned_npm_packages() {
  local source=$1 folder=$2 what=$3
  [ -d "$folder/node_modules" ] && cmp -s "$source/package-lock.json" "$folder/package-lock.json" && return 0
  mkdir -p "$folder"
  cp "$source/package.json" "$source/package-lock.json" "$folder/"
  echo "Installing $what into $folder" >&2
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

install_browser_driver() {
  # The benchmark of escc serve drives the browser too.
  [[ "${1:-build}" =~ ^(test|bench)$ ]] || return 0
  install_pinned_npm_packages tests/browser "${2:-build}/browser" "the browser driver (playwright-core) and axe-core"
  [ "${1:-build}" = test ] || return 0
  # The VS Code extension's client library, its grammar's snapshot tester and its packager.
  install_pinned_npm_packages editors/vscode "${2:-build}/vscode" \
    "the VS Code extension's packages (vscode-languageclient, vscode-tmgrammar-test, @vscode/vsce)"
}

if [ ${#missing[@]} -eq 0 ]; then
  install_browser_driver "$@"
  exit 0
fi

install_line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "escc needs these Debian packages: ${missing[*]}" >&2
  echo "Install them as root with:" >&2
  echo "  apt-get update && $install_line" >&2
  exit 2
fi
echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_browser_driver "$@"
