// Dates written in the protocol block, as day numbers.
#pragma once

#include <cstdint>

#include "compiler/model/dates.hpp"
#include "compiler/model/model.hpp"

namespace esc::checks {

// A month-only date ("review due 2024-03") means the end of that month.
inline std::int64_t last_day_meant(const model::Date& date) {
  auto day = date.month_only() ? days_in_month(date.year, date.month) : date.day;
  return day_number({date.year, date.month, day});
}

inline std::string spoken(const model::Date& date) {
  return long_date({date.year, date.month, date.month_only() ? 1 : date.day}, date.month_only());
}

}  // namespace esc::checks
