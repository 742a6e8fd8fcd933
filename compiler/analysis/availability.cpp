#include "compiler/analysis/availability.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/model/dates.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::analysis {
namespace {

std::string clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

bool all_day(const std::vector<MinuteRange>& ranges) {
  return ranges.size() == 1 && ranges[0].from == 0 && ranges[0].to == minutes_per_day;
}

// The times of one day: "all day", "09:00-17:00", "09:00-12:00 and 13:00-17:00".
std::string day_times(const std::vector<MinuteRange>& ranges) {
  if (all_day(ranges)) return "all day";
  // An evening and the early morning of the same day read as one range past midnight,
  // as "5pm-9am" does in the documents.
  if (ranges.size() == 2 && ranges[0].from == 0 && ranges[1].to == minutes_per_day) {
    return clock(ranges[1].from) + "-" + clock(ranges[0].to);
  }
  std::vector<std::string> parts;
  for (const auto& r : ranges) parts.push_back(clock(r.from) + "-" + clock(r.to));
  return spoken_list(parts, "and");
}

// "weekdays", "weekends and bank holidays", "Monday, Wednesday and Saturday"
std::string day_names(unsigned days) {
  std::vector<std::string> parts;
  if ((days & 0x1F) == 0x1F) {
    parts.push_back("weekdays");
  } else {
    for (int day = 0; day < 5; ++day) {
      if (days & (1u << day)) parts.push_back(std::string(weekday_name(day)));
    }
  }
  if ((days & 0x60) == 0x60) {
    parts.push_back("weekends");
  } else {
    for (int day = 5; day < 7; ++day) {
      if (days & (1u << day)) parts.push_back(std::string(weekday_name(day)));
    }
  }
  if (days & (1u << bank_holiday_day)) parts.push_back("bank holidays");
  return spoken_list(parts, "and");
}

}  // namespace

Availability Availability::everything() {
  Availability all;
  all.minutes_.set();
  return all;
}

Availability Availability::office_hours() {
  Availability office;
  for (int day = 0; day < 5; ++day) office.set(day, 9 * 60, 17 * 60);
  return office;
}

void Availability::set(int day, int from, int to) {
  if (from >= to) return;
  // A run of ones shifted into place, rather than one bit at a time.
  decltype(minutes_) run;
  run.set();
  run >>= run.size() - static_cast<std::size_t>(to - from);
  minutes_ |= run << static_cast<std::size_t>(day * minutes_per_day + from);
}

Availability Availability::of_window(const model::Window& window, const model::Model& model) {
  Availability own;
  if (window.always) return everything();
  if (window.hours.valid()) {
    for (const auto* plain : model::plain_windows(model.hours.at(window.hours.index).windows, model)) {
      own.add(of_window(*plain, model));
    }
    return own;
  }
  int from = window.from_minute < 0 ? 0 : window.from_minute;
  int to = window.to_minute < 0 ? minutes_per_day : window.to_minute;
  auto cover_day = [&](int day) {
    if (from < to) {
      own.set(day, from, to);
    } else {
      // "weekdays 17:00-09:00" means the evenings and the early mornings of those
      // days, as "5pm-9am Monday to Friday" does in the documents.
      own.set(day, from, minutes_per_day);
      own.set(day, 0, to);
    }
  };
  for (int day = 0; day < 7; ++day) {
    if (window.days & (1 << day)) cover_day(day);
  }
  // Bank holidays fall on weekdays, so a window for every weekday covers them too,
  // unless it says "except bank holidays". The exception belongs to this window alone.
  bool every_weekday = (window.days & 0x1F) == 0x1F;
  bool holidays = window.bank_holidays || every_weekday;
  if (holidays && !window.except_bank_holidays) cover_day(bank_holiday_day);
  return own;
}

Availability Availability::missing() const {
  Availability gaps;
  gaps.minutes_ = ~minutes_;
  return gaps;
}

