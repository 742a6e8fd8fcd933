// The syntax tree: what the file says, in the order it says it, with a span on every
// statement and value. Names are not resolved and nothing is judged here.
//
// Each statement is a keyword plus values, each value tagged with its role. A block
// statement's contents are its `body`. `source` and `note` statements sit in the body
// of the statement they describe. Outcome actions (`go to`, `end`, duties after
// `when ...:`) are the body of their `outcome` statement.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/source/source.hpp"
#include "grammar/statements.hpp"

namespace esc::ast {

// A statement's keyword is its row of the statement table; outcome actions (`go to`,
// `end`) have rows of their own there.
using Keyword = grammar::Keyword;

#define ESC_TAGS(X)                                                                            \
  X(title) X(name) X(ref) X(number) X(text) X(word) X(date) X(timeframe) X(clock_start)         \
  X(duration) X(covering) X(stage_range) X(before_stage) X(condition) X(verb) X(object) X(to)  \
  X(on) X(via) X(by) X(email) X(phone) X(call_sign) X(switchboard) X(person) X(of) X(window)    \
  X(case_kind) X(line) X(level) X(url) X(any_stage) X(cumulative) X(period) X(modality) X(throughout) X(also_stated) \
  X(mobile) X(direct_line) X(address) X(purpose) X(not_for_escalation) X(as_listed) X(details_unknown) X(in_own_agency) \
  X(also_called) X(former) X(section) X(what) X(part_of) X(alternative) X(whichever) X(step_anchor) X(variant) \
  X(variant_if) X(otherwise) X(instead) X(under) X(only)

enum class Tag : std::uint8_t {
#define X(name) name,
  ESC_TAGS(X)
#undef X
};

enum class Unit : std::uint8_t {
  none,
  working_days,
  calendar_days,
  hours,
  working_weeks,
  weeks,
  days,  // "5 days": the document does not say working or calendar days
  months,
  years,
  same_working_day,
  immediately,
  as_soon_as_possible,
};

// Flags on timeframe values.
inline constexpr std::uint32_t further = 1u << 0;        // "within a further ..."
inline constexpr std::uint32_t by_day = 1u << 1;         // "by day N": a cumulative deadline
inline constexpr std::uint32_t or_sooner = 1u << 2;      // "... or sooner"
inline constexpr std::uint32_t binding = 1u << 3;        // on `final`: the decision binds
inline constexpr std::uint32_t as_a_guide = 1u << 4;     // "... as a guide"
inline constexpr std::uint32_t indicative = 1u << 5;     // "... indicative"
// On a duty's `to` value: the name after it is joined by "or" (one of them) or "and".
inline constexpr std::uint32_t joined_by_or = 1u << 6;
inline constexpr std::uint32_t joined_by_and = 1u << 7;

// On a step anchor value: the time counts from the step's start, or its end; neither when
// the document does not say which.
inline constexpr std::uint32_t anchor_start = 1u << 8;
inline constexpr std::uint32_t anchor_end = 1u << 9;

// Window values: `low` holds the days, `high` the time range or -1 for all day.
inline constexpr std::int64_t monday = 1 << 0;  // ... sunday = 1 << 6
inline constexpr std::int64_t all_week = 0x7F;
inline constexpr std::int64_t weekdays = 0x1F;
inline constexpr std::int64_t weekend = 0x60;
inline constexpr std::uint32_t window_bank_holidays = 1u << 0;  // includes bank holidays
inline constexpr std::uint32_t window_except_bank_holidays = 1u << 1;
inline constexpr std::uint32_t window_always = 1u << 2;
// On the first window of a contact's second (third, ...) `available`.
inline constexpr std::uint32_t window_available_again = 1u << 3;
inline constexpr std::int64_t pack_time_range(std::int64_t from, std::int64_t to) { return from * 10000 + to; }

struct Value {
  Tag tag = Tag::text;
  Unit unit = Unit::none;
  std::uint32_t flags = 0;
  Span span;
  // Text of quoted strings exactly as written between the quotes (escapes still in:
  // see decode_text), of names, and of words such as `draft` or `open cases`.
  std::string_view text;
  // Numbers and ranges (low..high); dates as yyyymmdd (dd = 00 for a month); durations
  // as low..high in `unit`.
  std::int64_t low = 0;
  std::int64_t high = 0;
};

struct Statement {
  Keyword keyword = Keyword::note;
  Span span;
  bool has_block = false;
  std::vector<Value> values;
  std::vector<Statement> body;

  const Value* find(Tag tag) const;
};

struct File {
  FileId file = 0;
  std::vector<Statement> statements;
};

std::string_view keyword_name(Keyword keyword);
std::string_view tag_name(Tag tag);
std::string_view unit_name(Unit unit);

}  // namespace esc::ast
