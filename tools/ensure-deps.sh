#!/usr/bin/env bash
# Installs the Debian packages that a make target needs, and nothing else.
# Usage: tools/ensure-deps.sh build|test
# As root it installs what is missing; otherwise it prints the exact apt-get line
# and exits 2, so a newcomer sees what to run instead of a compiler error.
set -euo pipefail

build_packages=(cmake ninja-build pkg-config g++ make tao-pegtl-dev libfmt-dev
  libgraphviz-dev graphviz catch2 nlohmann-json3-dev libcli11-dev)
test_packages=(clang)

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

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
