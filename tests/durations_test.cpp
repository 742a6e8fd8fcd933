// The arithmetic shown in timeframe findings (analysis/durations.cpp).
#include <catch2/catch.hpp>

#include <vector>

#include "compiler/analysis/durations.hpp"

namespace {

std::vector<esc::analysis::Term> terms_of(std::vector<std::int64_t> days) {
  std::vector<esc::analysis::Term> terms;
  for (auto d : days) terms.push_back({{d, d}, {}, nullptr});
  return terms;
}

}  // namespace

TEST_CASE("a sum is shown term by term, without a running total that starts from nothing", "[durations]") {
  using esc::analysis::arithmetic;
  CHECK(arithmetic(terms_of({2, 3, 4}), {9, 9}) == "2 + 3 + 4 = 9");
  CHECK(arithmetic(terms_of({0, 2, 3}), {5, 5}) == "2 + 3 = 5");
  CHECK(arithmetic(terms_of({0, 0, 3}), {3, 3}) == "3");
  CHECK(arithmetic(terms_of({7}), {7, 7}) == "7");
  CHECK(arithmetic({{{1, 3}, {}, nullptr}, {{5, 5}, {}, nullptr}}, {6, 8}) == "1-3 + 5 = 6-8");
}

TEST_CASE("a long sum is shown by its ends and its number of figures", "[durations]") {
  using esc::analysis::arithmetic;
  CHECK(arithmetic(terms_of(std::vector<std::int64_t>(12, 5)), {60, 60}) ==
        "5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5 = 60");
  std::vector<std::int64_t> many{0, 1, 2, 3};
  for (int i = 0; i < 16; ++i) many.push_back(5);
  many.push_back(8);
  many.push_back(9);
  CHECK(arithmetic(terms_of(many), {104, 104}) == "1 + 2 + 3 + ... + 8 + 9 (21 figures) = 104");
}

TEST_CASE("days of no stated unit are read both ways: the union of working and calendar days", "[durations]") {
  using esc::model::Duration;
  using esc::model::Unit;
  using esc::model::WorkingDays;
  Duration five;
  five.low = five.high = 5;
  five.unit = Unit::days;
  CHECK(five.working_days() == WorkingDays{3, 5});
  CHECK(five.describe() == "5 days");
  Duration one = five;
  one.low = one.high = 1;
  CHECK(one.working_days() == WorkingDays{0, 1});
  CHECK(one.describe() == "1 day");
  Duration range = five;
  range.low = 7;
  range.high = 14;
  CHECK(range.working_days() == WorkingDays{5, 14});
  // The same as the calendar reading, which already holds the working-day one.
  Duration calendar = five;
  calendar.unit = Unit::calendar_days;
  CHECK(calendar.working_days() == five.working_days());
  CHECK(esc::model::unit_name(Unit::days) == "days");
}
