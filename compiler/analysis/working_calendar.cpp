#include "compiler/analysis/working_calendar.hpp"

#include <algorithm>

#include "compiler/dates.hpp"

namespace esc::analysis {

WorkingCalendar::WorkingCalendar(const model::Calendar* calendar) : calendar_(calendar) {
  if (!calendar_) return;
  for (const auto& holiday : calendar_->holidays) {
    holidays_.push_back(day_number({holiday.date.year, holiday.date.month, holiday.date.day}));
  }
  std::sort(holidays_.begin(), holidays_.end());
}

bool WorkingCalendar::knows_holidays_of(int year) const {
  return calendar_ && year >= calendar_->data_from && year <= calendar_->data_to;
}

bool WorkingCalendar::is_bank_holiday(std::int64_t day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), day);
}

bool WorkingCalendar::is_working_day(std::int64_t day) const {
  std::uint8_t working = calendar_ ? calendar_->working_days : 0x1F;
  return ((working >> weekday(day)) & 1) != 0 && !is_bank_holiday(day);
}

WorkingDate WorkingCalendar::add_working_days(std::int64_t from, std::int64_t count) const {
  auto day = from;
  if (count <= 0) {
    // A calendar that names no working day would never end the search.
    for (int tries = 0; tries < 400 && !is_working_day(day); ++tries) ++day;
  }
  for (std::int64_t counted = 0, tries = 0; counted < count && tries < count * 7 + 400; ++tries) {
    ++day;
    if (is_working_day(day)) ++counted;
  }
  return {day, knows_holidays_of(civil_date(from).year) && knows_holidays_of(civil_date(day).year)};
}

}  // namespace esc::analysis
