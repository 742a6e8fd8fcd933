// When the protocol is next to be reviewed: the date it states, or the one its review
// interval gives. The checker judges it against today (G001, G002) and the page tells
// its readers when it has passed, from this one account.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/model/dates.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

// A month-only date ("review due 2024-03") means the end of that month; a year alone, the
// end of that year.
inline std::int64_t last_day_meant(const model::Date& date) {
  auto month = date.year_only() ? 12 : date.month;
  auto day = date.month_only() ? days_in_month(date.year, month) : date.day;
  return day_number({date.year, month, day});
}

struct NextReview {
  model::Date due;
  std::int64_t last_day = 0;  // the latest day `due` can mean
  // For a date worked out from "review every N months": the date counted from and
  // what it is ("its last review", "its approval", "the date it bears").
  const model::Date* counted_from = nullptr;
  std::string_view counted_from_what;
};

// None when the protocol states neither a review date nor an interval with a date to
// count it from.
std::optional<NextReview> next_review(const model::Protocol& protocol);

}  // namespace esc::analysis
