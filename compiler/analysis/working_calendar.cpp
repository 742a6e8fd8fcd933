#include "compiler/analysis/working_calendar.hpp"

#include <algorithm>
#include <bit>

#include "compiler/model/dates.hpp"

namespace esc::analysis {

WorkingCalendar::WorkingCalendar(const model::Calendar* calendar) : calendar_(calendar) {
  if (!calendar_) return;
  for (const auto& holiday : calendar_->holidays) {
    holidays_.push_back(day_number({holiday.date.year, holiday.date.month, holiday.date.day}));
  }
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool WorkingCalendar::knows_holidays_of(int year) const {
  return calendar_ && year >= calendar_->data_from && year <= calendar_->data_to;
}

bool WorkingCalendar::is_bank_holiday(std::int64_t day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), day);
}

bool WorkingCalendar::is_working_day(std::int64_t day) const {
  return ((working_weekdays() >> weekday(day)) & 1) != 0 && !is_bank_holiday(day);
}

std::uint8_t WorkingCalendar::working_weekdays() const { return calendar_ ? calendar_->working_days : 0x1F; }

// Bank holidays in (after, until] that fall on a working weekday: each makes a week
// one working day shorter.
std::int64_t WorkingCalendar::holidays_on_working_weekdays(std::int64_t after, std::int64_t until) const {
  auto first = std::upper_bound(holidays_.begin(), holidays_.end(), after);
  auto last = std::upper_bound(first, holidays_.end(), until);
  return std::count_if(first, last, [&](std::int64_t day) { return ((working_weekdays() >> weekday(day)) & 1) != 0; });
}

WorkingDate WorkingCalendar::add_working_days(std::int64_t from, std::int64_t count) const {
  auto day = from;
  if (count <= 0) {
    // A calendar that names no working day would never end the search.
    for (int tries = 0; tries < 400 && !is_working_day(day); ++tries) ++day;
  }
  auto per_week = static_cast<std::int64_t>(std::popcount(static_cast<std::uint8_t>(working_weekdays() & 0x7F)));
  auto remaining = count;
  // Whole weeks first, so that a count of thousands of days costs a few steps, not
  // one a day: a week holds `per_week` working days less its bank holidays. At least
  // one day is left for the day-by-day walk, which finds where the count ends.
  while (per_week > 0 && remaining > per_week) {
    auto weeks = (remaining - 1) / per_week;
    auto until = day + weeks * 7;
    remaining -= weeks * per_week - holidays_on_working_weekdays(day, until);
    day = until;
  }
  for (std::int64_t counted = 0, tries = 0; counted < remaining && tries < remaining * 7 + 400; ++tries) {
    ++day;
    if (is_working_day(day)) ++counted;
  }
  return {day, knows_holidays_of(civil_date(from).year) && knows_holidays_of(civil_date(day).year)};
}

}  // namespace esc::analysis
