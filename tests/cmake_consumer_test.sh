#!/usr/bin/env bash
# cmake/Escc.cmake in a project of its own: the header is generated at build time, the
# program built with it runs, and a change to a file the protocol uses rebuilds it.
# Usage: cmake_consumer_test.sh path/to/escc repository-root
set -euo pipefail
escc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/cmake_consumer" "$work/project"
cmake -S "$work/project" -B "$work/build" -G Ninja -DESCC="$escc" -DESCC_SOURCE="$root" >/dev/null
cmake --build "$work/build" >/dev/null
first=$("$work/build/case_manager")
# Stage 1 raised Friday 18 December 2026 is due two working days later, Tuesday 22.
if [ "$first" != "stage 1 due 2026-12-22; duty manager from minute 540" ]; then
  echo "FAIL first build: $first"; exit 1
fi
[ -f "$work/build/escc/area_protocol/area.html" ] || { echo "FAIL no HTML page"; exit 1; }
# Only the imported file changes; the depfile must make the header, then the program, rebuild.
sleep 1
sed -i 's/09:00-17:00/10:00-17:00/' "$work/project/protocol/team.esc"
cmake --build "$work/build" >/dev/null
second=$("$work/build/case_manager")
if [ "$second" != "stage 1 due 2026-12-22; duty manager from minute 600" ]; then
  echo "FAIL after changing the imported file: $second"; exit 1
fi
# Nothing changed: nothing to do.
if ! cmake --build "$work/build" | grep -q "no work to do"; then
  echo "FAIL a build with nothing changed did work"; exit 1
fi
echo "cmake consumer: generated, built, run, and rebuilt after an imported file changed"
