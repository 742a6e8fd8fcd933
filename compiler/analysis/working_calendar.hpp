// Working-day arithmetic on a protocol's calendar: weekends and bank holidays skipped.
// The same rules as the C++ runtime (runtime/escc/runtime.hpp) and docs/outputs.md:
// the day a count starts does not count, and a count of 0 lands on the start day when
// it is a working day, else on the next one.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

struct WorkingDate {
  std::int64_t day = 0;         // day number (days since 1970-01-01)
  bool holidays_known = true;   // false when the count passed the calendar's data
};

class WorkingCalendar {
 public:
  // Without a calendar only weekends are skipped, and no holidays are known.
  explicit WorkingCalendar(const model::Calendar* calendar);

  bool knows_holidays_of(int year) const;
  bool is_bank_holiday(std::int64_t day) const;
  bool is_working_day(std::int64_t day) const;
  WorkingDate add_working_days(std::int64_t from, std::int64_t count) const;

 private:
  std::uint8_t working_weekdays() const;
  std::int64_t holidays_on_working_weekdays(std::int64_t after, std::int64_t until) const;

  const model::Calendar* calendar_;
  std::vector<std::int64_t> holidays_;  // sorted day numbers
};

}  // namespace esc::analysis
