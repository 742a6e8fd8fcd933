// When a set of contacts can be reached, as a bitmask over one week in 15-minute
// slots plus a bank-holiday day. Union is linear in the number of windows, so
// coverage checks never compare contacts pairwise.
#pragma once

#include <bitset>
#include <string>
#include <vector>

#include "compiler/model.hpp"

namespace esc::analysis {

inline constexpr int slots_per_day = 96;
inline constexpr int bank_holiday_day = 7;  // days 0-6 are Monday to Sunday

class Availability {
 public:
  static Availability everything();
  // Office hours: weekdays 09:00-17:00, not on bank holidays. Used for contacts
  // whose availability the protocol does not state (see docs/checks.md).
  static Availability office_hours();

  void add(const model::Window& window, const model::Model& model);
  void add(const Availability& other) { slots_ |= other.slots_; }
  Availability missing() const;  // everything not covered
  Availability within(const Availability& other) const {  // the part also in `other`
    Availability both;
    both.slots_ = slots_ & other.slots_;
    return both;
  }
  bool empty() const { return slots_.none(); }
  // Whether the minute of the day (0-1439) is covered on a day: 0-6 Monday to Sunday,
  // or bank_holiday_day.
  bool covers(int day, int minute) const {
    return slots_.test(static_cast<std::size_t>(day * slots_per_day + minute / 15));
  }
  // "weekdays 17:00-09:00, weekends and bank holidays"
  std::string describe() const;

 private:
  using Slots = std::bitset<8 * slots_per_day>;
  void set(int day, int from_slot, int to_slot);  // [from, to) within one day
  Slots slots_;
};

// A contact's availability, or office hours when it states none.
Availability availability_of(const model::Contact& contact, const model::Model& model);

// The same, with each named definition of hours ("office_hours") worked out once: for
// checks that look at every contact of a large protocol.
class ContactHours {
 public:
  explicit ContactHours(const model::Model& model);
  Availability of(const model::Contact& contact) const;

 private:
  const model::Model& model_;
  Availability office_ = Availability::office_hours();
  std::vector<Availability> named_;  // per hours id
};

}  // namespace esc::analysis
