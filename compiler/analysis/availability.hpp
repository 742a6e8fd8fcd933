// When a contact can be reached: decided here once. The checks, `escc deadlines`,
// `escc diff`, the generated C++ tables and the page's script all use this answer;
// the runtime and the script only look it up (see Availability::ranges).
//
// An availability is a set of minutes over eight kinds of day: Monday to Sunday, and
// bank holidays, which are a kind of their own whatever weekday they fall on. Minutes
// are those the document gives, so every user of the answer agrees to the minute.
#pragma once

#include <bitset>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

inline constexpr int minutes_per_day = 24 * 60;
inline constexpr int bank_holiday_day = 7;  // days 0-6 are Monday to Sunday
inline constexpr int day_kinds = 8;

// Minutes [from, to) of one kind of day.
struct MinuteRange {
  int from = 0;
  int to = 0;
  bool operator==(const MinuteRange&) const = default;
};

class Availability {
 public:
  static Availability everything();
  // Office hours: weekdays 09:00-17:00, not on bank holidays. Used for contacts
  // whose availability the protocol does not state (see docs/checks.md).
  static Availability office_hours();
  // One window on its own. Windows of a list are read each on its own and joined, so
  // the order of a list never changes what it means.
  static Availability of_window(const model::Window& window, const model::Model& model);

  void add(const model::Window& window, const model::Model& model) { add(of_window(window, model)); }
  void add(const Availability& other) { minutes_ |= other.minutes_; }
  Availability missing() const;  // everything not covered
  Availability within(const Availability& other) const {  // the part also in `other`
    Availability both;
    both.minutes_ = minutes_ & other.minutes_;
    return both;
  }
  bool empty() const { return minutes_.none(); }
  // Whether the minute of the day (0-1439) is covered on a kind of day: 0-6 Monday to
  // Sunday, or bank_holiday_day.
  bool covers(int day, int minute) const {
    return minutes_.test(static_cast<std::size_t>(day * minutes_per_day + minute));
  }
  // The covered minutes of a kind of day as ranges, in order: the compiled form the
  // tables and pages carry.
  std::vector<MinuteRange> ranges(int day) const;
  // "weekdays 17:00-09:00; weekends and bank holidays all day": days that share the
  // same times are named together, so no time can be read as belonging to other days.
  std::string describe() const;
  bool operator==(const Availability&) const = default;
  std::size_t hash() const { return std::hash<std::bitset<day_kinds * minutes_per_day>>{}(minutes_); }

 private:
  void set(int day, int from, int to);  // minutes [from, to) within one day
  std::bitset<day_kinds * minutes_per_day> minutes_;
};

// A contact's availability, or office hours when it states none.
Availability availability_of(const model::Contact& contact, const model::Model& model);

// What a page, `escc deadlines` and `escc diff` say of a contact's availability.
std::string availability_words(const model::Contact& contact, const model::Model& model);
std::string availability_words(const Availability& availability, bool stated);

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

// The distinct availabilities of a protocol's contacts, numbered in the order first
// met: the tables and the page carry each once, and each contact points to one.
class AvailabilityTable {
 public:
  struct Entry {
    Availability when;
    bool stated = true;  // false: not stated, office hours assumed
    std::string words;
  };
  explicit AvailabilityTable(const model::Model& model) : hours_(model) {}
  std::uint32_t index_of(const model::Contact& contact);
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  ContactHours hours_;
  std::vector<Entry> entries_;
  std::unordered_multimap<std::size_t, std::uint32_t> by_hash_;
};

}  // namespace esc::analysis
