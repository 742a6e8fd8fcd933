#!/usr/bin/env bash
# What tests/hostile/checks/ cannot say with `# expect:` comments, run as a user would:
# - a date in year 0 on the command line is refused (exit 2);
# - a calendar whose bank holidays are listed out of date order: the generated C++
#   runtime looks holidays up by date, so every listed day must still be a bank holiday
#   there, and a working day counted across them must skip them. Compiled with g++ and
#   clang++ and run.
# Usage: commands_test.sh path/to/escc repository-root
set -u
escc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$root/tests/hostile/checks/holidays_out_of_order.esc"
passed=0
failed=0

for command in "check --today 0000-01-01 $input" "deadlines $input --start 0000-01-03"; do
  # shellcheck disable=SC2086 # the command's words are meant to be split
  output=$("$escc" $command 2>&1)
  status=$?
  if [ "$status" -eq 2 ] && grep -q 'give a date as YYYY-MM-DD' <<<"$output"; then
    passed=$((passed + 1))
  else
    echo "FAIL escc $command: exit $status, wanted 2 with 'give a date as YYYY-MM-DD'"; echo "$output" | head -5
    failed=$((failed + 1))
  fi
done

if ! "$escc" build --today 2026-11-23 --emit cpp -o "$work/generated" "$input" >"$work/build.log" 2>&1; then
  echo "FAIL the protocol does not build"; cat "$work/build.log"; echo "$passed passed, $((failed + 1)) failed"; exit 1
fi
header="$work/generated/holidays_out_of_order.hpp"
# The namespace the generated tables live in: the last one the header closes.
namespace=$(grep -oE '^}  // namespace [A-Za-z_0-9:]+$' "$header" | tail -1 | sed 's|^}  // namespace ||')

{
  echo '#include <cstdio>'
  echo '#include "holidays_out_of_order.hpp"'
  echo '#include "escc/runtime.hpp"'
  echo 'int main() {'
  echo "  escc::Calendar calendar(${namespace}::protocol);"
  echo '  int failures = 0;'
  # Every `bank holiday YYYY-MM-DD` line of the input.
  grep -oE '^  bank holiday [0-9]{4}-[0-9]{2}-[0-9]{2}' "$input" | while read -r _ _ date; do
    IFS=- read -r year month day <<<"$date"
    echo "  if (!calendar.is_bank_holiday(escc::Date::of($year, $((10#$month)), $((10#$day))).value())) { std::printf(\"FAIL $date is not a bank holiday\\n\"); ++failures; }"
  done
  # Thursday 24 December 2026 + 2 working days: Christmas (Friday 25), the weekend and
  # Boxing Day's substitute (Monday 28) are skipped, so Wednesday 30 December.
  echo '  auto due = calendar.add_working_days(escc::Date::of(2026, 12, 24).value(), 2)->date;'
  echo '  if (!(due.year() == 2026 && due.month() == 12 && due.day() == 30)) { std::printf("FAIL 2 working days after 24 December 2026 is %d-%d-%d, wanted 2026-12-30\n", due.year(), due.month(), due.day()); ++failures; }'
  echo '  return failures == 0 ? 0 : 1;'
  echo '}'
} >"$work/calendar.cpp"

for compiler in "g++ -std=c++17" "clang++ -std=c++17"; do
  if ! $compiler -Wall -Wextra -Werror -I "$work/generated" -I "$root/runtime" -o "$work/calendar" "$work/calendar.cpp"; then
    echo "FAIL $compiler: the program does not compile"; failed=$((failed + 1)); continue
  fi
  if "$work/calendar"; then passed=$((passed + 1)); else echo "FAIL $compiler: holidays lost"; failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
