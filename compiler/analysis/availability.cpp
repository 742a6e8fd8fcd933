#include "compiler/analysis/availability.hpp"

#include <fmt/format.h>

#include <array>

namespace esc::analysis {
namespace {

std::string clock(int slot) { return fmt::format("{:02}:{:02}", slot / 4, slot % 4 * 15); }

// The uncovered time ranges of one day, as "00:00-09:00 and 17:00-24:00".
std::string day_ranges(std::vector<std::pair<int, int>> ranges) {
  // An evening and the early morning of the same day read as one range past midnight.
  if (ranges.size() == 2 && ranges[0].first == 0 && ranges[1].second == slots_per_day) {
    return clock(ranges[1].first) + "-" + clock(ranges[0].second);
  }
  std::string text;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (i > 0) text += i + 1 == ranges.size() ? " and " : ", ";
    text += clock(ranges[i].first) + "-" + clock(ranges[i].second);
  }
  return text;
}

}  // namespace

Availability Availability::everything() {
  Availability all;
  all.slots_.set();
  return all;
}

Availability Availability::office_hours() {
  Availability office;
  for (int day = 0; day < 5; ++day) office.set(day, 9 * 4, 17 * 4);
  return office;
}

void Availability::set(int day, int from_slot, int to_slot) {
  if (from_slot >= to_slot) return;
  // A run of ones shifted into place, rather than one bit at a time.
  Slots run;
  run.set();
  run >>= run.size() - static_cast<std::size_t>(to_slot - from_slot);
  slots_ |= run << static_cast<std::size_t>(day * slots_per_day + from_slot);
}

void Availability::add(const model::Window& window, const model::Model& model) {
  if (window.always) {
    slots_.set();
    return;
  }
  if (window.hours.valid()) {
    for (const auto* plain : model::plain_windows(model.hours.at(window.hours.index).windows, model)) {
      add(*plain, model);
    }
    return;
  }
  int from = window.from_minute < 0 ? 0 : window.from_minute / 15;
  int to = window.to_minute < 0 ? slots_per_day : (window.to_minute + 14) / 15;
  auto cover_day = [&](int day) {
    if (from < to) {
      set(day, from, to);
    } else {
      // "weekdays 17:00-09:00" means the evenings and the early mornings of those
      // days, as "5pm-9am Monday to Friday" does in the documents.
      set(day, from, slots_per_day);
      set(day, 0, to);
    }
  };
  for (int day = 0; day < 7; ++day) {
    if (window.days & (1 << day)) cover_day(day);
  }
  // Bank holidays fall on weekdays, so a window for every weekday covers them too,
  // unless it says "except bank holidays".
  bool every_weekday = (window.days & 0x1F) == 0x1F;
  if (window.bank_holidays || (every_weekday && !window.except_bank_holidays)) cover_day(bank_holiday_day);
  if (window.except_bank_holidays) {
    for (int slot = 0; slot < slots_per_day; ++slot) {
      slots_.reset(static_cast<std::size_t>(bank_holiday_day * slots_per_day + slot));
    }
  }
}

Availability Availability::missing() const {
  Availability gaps;
  gaps.slots_ = ~slots_;
  return gaps;
}

std::string Availability::describe() const {
  static constexpr std::array<const char*, 8> names = {"Monday",   "Tuesday", "Wednesday", "Thursday",
                                                        "Friday",   "Saturday", "Sunday",   "bank holidays"};
  std::array<std::vector<std::pair<int, int>>, 8> ranges;
  for (int day = 0; day < 8; ++day) {
    for (int slot = 0; slot < slots_per_day;) {
      if (!slots_.test(static_cast<std::size_t>(day * slots_per_day + slot))) {
        ++slot;
        continue;
      }
      int start = slot;
      while (slot < slots_per_day && slots_.test(static_cast<std::size_t>(day * slots_per_day + slot))) ++slot;
      ranges[static_cast<std::size_t>(day)].push_back({start, slot});
    }
  }
  auto all_day = [](const std::vector<std::pair<int, int>>& r) {
    return r.size() == 1 && r[0].first == 0 && r[0].second == slots_per_day;
  };
  std::vector<std::string> parts;
  bool every_day_same = !ranges[0].empty() && !all_day(ranges[0]);
  for (int day = 1; day < 7; ++day) every_day_same = every_day_same && ranges[day] == ranges[0];
  if (every_day_same) {
    auto text = "every day " + day_ranges(ranges[0]);
    if (ranges[bank_holiday_day] == ranges[0]) return text + ", bank holidays included";
    auto holidays = ranges[bank_holiday_day];
    ranges.fill({});
    ranges[bank_holiday_day] = holidays;
    parts.push_back(text);
  }
  bool weekdays_same = true;
  for (int day = 1; day < 5; ++day) weekdays_same = weekdays_same && ranges[day] == ranges[0];
  int first = 0;
  if (weekdays_same && !ranges[0].empty()) {
    parts.push_back(all_day(ranges[0]) ? "all day on weekdays" : "weekdays " + day_ranges(ranges[0]));
    first = 5;
  }
  if (all_day(ranges[5]) && all_day(ranges[6])) {
    parts.push_back("weekends");
    ranges[5].clear();
    ranges[6].clear();
  }
  for (int day = first; day < 7; ++day) {
    if (ranges[static_cast<std::size_t>(day)].empty()) continue;
    auto& r = ranges[static_cast<std::size_t>(day)];
    parts.push_back(all_day(r) ? fmt::format("all {}", names[static_cast<std::size_t>(day)])
                               : fmt::format("{} {}", names[static_cast<std::size_t>(day)], day_ranges(r)));
  }
  if (!ranges[bank_holiday_day].empty()) {
    parts.push_back(all_day(ranges[bank_holiday_day]) ? std::string("bank holidays")
                                                      : "bank holidays " + day_ranges(ranges[bank_holiday_day]));
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

Availability availability_of(const model::Contact& contact, const model::Model& model) {
  static const Availability office = Availability::office_hours();
  if (contact.windows.empty()) return office;
  Availability availability;
  for (const auto* window : model::plain_windows(contact.windows, model)) availability.add(*window, model);
  return availability;
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

}  // namespace esc::analysis
