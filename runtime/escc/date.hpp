// escc runtime: dates and times that are always valid, and UK time from a UTC instant.
// Header-only, C++17, standard library only; under C++20 a Date converts to and from
// std::chrono::year_month_day and sys_days.
#ifndef ESCC_DATE_HPP
#define ESCC_DATE_HPP

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "checked.hpp"
#include "tables.hpp"

namespace escc {

namespace detail {

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
// Only ever given dates a Date has checked, so nothing here can overflow.
constexpr long day_number(int year, int month, int day) {
  const long y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

constexpr tables::Date civil_date(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return tables::Date{static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

constexpr bool leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

constexpr int days_in_month(int year, int month) {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

}  // namespace detail

// A day of the Gregorian calendar, years 1 to 9999. There is no way to make an invalid
// one: Date::of refuses 30 February with a reason instead of turning it into 2 March.
class Date {
 public:
  static constexpr int first_year = 1;
  static constexpr int last_year = 9999;

  static Result<Date> of(int year, int month, int day) {
    if (year < first_year || year > last_year) return Reason::year_out_of_range;
    if (month < 1 || month > 12) return Reason::month_out_of_range;
    if (day < 1 || day > detail::days_in_month(year, month)) return Reason::no_such_day;
    return Date(year, month, day);
  }

  // The day `days` days after 1970-01-01 (before it, when negative).
  static Result<Date> from_day_number(long days) {
    if (days < detail::day_number(first_year, 1, 1) || days > detail::day_number(last_year, 12, 31)) {
      return Reason::year_out_of_range;
    }
    auto d = detail::civil_date(days);
    return Date(d.year, d.month, d.day);
  }

  // "2026-12-18", the form a saved case uses; anything else is refused.
  static Result<Date> parse(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
      out = 0;
      for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
      }
      return true;
    };
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, year) || !digits(5, 2, month) ||
        !digits(8, 2, day)) {
      return Reason::malformed_case;
    }
    return of(year, month, day);
  }

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  long day_number() const { return detail::day_number(year_, month_, day_); }
  // 0 = Monday ... 6 = Sunday. 1970-01-01 was a Thursday.
  int weekday() const { return static_cast<int>(((day_number() % 7) + 7 + 3) % 7); }
  tables::Date table_date() const { return {year_, month_, day_}; }

  Result<Date> plus_days(long days) const {
    if (days > 4000000 || days < -4000000) return Reason::year_out_of_range;
    return from_day_number(day_number() + days);
  }

  std::string text() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
    return buffer;
  }

#if __cplusplus >= 202002L
  static Result<Date> from(std::chrono::year_month_day date) {
    if (!date.ok()) {
      if (!date.month().ok()) return Reason::month_out_of_range;
      return Reason::no_such_day;
    }
    return of(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
              static_cast<int>(static_cast<unsigned>(date.day())));
  }
  static Result<Date> from(std::chrono::sys_days days) { return from_day_number(days.time_since_epoch().count()); }
  std::chrono::year_month_day year_month_day() const {
    return std::chrono::year_month_day{std::chrono::year{year_}, std::chrono::month{static_cast<unsigned>(month_)},
                                       std::chrono::day{static_cast<unsigned>(day_)}};
  }
  std::chrono::sys_days sys_days() const { return std::chrono::sys_days{std::chrono::days{day_number()}}; }
#endif

  friend bool operator==(const Date& a, const Date& b) {
    return a.year_ == b.year_ && a.month_ == b.month_ && a.day_ == b.day_;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) { return a.day_number() < b.day_number(); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }

 private:
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}
  int year_;
  int month_;
  int day_;
};

// A minute of the day, 00:00 to 23:59.
class Time {
 public:
  static Result<Time> at(int hour, int minute) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Reason::time_out_of_range;
    return Time(hour * 60 + minute);
  }
  // Minutes since midnight, 0 to 1439.
  static Result<Time> from_minute_of_day(int minute) {
    if (minute < 0 || minute >= 24 * 60) return Reason::time_out_of_range;
    return Time(minute);
  }
  int minute_of_day() const { return minute_; }
  int hour() const { return minute_ / 60; }
  int minute() const { return minute_ % 60; }
  friend bool operator==(const Time& a, const Time& b) { return a.minute_ == b.minute_; }
  friend bool operator!=(const Time& a, const Time& b) { return a.minute_ != b.minute_; }

 private:
  explicit Time(int minute) : minute_(minute) {}
  int minute_;
};

// A moment on the clocks of England and Wales: Greenwich Mean Time, or British Summer
// Time (one hour ahead) between the clock changes.
struct LondonTime {
  Date date;
  Time time;
  int second;
  bool summer_time;
};

// The UK clock rule: from 1996, summer time begins on the last Sunday of March and ends
// on the last Sunday of October, both at 01:00 UTC (the Summer Time Order 2002 and the
// EU directive before it). The rule is today's law; the years it is given for stop at
// 2099 rather than promise a law that may change, and earlier years, under other rules,
// are refused.
constexpr int uk_clock_rule_from = 1996;
constexpr int uk_clock_rule_to = 2099;

namespace detail {

// Seconds since 1970-01-01 00:00 UTC of 01:00 UTC on the last Sunday of a month.
inline long long last_sunday_at_one(int year, int month) {
  long last = day_number(year, month, days_in_month(year, month));
  long weekday = ((last % 7) + 7 + 3) % 7;  // 0 = Monday
  long sunday = last - (weekday + 1) % 7;
  return static_cast<long long>(sunday) * 86400 + 3600;
}

}  // namespace detail

// The time in England and Wales at an instant given as seconds since 1970-01-01 00:00
// UTC (Unix time, which is what std::chrono::system_clock counts).
inline Result<LondonTime> london_time_of_unix_seconds(long long seconds) {
  constexpr long long day = 86400;
  const long long first = static_cast<long long>(detail::day_number(uk_clock_rule_from, 1, 1)) * day;
  const long long after = static_cast<long long>(detail::day_number(uk_clock_rule_to + 1, 1, 1)) * day;
  // One hour's margin each side, so that the answer's own year is within the rule.
  if (seconds < first || seconds >= after - 3600) return Reason::outside_uk_clock_rule;
  const int year = detail::civil_date(static_cast<long>(seconds / day)).year;
  const bool summer =
      seconds >= detail::last_sunday_at_one(year, 3) && seconds < detail::last_sunday_at_one(year, 10);
  const long long local = seconds + (summer ? 3600 : 0);
  const auto date = Date::from_day_number(static_cast<long>(local / day));
  const auto time = Time::from_minute_of_day(static_cast<int>((local % day) / 60));
  if (!date) return date.reason();
  if (!time) return time.reason();
  return LondonTime{*date, *time, static_cast<int>(local % 60), summer};
}

inline Result<LondonTime> london_time(std::chrono::system_clock::time_point utc) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(utc).time_since_epoch().count();
  return london_time_of_unix_seconds(static_cast<long long>(seconds));
}

}  // namespace escc

#endif  // ESCC_DATE_HPP
