// Civil dates as day numbers (days since 1970-01-01), for comparisons and working-day
// arithmetic. Proleptic Gregorian calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace esc {

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  bool operator==(const CivilDate&) const = default;
};

std::int64_t day_number(const CivilDate& date);
CivilDate civil_date(std::int64_t day_number);
int days_in_month(int year, int month);
// 0 = Monday ... 6 = Sunday.
int weekday(std::int64_t day_number);
// "2026-11-23" -> date; nullopt unless it is a real date in that exact form (there is no year 0).
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string iso_date(const CivilDate& date);
// "Monday" for 0 (as weekday() numbers them) to "Sunday" for 6.
std::string_view weekday_name(int weekday);
// "January" for 1 to "December" for 12.
std::string_view month_name(int month);
// "23 November 2026", "March 2024" (month only), "2019" (month 0: a year alone).
std::string long_date(const CivilDate& date, bool month_only = false);

}  // namespace esc