std::vector<MinuteRange> Availability::ranges(int day) const {
  std::vector<MinuteRange> found;
  auto base = static_cast<std::size_t>(day * minutes_per_day);
  for (int minute = 0; minute < minutes_per_day;) {
    if (!minutes_.test(base + static_cast<std::size_t>(minute))) {
      ++minute;
      continue;
    }
    int start = minute;
    while (minute < minutes_per_day && minutes_.test(base + static_cast<std::size_t>(minute))) ++minute;
    found.push_back({start, minute});
  }
  return found;
}

std::string Availability::describe() const {
  std::array<std::vector<MinuteRange>, day_kinds> by_day;
  for (int day = 0; day < day_kinds; ++day) by_day[static_cast<std::size_t>(day)] = ranges(day);
  // Days with the same times, in the order of their first day.
  std::vector<std::pair<unsigned, std::vector<MinuteRange>>> groups;
  for (int day = 0; day < day_kinds; ++day) {
    const auto& times = by_day[static_cast<std::size_t>(day)];
    if (times.empty()) continue;
    auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) { return group.second == times; });
    if (same == groups.end()) {
      groups.push_back({1u << day, times});
    } else {
      same->first |= 1u << day;
    }
  }
  constexpr unsigned every_day = 0x7F;
  constexpr unsigned holidays = 1u << bank_holiday_day;
  std::vector<std::string> parts;
  for (const auto& [days, times] : groups) {
    if ((days & every_day) != every_day) {
      parts.push_back(day_names(days) + " " + day_times(times));
    } else if (days & holidays) {
      parts.push_back(all_day(times) ? "at any time, bank holidays included"
                                     : "every day " + day_times(times) + ", bank holidays included");
    } else {
      parts.push_back("every day " + day_times(times));
    }
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

Availability availability_of(const model::Contact& contact, const model::Model& model) {
  if (contact.windows.empty()) return Availability::office_hours();
  Availability availability;
  for (const auto& window : contact.windows) availability.add(window, model);
  return availability;
}

std::string availability_words(const Availability& availability, bool stated) {
  if (stated) return availability.describe();
  return fmt::format("not stated; office hours assumed, {}", Availability::office_hours().describe());
}

std::string availability_words(const model::Contact& contact, const model::Model& model) {
  return availability_words(availability_of(contact, model), !contact.windows.empty());
}

ContactHours::ContactHours(const model::Model& model) : model_(model), named_(model.hours.size()) {
  // Each definition is worked out once, after the definitions it names, so that long
  // chains and definitions named many times cost no more than the definitions do.
  model::HoursWalk walk;
  walk.plain = [&](std::uint32_t id, const model::Window& window) { named_[id].add(window, model); };
  walk.named = [&](std::uint32_t id, std::uint32_t inner) { named_[id].add(named_[inner]); };
  model::walk_hours(model, walk);
}

Availability ContactHours::of(const model::Contact& contact) const {
  if (contact.windows.empty()) return office_;
  Availability availability;
  for (const auto& window : contact.windows) {
    if (window.hours.valid() && window.hours.index < named_.size()) {
      availability.add(named_[window.hours.index]);
    } else {
      availability.add(window, model_);
    }
  }
  return availability;
}

std::uint32_t AvailabilityTable::index_of(const model::Contact& contact) {
  Entry entry{hours_.of(contact), !contact.windows.empty(), {}};
  auto key = entry.when.hash() ^ static_cast<std::size_t>(entry.stated);
  auto [first, last] = by_hash_.equal_range(key);
  for (auto it = first; it != last; ++it) {
    const auto& known = entries_[it->second];
    if (known.stated == entry.stated && known.when == entry.when) return it->second;
  }
  entry.words = availability_words(entry.when, entry.stated);
  entries_.push_back(std::move(entry));
  auto index = static_cast<std::uint32_t>(entries_.size() - 1);
  by_hash_.emplace(key, index);
  return index;
}

}  // namespace esc::analysis
