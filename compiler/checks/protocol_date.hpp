// Dates written in the protocol block, as day numbers.
#pragma once

#include <cstdint>

#include "compiler/analysis/review.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/model/model.hpp"

namespace esc::checks {

using analysis::last_day_meant;

// The earliest day it can mean: the first of its month, or of its year.
inline std::int64_t first_day_meant(const model::Date& date) {
  return day_number({date.year, date.year_only() ? 1 : date.month, date.month_only() ? 1 : date.day});
}

inline std::string spoken(const model::Date& date) {
  return long_date({date.year, date.month, date.month_only() ? 1 : date.day}, date.month_only());
}

}  // namespace esc::checks
