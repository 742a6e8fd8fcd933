#!/usr/bin/env bash
# The runtime's guarantees (docs/runtime.md, "Guarantees"):
# - hostile calls (tests/runtime/safety.cpp) under AddressSanitizer and
#   UndefinedBehaviorSanitizer, with g++ and clang++: every refusal, with its reason;
# - UK time against `TZ=Europe/London date` either side of every clock change 1996-2037;
# - the mistakes the types catch (tests/runtime/misuse.cpp) fail to compile;
# - two versions of one protocol's tables fail to compile in one translation unit and
#   to link across two, while the same version in two links;
# - the example of docs/runtime.md compiles under -Werror and runs.
# Usage: runtime_safety_test.sh path/to/escc repository-root
set -euo pipefail
escc=$1
root=$2
source "$(dirname "$0")/expect.sh"

"$escc" build --today 2026-11-23 --emit cpp -o "$work/v1" "$root/protocols/wolverhampton.esc" "$root/protocols/merton.esc" >/dev/null
flags=(-Wall -Wextra -Wpedantic -Werror -I "$work/v1" -I "$root/runtime")
sanitize=(-g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

for compiler in "g++ -std=c++17" "clang++ -std=c++20"; do
  if $compiler "${flags[@]}" "${sanitize[@]}" -o "$work/safety" "$root/tests/runtime/safety.cpp" 2>"$work/log"; then
    if ASAN_OPTIONS=detect_leaks=1 "$work/safety" >"$work/out" 2>&1; then pass; else fail "$compiler: hostile calls"; cat "$work/out"; fi
  else
    fail "$compiler: safety.cpp does not compile"; head -20 "$work/log"
  fi
done

# UK time: either side of 01:00 UTC on the last Sunday of March and of October, found by
# `date`, and midday in January and July, each year 1996-2037.
g++ -std=c++17 "${flags[@]}" -O1 -o "$work/uk" "$root/tests/runtime/safety.cpp"
instants=()
for year in $(seq 1996 2037); do
  for month in 03 10; do
    for day in 25 26 27 28 29 30 31; do
      if [ "$(date -u -d "$year-$month-$day" +%u)" = 7 ]; then
        change=$(date -u -d "$year-$month-$day 01:00:00 UTC" +%s)
        instants+=($((change - 1)) "$change" $((change + 3599)))
      fi
    done
  done
  instants+=("$(date -u -d "$year-01-15 12:00:00 UTC" +%s)" "$(date -u -d "$year-07-15 12:00:00 UTC" +%s)")
done
uk_failed=0
for instant in "${instants[@]}"; do
  wanted=$(TZ=Europe/London date -d "@$instant" '+%F %T %Z')
  got=$("$work/uk" "$instant")
  [ "$got" = "$wanted" ] || { echo "FAIL UK time at $instant: runtime $got, date $wanted"; uk_failed=1; }
done
if [ $uk_failed = 0 ]; then pass; else fail "UK time"; fi
[ "$("$work/uk" 1774746000)" = "2026-03-29 02:00:00 BST" ] && [ "$("$work/uk" 1792890000)" = "2026-10-25 01:00:00 GMT" ] &&
  pass || fail "the clock changes of 29 March and 25 October 2026"
{ "$work/uk" "$(date -u -d '1995-12-31 12:00:00 UTC' +%s)" || true; } | grep -q "^refused: UK clock changes are known for 1996 to 2099" &&
  pass || fail "1995 is refused, with the years the rule is known for"

# What the types catch.
if g++ -std=c++17 "${flags[@]}" -DMISUSE=0 -fsyntax-only "$root/tests/runtime/misuse.cpp"; then pass; else fail "misuse.cpp's correct calls do not compile"; fi
for misuse in 1 2 3 4 5 6 7; do
  for compiler in "g++ -std=c++17" "clang++ -std=c++17"; do
    if $compiler "${flags[@]}" -DMISUSE=$misuse -fsyntax-only "$root/tests/runtime/misuse.cpp" 2>/dev/null; then
      fail "$compiler: misuse $misuse compiles"
    else
      pass
    fi
  done
done

# Versions: a second version of merton.esc, one deadline changed.
mkdir -p "$work/v2src"
cp -r "$root/protocols/sources" "$work/v2src/"
sed "s/^protocol \"Escalation Procedure\"/protocol \"Escalation Procedure, second version\"/" "$root/protocols/merton.esc" >"$work/v2src/merton.esc"
cmp -s "$root/protocols/merton.esc" "$work/v2src/merton.esc" && fail "the second version of merton.esc is no different"
"$escc" build --today 2026-11-23 --emit cpp -o "$work/v2" "$work/v2src/merton.esc" >/dev/null
printf '#include "%s"\n#include "%s"\nint main() { return 0; }\n' "$work/v1/merton.hpp" "$work/v2/merton.hpp" >"$work/both.cpp"
if g++ -std=c++17 "${flags[@]}" -fsyntax-only "$work/both.cpp" 2>"$work/log"; then
  fail "two versions in one translation unit compile"
elif grep -q "two different versions of the protocol's tables (escc_merton)" "$work/log"; then
  pass
else
  fail "two versions in one translation unit: not the guard's message"; head -5 "$work/log"
fi
cat >"$work/main.cpp" <<'CPP'
#include "merton.hpp"
const char* other_title();
int main() { return escc_merton::protocol.title == other_title() ? 0 : 1; }
CPP
cat >"$work/other.cpp" <<'CPP'
#include "merton.hpp"
const char* other_title() { return escc_merton::protocol.title.data(); }
CPP
for compiler in "g++ -std=c++17" "clang++ -std=c++17" "g++ -std=c++17 -O2 -Wl,--gc-sections" "g++ -std=c++17 -O2 -flto"; do
  common=(-Wall -Wextra -Werror -I "$root/runtime")
  if $compiler "${common[@]}" -I "$work/v1" -c "$work/main.cpp" -o "$work/main.o" &&
    $compiler "${common[@]}" -I "$work/v1" -c "$work/other.cpp" -o "$work/same.o" &&
    $compiler "${common[@]}" -I "$work/v2" -c "$work/other.cpp" -o "$work/different.o"; then
    if $compiler "$work/main.o" "$work/same.o" -o "$work/same" && "$work/same"; then pass; else fail "$compiler: one version in two units does not link"; fi
    if $compiler "$work/main.o" "$work/different.o" -o "$work/different" 2>"$work/log"; then
      fail "$compiler: two versions in two units link"
    else
      pass
    fi
  else
    fail "$compiler: the version test's units do not compile"
  fi
done

# The example of docs/runtime.md, as the documentation shows it.
awk '/^<!-- example: runtime-example.cpp -->$/ { getline; keep = 1; next } keep && /^```$/ { keep = 0 } keep' \
  "$root/docs/runtime.md" >"$work/example.cpp"
if [ ! -s "$work/example.cpp" ]; then
  fail "docs/runtime.md has no example"
else
  for compiler in "g++ -std=c++17" "clang++ -std=c++17" "g++ -std=c++20"; do
    if $compiler "${flags[@]}" -o "$work/example" "$work/example.cpp" && "$work/example" >"$work/out"; then pass; else fail "$compiler: the example of docs/runtime.md"; fi
  done
fi

finish
