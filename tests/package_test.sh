#!/usr/bin/env bash
# escc as a user installs it: the Debian package made from what the build tree has (no
# rebuild), unpacked into a scratch root. From a folder outside the source tree the
# installed escc checks and builds protocols exactly as the build tree's escc does, with
# the source and build trees hidden where the machine allows it; its manual page renders;
# and a case-management project that knows only the install prefix finds escc with
# find_package, generates a protocol's header at build time, builds and runs.
# Usage: package_test.sh build-folder path/to/escc repository-root version
set -euo pipefail
build=$1
escc=$2
root=$3
version=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $*"; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb="$work/package/escc_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $(basename "$deb") in: $(ls "$work/package")"

# Its Depends name the package of every library escc links, and the dictionary it reads.
depends=$(dpkg-deb --field "$deb" Depends)
depended=$(sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends")
for library in $(objdump -p "$escc" | awk '/NEEDED/ {print $2}'); do
  file=$(ldd "$escc" | awk -v library="$library" '$1 == library {print $3}')
  owner=$(dpkg -S "$(realpath "$file")" 2>/dev/null || dpkg -S "$file") || fail "no package owns $file"
  owner=${owner%%:*}
  grep -Fqx "$owner" <<<"$depended" || fail "Depends lacks $owner (for $library): $depends"
done
grep -Fqx hunspell-en-gb <<<"$depended" || fail "Depends lacks hunspell-en-gb: $depends"
[ "$(dpkg-deb --field "$deb" Section)" = devel ] || fail "section: $(dpkg-deb --field "$deb" Section)"
[ -n "$(dpkg-deb --field "$deb" Maintainer)" ] || fail "no maintainer"
dpkg-deb --field "$deb" Description | grep -q "safeguarding escalation protocols" || fail "description"

dpkg -x "$deb" "$work/root"
prefix=$work/root/usr
installed=$prefix/bin/escc
[ -x "$installed" ] || fail "no usr/bin/escc"
for header in runtime tables date checked deadline_rule json; do
  [ -f "$prefix/include/escc/$header.hpp" ] || fail "no include/escc/$header.hpp"
done

# The installed escc runs with the source and build trees out of reach (a private mount
# namespace lays an empty folder over each, the build's first as it may lie inside the
# source tree), so anything it read from them would fail.
hidden=()
if unshare --user --map-root-user --mount true 2>/dev/null; then
  hidden=(unshare --user --map-root-user --mount sh -c
    'mount -t tmpfs none "$0" && mount -t tmpfs none "$1" && shift && exec "$@"' "$(realpath "$build")" "$root")
else
  echo "note: user namespaces are not available here; the installed escc runs with the source tree in place"
fi

# Each command, from a folder outside the source tree, by both escc: the same exit code,
# output and files.
mkdir "$work/board"
cp -r "$root/protocols" "$work/board/protocols"
printf 'stage 1 "Practitioners" {\n  within 2 workng days\n}\n' >"$work/board/broken.esc"
cd "$work/board"
same() {
  local name=$1
  shift
  set +e
  "$escc" "$@" >"$work/$name.build.out" 2>"$work/$name.build.err"
  echo $? >"$work/$name.build.status"
  [ -d out ] && mv out "$work/$name.build.files"
  "${hidden[@]}" "$installed" "$@" >"$work/$name.installed.out" 2>"$work/$name.installed.err"
  echo $? >"$work/$name.installed.status"
  [ -d out ] && mv out "$work/$name.installed.files"
  set -e
  for part in status out err; do
    cmp -s "$work/$name.build.$part" "$work/$name.installed.$part" ||
      { diff "$work/$name.build.$part" "$work/$name.installed.$part" | head; head "$work/$name.installed.err"; fail "$name: the installed escc's $part differs"; }
  done
  if [ -d "$work/$name.build.files" ]; then
    diff -r "$work/$name.build.files" "$work/$name.installed.files" >/dev/null || fail "$name: the installed escc wrote other files"
  fi
}
same version --version
same check check protocols --today 2026-12-01
same build build protocols -o out --today 2026-12-01
same broken check broken.esc
same explain explain T001
grep -q "^escc $version (commit " "$work/version.installed.out" || fail "version: $(cat "$work/version.installed.out")"
[ "$(cat "$work/broken.installed.status")" = 1 ] || fail "broken protocol: exit $(cat "$work/broken.installed.status")"
grep -q "warning\[" "$work/check.installed.out" || fail "the protocols' check found nothing"
[ -f "$work/build.installed.files/barnet.html" ] && [ -f "$work/build.installed.files/barnet.hpp" ] ||
  fail "the installed escc built no page or header"

# The manual page renders, without a warning from groff.
page=$prefix/share/man/man1/escc.1.gz
MANWIDTH=80 man --warnings -l "$page" >"$work/man.out" 2>"$work/man.err" || fail "man -l failed: $(cat "$work/man.err")"
[ ! -s "$work/man.err" ] || fail "man -l warns: $(cat "$work/man.err")"
grep -q "escc - check safeguarding escalation protocols" "$work/man.out" || fail "the manual page has no NAME"
grep -q "escc build" "$work/man.out" || fail "the manual page has no commands"

# find_package's version rule: 0.2 before 1.0 accepts 0.2.x only (cmake/install.cmake).
mkdir "$work/version-rule"
for wanted in 0.2:TRUE 0.2.0:TRUE 0.1:FALSE 0.3:FALSE 1.0:FALSE; do
  cat >"$work/version-rule/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(rule LANGUAGES NONE)
find_package(escc ${wanted%%:*} QUIET)
if(escc_FOUND)
  message(STATUS found=TRUE)
else()
  message(STATUS found=FALSE)
endif()
CMAKE
  found=$(cmake -S "$work/version-rule" -B "$work/version-rule/build-${wanted%%:*}" -DCMAKE_PREFIX_PATH="$prefix" |
    sed -n 's/^-- found=//p')
  [ "$found" = "${wanted#*:}" ] || fail "find_package(escc ${wanted%%:*}) found '$found', not ${wanted#*:}"
done

# The consumer project: the header generated at build time by the installed escc, the
# program built against the installed runtime runs, and a change to a file the protocol
# uses rebuilds it. It knows only the install prefix.
cp -r "$root/tests/cmake_consumer" "$work/project"
cmake -S "$work/project" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
grep -qx "escc_DIR:PATH=$prefix/lib/cmake/escc" "$work/consumer/CMakeCache.txt" ||
  fail "find_package found escc elsewhere: $(grep escc_DIR "$work/consumer/CMakeCache.txt")"
cmake --build "$work/consumer" >/dev/null
if grep -Fq -e "$root" -e "$(realpath "$build")" "$work/consumer/build.ninja"; then
  fail "the consumer's build reaches into escc's source or build tree"
fi
grep -Fq "$installed" "$work/consumer/build.ninja" || fail "the consumer's build does not run the installed escc"
grep -Fq "$prefix/include" "$work/consumer/build.ninja" || fail "the consumer's build does not include the installed runtime"
first=$("$work/consumer/case_manager")
# Stage 1 raised Friday 18 December 2026 is due two working days later, Tuesday 22.
[ "$first" = "stage 1 due 2026-12-22; duty manager from minute 540" ] || fail "first build: $first"
[ -f "$work/consumer/escc/area_protocol/area.html" ] || fail "no HTML page"
# Only the imported file changes; the depfile must make the header, then the program, rebuild.
sleep 1
sed -i 's/09:00-17:00/10:00-17:00/' "$work/project/protocol/team.esc"
cmake --build "$work/consumer" >/dev/null
second=$("$work/consumer/case_manager")
[ "$second" = "stage 1 due 2026-12-22; duty manager from minute 600" ] || fail "after changing the imported file: $second"
cmake --build "$work/consumer" | grep -q "no work to do" || fail "a build with nothing changed did work"
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes), Depends: $depends; installed escc matches the build's; consumer found escc $version by its prefix alone"
