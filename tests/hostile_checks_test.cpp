// Hostile inputs that tests/hostile/checks/ cannot hold as a protocol with its expected
// findings: dates given on the command line, and what the outputs make of a calendar.
#include <catch2/catch.hpp>

#include "compiler/dates.hpp"

TEST_CASE("a date on the command line cannot be in year 0", "[hostile]") {
  CHECK_FALSE(esc::parse_iso_date("0000-01-01").has_value());
  CHECK_FALSE(esc::parse_iso_date("0000-02-29").has_value());
  CHECK(esc::parse_iso_date("0001-01-01").has_value());
}
