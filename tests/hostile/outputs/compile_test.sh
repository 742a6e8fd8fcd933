#!/usr/bin/env bash
# The C++ tables of the hostile protocols in this folder, compiled and run with the
# runtime as case-management software would use them:
# - hours that name hours, at every level, in the runtime's windows;
# - my-area.esc and my_area.esc in one program, each with its own tables;
# - files, agencies and a route named like macros and keywords (NULL, errno, linux...),
#   after every C library header, with g++ and clang++, -std=c++17 and -std=gnu++17;
# - more than 65,535 stages and agencies, the last ones reached.
# Usage: compile_test.sh path/to/escc repository-root
set -euo pipefail
escc=$1
root=$2
here=$root/tests/hostile/outputs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

mkdir -p "$work/in"
cp "$here/nested-hours.esc" "$here/my-area.esc" "$here/my_area.esc" "$here/macro-names.esc" "$work/in/"
# File names that are macros of the C library, POSIX or the compilers (linux, unix and
# i386 under -std=gnu++17), keywords, and names the header itself uses.
macro_files=(NULL errno EOF UINT16_MAX assert stdin major linux unix i386 class int none std escc data protocol)
for name in "${macro_files[@]}"; do cp "$here/macro-names.esc" "$work/in/$name.esc"; done
if ! "$escc" build --today 2026-11-23 --emit cpp -o "$work/generated" "$work"/in/*.esc >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  echo "FAIL escc build"
  exit 1
fi

# Every standard C header and the POSIX ones whose macros have ordinary names, first.
cat >"$work/prelude.hpp" <<'EOF'
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <iso646.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>
EOF

{
  echo '#include "prelude.hpp"'
  for header in "$work"/generated/*.hpp; do echo "#include \"$(basename "$header")\""; done
  cat <<'EOF'
#include "escc/runtime.hpp"

#include <cstdio>
#include <string_view>

namespace {
int failures = 0;
void expect(bool ok, const char* what) {
  if (!ok) {
    ++failures;
    std::printf("FAIL %s\n", what);
  }
}
// A protocol picked while the program runs: escc::Escalation<escc::tables::Protocol>.
bool reachable(const escc::tables::Protocol& protocol, std::string_view title, escc::Date date, int minute) {
  escc::Escalation e(protocol, date, "A. Caseworker");
  auto time = escc::Time::from_minute_of_day(minute).value();
  for (const auto& contact : protocol.contacts) {
    if (contact.title == title) return e.reachable(contact, date, time).value();
  }
  return false;
}
escc::Date day(int year, int month, int day_of_month) { return escc::Date::of(year, month, day_of_month).value(); }
}  // namespace

int main() {
  // Hours named two and three levels deep: Wednesday 25 November 2026 at 18:00 and
  // Saturday 28 November at 10:00.
  const auto& nested = escc_nestedZ2Dhours::protocol;
  expect(reachable(nested, "Evening duty manager", day(2026, 11, 25), 18 * 60), "evening manager at 18:00 (two levels)");
  expect(!reachable(nested, "Evening duty manager", day(2026, 11, 25), 23 * 60), "evening manager not at 23:00");
  expect(reachable(nested, "Cover manager", day(2026, 11, 25), 18 * 60), "cover manager at 18:00 (three levels)");
  expect(reachable(nested, "Cover manager", day(2026, 11, 28), 10 * 60), "cover manager on Saturday");
  expect(reachable(nested, "Day manager", day(2026, 11, 25), 10 * 60), "day manager at 10:00 (office_hours named)");

  // Two files whose names differ by '-' and '_': two protocols, two sets of tables.
  expect(escc_myZ2Darea::protocol.title == "My area, with a hyphen", "my-area.esc's own title");
  expect(escc_my_area::protocol.title == "My area, with an underscore", "my_area.esc's own title");
  expect(escc_myZ2Darea::data::stages[0].days.high == 2, "my-area.esc's stage 1 takes 2 working days");
  expect(escc_my_area::data::stages[0].days.high == 7, "my_area.esc's stage 1 takes 7 working days");
  expect(escc_myZ2Darea::data::contacts[0].title == "Hyphen duty manager", "my-area.esc's own contact");
  expect(escc_my_area::data::contacts[0].title == "Underscore duty manager", "my_area.esc's own contact");

  // Names that are macros: every header is there, with every agency.
  expect(escc_NULL::protocol.agencies.size == 12 && escc_linux::protocol.agencies.size == 12, "NULL.esc, linux.esc");
  expect(escc_escc::data::agencies[static_cast<int>(escc_escc::Agency::agency_NULL)].name == "NULL", "agency NULL");
  expect(escc_class::data::agencies[static_cast<int>(escc_class::Agency::agency_unix)].name == "unix", "agency unix");
  expect(escc_unix::data::agencies[static_cast<int>(escc_unix::Agency::agency_i386)].name == "i386", "agency i386");
  expect(escc_errno::data::stages[static_cast<int>(escc_errno::Stage::route_linux)].label == "route linux",
         "route linux");
  return failures == 0 ? 0 : 1;
}
EOF
} >"$work/hostile.cpp"

flags=(-Wall -Wextra -Wpedantic -Werror -I "$work" -I "$work/generated" -I "$root/runtime")
for compiler in "g++ -std=c++17" "g++ -std=gnu++17" "clang++ -std=c++17" "clang++ -std=gnu++17"; do
  if ! $compiler "${flags[@]}" -o "$work/hostile" "$work/hostile.cpp" >"$work/compile.log" 2>&1; then
    head -20 "$work/compile.log"
    fail "$compiler: the headers of the hostile protocols do not compile together"
    continue
  fi
  if "$work/hostile"; then pass; else fail "$compiler: the hostile protocols' tables"; fi
  # Each header alone, after the C headers, once: the program above holds them all.
  [ "$compiler" = "g++ -std=gnu++17" ] || continue
  for header in "$work"/generated/*.hpp; do
    if $compiler "${flags[@]}" -fsyntax-only -include "$work/prelude.hpp" -x c++ "$header" 2>"$work/alone.log"; then
      pass
    else
      head -5 "$work/alone.log"
      fail "$compiler: $(basename "$header") does not compile on its own after the C headers"
    fi
  done
done

# 65,537 stages and agencies: past what 16 bits can number. Stage 1 can jump to stage
# 65,536, whose index (65,535) was the old 16-bit "none".
awk -v n=65537 'BEGIN {
  print "protocol \"More stages and agencies than 16 bits can count\" {"
  print "  status live\n  approved by \"Board\" on 2026-01-15\n  review due 2027-01\n}"
  print "immediate risk {\n  immediately\n}"
  print "stage 1 \"S1\" {\n  within 1 working day\n  when unresolved: go to stage 2"
  printf "  when unresolved if \"the case is urgent\": go to stage %d\n}\n", n - 1
  for (i = 2; i < n; i++) printf "stage %d \"S%d\" {\n  within 1 working day\n  when unresolved: go to stage %d\n}\n", i, i, i + 1
  printf "stage %d \"Last\" {\n  within 1 working day\n  contact \"Last duty manager\" of a%d phone \"01234 567890\"\n", n, n
  print "  final binding\n}"
  for (i = 1; i <= n; i++) printf "agency a%d \"A%d\" {\n}\n", i, i
}' >"$work/large.esc"
if ! "$escc" build --today 2026-11-23 --emit cpp -o "$work/large" "$work/large.esc" >/dev/null 2>&1; then
  fail "escc build of 65,537 stages and agencies"
else
  cat >"$work/large.cpp" <<'EOF'
#include <cstdio>

#include "large.hpp"
#include "escc/runtime.hpp"

int main() {
  auto day = [](int year, int month, int day_of_month) { return escc::Date::of(year, month, day_of_month).value(); };
  escc::Escalation e(escc_large::protocol, day(2026, 12, 18), "A. Caseworker");
  auto moves = e.moves();
  const escc::Move<escc_large::Protocol>* jump = nullptr;
  for (const auto& move : moves) {
    if (!move.condition().empty()) jump = &move;
  }
  bool ok = jump != nullptr && e.take(*jump, day(2026, 12, 18), "A. Caseworker").ok() && e.current_stage()->number == 65536;
  ok = ok && e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), "A. Caseworker").ok() &&
       e.current_stage()->number == 65537;
  auto last = escc_large::Agency::agency_a65537;
  auto found = e.contacts(last, day(2026, 12, 21), escc::Time::at(10, 0).value()).value();
  ok = ok && found.size() == 1 && found[0]->title == "Last duty manager";
  ok = ok && escc_large::protocol.agencies[static_cast<escc::tables::Index>(last)].name == "a65537";
  std::printf("%s\n", ok ? "stage 65,537 and agency 65,537 reached" : "FAIL the last stage or agency was lost");
  return ok ? 0 : 1;
}
EOF
  if g++ -std=c++17 "${flags[@]}" -I "$work/large" -o "$work/large-cases" "$work/large.cpp" >"$work/large.log" 2>&1 &&
    "$work/large-cases"; then
    pass
  else
    head -10 "$work/large.log"
    fail "g++: 65,537 stages and agencies"
  fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
