#include "compiler/backends/reader_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/analysis/phones.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::backends {
namespace {

using analysis::bank_holiday_day;
using analysis::day_kinds;
using analysis::minutes_per_day;
using analysis::MinuteRange;

bool all_day(const std::vector<MinuteRange>& ranges) {
  return ranges.size() == 1 && ranges[0].from == 0 && ranges[0].to == minutes_per_day;
}

std::string range_words(int from, int to) { return clock_words(from) + " to " + clock_words(to); }

std::string times_words(const std::vector<MinuteRange>& ranges) {
  if (all_day(ranges)) return "24 hours";
  // An evening and the early morning of the same day read as one range past midnight,
  // as "5pm to 9am" does in the documents.
  if (ranges.size() == 2 && ranges[0].from == 0 && ranges[1].to == minutes_per_day) {
    return range_words(ranges[1].from, ranges[0].to);
  }
  std::vector<std::string> parts;
  for (const auto& range : ranges) parts.push_back(range_words(range.from, range.to));
  return spoken_list(parts, "and");
}

// Runs of days in a row as "Monday to Friday", two as "Saturday and Sunday".
std::string days_words(unsigned days) {
  std::vector<std::string> parts;
  if ((days & 0x7F) == 0x7F) {
    parts.push_back("every day");
  } else {
    for (int day = 0; day < 7;) {
      if (!(days & (1u << day))) {
        ++day;
        continue;
      }
      int last = day;
      while (last + 1 < 7 && (days & (1u << (last + 1)))) ++last;
      if (last - day >= 2) {
        parts.push_back(fmt::format("{} to {}", weekday_name(day), weekday_name(last)));
      } else {
        for (int d = day; d <= last; ++d) parts.push_back(std::string(weekday_name(d)));
      }
      day = last + 1;
    }
  }
  // Bank holidays fall on weekdays: with every weekday they are "included"; with only
  // some days, or the weekend, they are one more kind of day.
  if (days & (1u << bank_holiday_day)) {
    if ((days & 0x1F) == 0x1F) return spoken_list(parts, "and") + ", including bank holidays";
    parts.push_back("bank holidays");
  }
  return spoken_list(parts, "and");
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string clock_words(int minute) {
  if (minute % minutes_per_day == 0) return "midnight";
  if (minute == 12 * 60) return "midday";
  int hour = minute / 60 % 12;
  auto suffix = minute < 12 * 60 ? "am" : "pm";
  if (hour == 0) hour = 12;
  if (minute % 60 == 0) return fmt::format("{}{}", hour, suffix);
  return fmt::format("{}:{:02}{}", hour, minute % 60, suffix);
}

std::string hours_words(const analysis::Availability& availability) {
  // Days with the same times, in the order of their first day.
  std::vector<std::pair<unsigned, std::vector<MinuteRange>>> groups;
  for (int day = 0; day < day_kinds; ++day) {
    auto times = availability.ranges(day);
    if (times.empty()) continue;
    auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) { return group.second == times; });
    if (same == groups.end()) {
      groups.push_back({1u << day, std::move(times)});
    } else {
      same->first |= 1u << day;
    }
  }
  std::string text;
  for (const auto& [days, times] : groups) {
    auto part = (days == 0xFFu && all_day(times)) ? std::string("at any time, including bank holidays")
                                                   : days_words(days) + ", " + times_words(times);
    text += (text.empty() ? "" : "; ") + part;
  }
  return text;
}

std::string phone_words(std::string_view written) {
  if (!analysis::phone_problem(written).empty()) return std::string(written);
  std::string digits;
  for (char c : written) {
    if (is_digit(c)) {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return std::string(written);  // "+44", "(0)", "ext": the writer's own form
    }
  }
  if (digits.size() != 11 || digits[0] != '0') return std::string(written);
  auto grouped = [&](std::size_t first, std::size_t second) {
    return digits.substr(0, first) + " " + digits.substr(first, second) + " " + digits.substr(first + second);
  };
  // London and the other 02 areas: 020 7946 0000; 011x and 01x1 cities, and the 03, 08
  // and 09 numbers: 0113 496 0000; the rest of 01 and mobiles: 01632 960000.
  if (digits[1] == '2') return grouped(3, 4);
  if (digits[1] == '1' && (digits[2] == '1' || digits[3] == '1')) return grouped(4, 3);
  if (digits[1] == '3' || digits[1] == '8' || digits[1] == '9') return grouped(4, 3);
  return digits.substr(0, 5) + " " + digits.substr(5);
}

}  // namespace esc::backends

namespace esc::backends {

std::string date_words(const model::Date& date) {
  if (date.year_only()) return std::to_string(date.year);
  return long_date({date.year, date.month, date.month_only() ? 1 : date.day}, date.month_only());
}

}  // namespace esc::backends
