#include "compiler/model/dates.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace esc {

// Howard Hinnant's days_from_civil and civil_from_days.
std::int64_t day_number(const CivilDate& date) {
  std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  auto year_of_era = year - era * 400;
  std::int64_t month = date.month;
  auto day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  auto day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_date(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  auto day_of_era = days - era * 146097;
  auto year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  auto year = year_of_era + era * 400;
  auto day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  auto shifted_month = (5 * day_of_year + 2) / 153;
  auto day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  auto month = shifted_month + (shifted_month < 10 ? 3 : -9);
  return {static_cast<int>(year + (month <= 2 ? 1 : 0)), static_cast<int>(month), static_cast<int>(day)};
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int weekday(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  auto field = [&](std::size_t at, std::size_t length, int& out) {
    auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, out);
    return error == std::errc() && end == text.data() + at + length;
  };
  if (!field(0, 4, date.year) || !field(5, 2, date.month) || !field(8, 2, date.day)) return std::nullopt;
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

std::string iso_date(const CivilDate& date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

std::string_view weekday_name(int weekday) {
  static constexpr std::array<std::string_view, 7> names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                            "Friday", "Saturday", "Sunday"};
  return names.at(static_cast<std::size_t>(weekday));
}

std::string_view month_name(int month) {
  static constexpr std::array<std::string_view, 12> names = {"January", "February", "March",     "April",
                                                             "May",     "June",     "July",      "August",
                                                             "September", "October", "November", "December"};
  return names.at(static_cast<std::size_t>(month - 1));
}

std::string long_date(const CivilDate& date, bool month_only) {
  if (date.month == 0) return fmt::format("{}", date.year);
  if (month_only) return fmt::format("{} {}", month_name(date.month), date.year);
  return fmt::format("{} {} {}", date.day, month_name(date.month), date.year);
}

}  // namespace esc
