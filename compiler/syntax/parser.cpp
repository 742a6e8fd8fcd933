// The only file that includes the grammar: PEGTL stays in this one translation unit.
#include "compiler/syntax/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <concepts>
#include <string>
#include <type_traits>

#include "compiler/source/encoding.hpp"
#include "compiler/source/spoken_list.hpp"
#include "compiler/syntax/block_rules.hpp"
#include "compiler/syntax/suggest.hpp"
#include "compiler/syntax/text.hpp"
#include "grammar/errors.hpp"
#include "grammar/esc.hpp"

namespace esc {
namespace {

namespace p = tao::pegtl;
namespace g = esc::grammar;
using ast::Tag;
using ast::Unit;

// Thrown by the grammar's control (and by actions that find a bad value) and caught
// in the item loop; it never leaves this file.
struct SyntaxFailure {
  Code code;
  std::string message;
  const char* at;
  const char* until = nullptr;  // end of the offending text, when known
};

// ---- What was found at an error, in words ---------------------------------------------------

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || u >= 0x80;
}

std::string_view word_at(const char* at, const char* end) {
  const char* stop = at;
  while (stop < end && is_word_byte(*stop)) ++stop;
  return {at, static_cast<std::size_t>(stop - at)};
}

std::string describe_found(const char* at, const char* end) {
  if (at >= end || *at == '\n' || *at == '\r') return "the end of the line";
  if (*at == '#') return "a comment";
  if (*at == '"') return "text in quotes";
  auto word = word_at(at, end);
  if (word.empty()) {
    auto length = std::size_t{1};
    while (at + length < end && (static_cast<unsigned char>(at[length]) & 0xC0) == 0x80) ++length;
    return fmt::format("'{}'", std::string_view(at, length));
  }
  if (word.size() > 40) return fmt::format("'{}...'", word.substr(0, 40));
  return fmt::format("'{}'", word);
}

std::string fill_found(std::string_view message, const char* at, const char* end) {
  std::string text(message);
  if (auto where = text.find("{found}"); where != std::string::npos) {
    text.replace(where, 7, describe_found(at, end));
  }
  return text;
}

// ---- Control: every failure under must<> becomes a SyntaxFailure ---------------------------

template <typename Rule>
constexpr Code code_for() {
  if constexpr (std::is_same_v<Rule, g::text_close>) return Code::P003;
  if constexpr (std::is_same_v<Rule, g::unknown_statement>) return Code::P001;
  return Code::P002;
}

template <typename Rule>
struct control : p::normal<Rule> {
  template <typename Input, typename... States>
  [[noreturn]] static void raise(const Input& in, States&&...) {
    constexpr const char* message = g::error_message<Rule>;
    throw SyntaxFailure{code_for<Rule>(),
                        message ? message : "this is not written the way escc expects: found {found}",
                        in.current()};
  }
};

// ---- The statement being built -------------------------------------------------------------

struct Window {
  std::int64_t days = ast::all_week;
  std::int64_t time = -1;
  std::uint32_t flags = 0;
  std::string_view name;
};

struct ParseState {
  const char* base = nullptr;
  const char* end = nullptr;
  FileId file = 0;
  ast::Statement statement;
  ast::Statement* target = &statement;  // the statement or its latest outcome action
  bool opens_block = false;
  bool closes_block = false;
  bool in_actions = false;
  std::uint32_t pending_flags = 0;
  // A `must`, `should` or `may` read after `when ...:`, for the action that follows it.
  std::optional<ast::Value> pending_modality;
  Window window;
  const char* statement_end = nullptr;

  void reset() {
    statement = {};
    target = &statement;
    opens_block = closes_block = in_actions = false;
    pending_flags = 0;
    pending_modality.reset();
    window = {};
    statement_end = nullptr;
  }

  Span span(const char* begin, const char* stop) const {
    return {file, static_cast<std::uint32_t>(begin - base), static_cast<std::uint32_t>(stop - base)};
  }

  template <typename Input>
  ast::Value& push(Tag tag, const Input& in, std::string_view text = {}) {
    auto& value = target->values.emplace_back();
    value.tag = tag;
    value.span = span(in.begin(), in.end());
    value.text = text;
    return value;
  }

  // The most recent value with one of these tags (durations are tagged once their
  // role is known: a timeframe, a cumulative claim, a review period).
  ast::Value* last(Tag tag) {
    for (auto it = target->values.rbegin(); it != target->values.rend(); ++it) {
      if (it->tag == tag) return &*it;
    }
    return nullptr;
  }

  void open_action(ast::Keyword keyword, const char* at) {
    auto& action = statement.body.emplace_back();
    action.keyword = keyword;
    action.span = span(at, at);
    if (pending_modality) {
      action.span.begin = pending_modality->span.begin;
      action.values.push_back(*pending_modality);
      pending_modality.reset();
    }
    target = &action;
  }
};

// ---- Value parsing used by actions ---------------------------------------------------------

[[noreturn]] void invalid_value(std::string message, const char* at, const char* until) {
  throw SyntaxFailure{Code::P008, std::move(message), at, until};
}

template <typename Input>
std::int64_t parse_count(std::string_view digits, const Input& in) {
  std::int64_t number = 0;
  auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc() || number > 999999) {
    invalid_value(fmt::format("{} is too large; numbers in a protocol stay below 1,000,000", digits), in.begin(),
                  in.end());
  }
  (void)ptr;
  return number;
}

// Splits "1-3" or "1 - 3" or "2015 to 2030" into its two numbers.
template <typename Input>
std::pair<std::int64_t, std::int64_t> parse_pair(std::string_view text, const Input& in) {
  auto first_end = text.find_first_not_of("0123456789");
  auto second_begin = text.find_first_of("0123456789", first_end);
  auto low = parse_count(text.substr(0, first_end), in);
  auto high = parse_count(text.substr(second_begin), in);
  return {low, high};
}

std::int64_t number_word_value(std::string_view word) {
  static constexpr std::string_view words[] = {"one", "two",   "three", "four",   "five",  "six",
                                               "seven", "eight", "nine",  "ten", "eleven", "twelve"};
  auto lower = normalise_words(word);
  if (lower == "a" || lower == "an") return 1;
  for (std::size_t i = 0; i < std::size(words); ++i) {
    if (lower == words[i]) return static_cast<std::int64_t>(i) + 1;
  }
  return 0;
}

bool is_leap_year(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int64_t days_in_month(std::int64_t year, std::int64_t month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

template <typename Input>
std::int64_t parse_date(std::string_view text, const Input& in) {
  auto field = [&](std::size_t at, std::size_t length) {
    std::int64_t number = 0;
    std::from_chars(text.data() + at, text.data() + at + length, number);
    return number;
  };
  auto year = field(0, 4);
  auto month = text.size() > 4 ? field(5, 2) : 0;
  auto day = text.size() > 7 ? field(8, 2) : 0;
  if (year == 0) invalid_value(fmt::format("{} is not a date: there is no year 0", text), in.begin(), in.end());
  if (text.size() > 4 && (month < 1 || month > 12)) invalid_value(fmt::format("{} is not a date: there is no month {}", text, month),
                                             in.begin(), in.end());
  if (text.size() > 7 && (day < 1 || day > days_in_month(year, month))) {
    invalid_value(fmt::format("{} is not a date: that month has {} days", text, days_in_month(year, month)),
                  in.begin(), in.end());
  }
  return year * 10000 + month * 100 + day;
}

template <typename Input>
std::int64_t parse_clock(std::string_view text, const Input& in) {
  auto colon = text.find(':');
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::from_chars(text.data(), text.data() + colon, hours);
  std::from_chars(text.data() + colon + 1, text.data() + text.size(), minutes);
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) {
    invalid_value(fmt::format("{} is not a time of day (use 00:00 to 24:00)", text), in.begin(), in.end());
  }
  return hours * 60 + minutes;
}

std::int64_t day_bit(std::string_view name) {
  static constexpr std::string_view names[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (name == names[i]) return static_cast<std::int64_t>(i);
  }
  return 0;
}

// "weekdays", "weekends", "every day", "monday", "friday to monday" -> a day mask.
std::int64_t parse_day_set(std::string_view text) {
  auto words = normalise_words(text);
  if (words == "weekdays") return ast::weekdays;
  if (words == "weekends" || words == "weekend") return ast::weekend;
  if (words == "every day") return ast::all_week;
  auto space = words.find(' ');
  auto first = day_bit(std::string_view(words).substr(0, space));
  auto last = space == std::string::npos ? first : day_bit(std::string_view(words).substr(words.rfind(' ') + 1));
  std::int64_t mask = 0;
  for (auto day = first;; day = (day + 1) % 7) {
    mask |= std::int64_t{1} << day;
    if (day == last) break;
  }
  return mask;
}

// ---- Actions -------------------------------------------------------------------------------

template <Tag T>
struct push_quoted {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto text = in.string_view();
    state.push(T, in, text.substr(1, text.size() - 2));
  }
};

template <Tag T>
struct push_word {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.push(T, in, in.string_view());
  }
};

template <Tag T>
struct push_number {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto& value = state.push(T, in, in.string_view());
    value.low = value.high = parse_count(in.string_view(), in);
  }
};

template <Tag T>
struct push_pair {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto [low, high] = parse_pair(in.string_view(), in);
    auto& value = state.push(T, in, in.string_view());
    value.low = low;
    value.high = high;
  }
};

template <ast::Keyword K>
struct set_keyword {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.statement.keyword = K;
    state.statement_end = in.end();
  }
};

template <Unit U>
struct set_unit {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (auto* duration = state.last(Tag::duration)) {
      duration->unit = U;
      duration->span.end = state.span(in.begin(), in.end()).end;
    }
  }
};

template <Unit U>
struct push_fixed_duration {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.push(Tag::duration, in, in.string_view()).unit = U;
  }
};

// Gives the duration just parsed its role, and widens its span to the whole clause.
template <Tag T, std::uint32_t Flags = 0>
struct retag_duration {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (auto* duration = state.last(Tag::duration)) {
      duration->tag = T;
      duration->flags |= Flags | state.pending_flags;
      duration->span = state.span(in.begin(), in.end());
      duration->text = in.string_view();
      state.pending_flags = 0;
    }
  }
};

template <typename Rule>
struct action : p::nothing<Rule> {};

#define ESC_ACTION(rule, ...) \
  template <>                 \
  struct action<g::rule> : __VA_ARGS__ {}

// A title, or a name a statement declares, is the same value whichever statement it
// stands in: a new statement's own title or name rule needs no action of its own.
template <typename Rule>
  requires std::derived_from<Rule, g::title_text>
struct action<Rule> : push_quoted<Tag::title> {};
template <typename Rule>
  requires std::derived_from<Rule, g::declared_name>
struct action<Rule> : push_word<Tag::name> {};

// Other quoted text, by role.
ESC_ACTION(plain_text, push_quoted<Tag::text>);
ESC_ACTION(party_text, push_quoted<Tag::text>);
ESC_ACTION(context_text, push_quoted<Tag::text>);
ESC_ACTION(note_text, push_quoted<Tag::text>);
ESC_ACTION(source_text, push_quoted<Tag::text>);
ESC_ACTION(reason_text, push_quoted<Tag::text>);
ESC_ACTION(use_path, push_quoted<Tag::text>);
ESC_ACTION(extends_path, push_quoted<Tag::text>);
ESC_ACTION(document_path, push_quoted<Tag::text>);
ESC_ACTION(event_text, push_quoted<Tag::clock_start>);
ESC_ACTION(condition_text, push_quoted<Tag::condition>);
ESC_ACTION(url_text, push_quoted<Tag::url>);
ESC_ACTION(phone_text, push_quoted<Tag::phone>);
ESC_ACTION(email_text, push_quoted<Tag::email>);
ESC_ACTION(call_sign_text, push_quoted<Tag::call_sign>);
ESC_ACTION(switchboard_text, push_quoted<Tag::switchboard>);
ESC_ACTION(person_text, push_quoted<Tag::person>);
ESC_ACTION(mobile_text, push_quoted<Tag::mobile>);
ESC_ACTION(also_called_name, push_quoted<Tag::also_called>);
ESC_ACTION(former_name, push_quoted<Tag::former>);
ESC_ACTION(counterpart_for, push_quoted<Tag::condition>);
ESC_ACTION(section_name, push_quoted<Tag::section>);
ESC_ACTION(part_of_step_title, push_quoted<Tag::part_of>);
ESC_ACTION(report_what, push_quoted<Tag::what>);
ESC_ACTION(direct_line_text, push_quoted<Tag::direct_line>);
ESC_ACTION(address_text, push_quoted<Tag::address>);
ESC_ACTION(purpose_text, push_quoted<Tag::purpose>);
ESC_ACTION(instead_text, push_quoted<Tag::instead>);
ESC_ACTION(under_text, push_quoted<Tag::under>);
ESC_ACTION(overseer_text, push_quoted<Tag::by>);
ESC_ACTION(separate_from_words, push_word<Tag::word>);
ESC_ACTION(situation_text, push_quoted<Tag::text>);
ESC_ACTION(situation_join, push_word<Tag::word>);
ESC_ACTION(situation_comma, push_word<Tag::word>);
ESC_ACTION(way_text, push_quoted<Tag::text>);
ESC_ACTION(covered_text, push_quoted<Tag::text>);
ESC_ACTION(covered_kind_word, push_word<Tag::case_kind>);
ESC_ACTION(covered_only, push_word<Tag::only>);
ESC_ACTION(formal_word, push_word<Tag::word>);
ESC_ACTION(complaint_subject, push_quoted<Tag::title>);
ESC_ACTION(decider_text, push_quoted<Tag::by>);
ESC_ACTION(not_for_escalation, push_word<Tag::not_for_escalation>);
ESC_ACTION(as_listed_attr, push_word<Tag::as_listed>);
ESC_ACTION(in_own_agency_attr, push_word<Tag::in_own_agency>);
ESC_ACTION(contacts_all, push_word<Tag::word>);
ESC_ACTION(contacts_any_one, push_word<Tag::word>);
ESC_ACTION(details_unknown_attr, push_word<Tag::details_unknown>);
ESC_ACTION(via_text, push_quoted<Tag::via>);
ESC_ACTION(by_text, push_quoted<Tag::by>);
ESC_ACTION(on_text, push_quoted<Tag::on>);
ESC_ACTION(object_text, push_quoted<Tag::object>);
ESC_ACTION(to_text, push_quoted<Tag::to>);

// Other names.
ESC_ACTION(allow_code, push_word<Tag::name>);
ESC_ACTION(line_name, push_word<Tag::name>);
ESC_ACTION(module_name, push_word<Tag::ref>);
ESC_ACTION(kind_name, push_word<Tag::ref>);
ESC_ACTION(target_route, push_word<Tag::ref>);
ESC_ACTION(role_level, push_word<Tag::level>);
ESC_ACTION(agency_reference, push_word<Tag::of>);
ESC_ACTION(object_reference, push_word<Tag::ref>);  // names a form
ESC_ACTION(to_reference, push_word<Tag::to>);

// "A, B or C" owes the duty to one of them, "A, B and C" to all: the names before the
// word are marked with it. A list that says both cannot be read either way.
template <std::uint32_t Joined, std::uint32_t Other>
struct join_to_list {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto& values = state.target->values;
    for (auto value = values.rbegin(); value != values.rend() && value->tag == Tag::to; ++value) {
      if ((value->flags & Other) != 0) {
        throw SyntaxFailure{Code::P002,
                            "this list joins its names with both 'and' and 'or', so escc cannot tell who must all "
                            "be told and who are alternatives: write one duty for each group, or quote the "
                            "document's words as one text",
                            in.begin(), in.end()};
      }
      value->flags |= Joined;
    }
  }
};
ESC_ACTION(to_joined_by_or, join_to_list<ast::joined_by_or, ast::joined_by_and>);
ESC_ACTION(to_joined_by_and, join_to_list<ast::joined_by_and, ast::joined_by_or>);
ESC_ACTION(line_label, push_word<Tag::line>);

// Fixed words.
ESC_ACTION(status_word, push_word<Tag::word>);
ESC_ACTION(scope_word, push_word<Tag::word>);
ESC_ACTION(frequency, push_word<Tag::word>);
ESC_ACTION(review_annually, push_word<Tag::word>);
ESC_ACTION(outcome_word, push_word<Tag::word>);
ESC_ACTION(binding_word, push_word<Tag::word>);
ESC_ACTION(timeframes_standing, push_word<Tag::word>);
ESC_ACTION(unknown_subject, push_word<Tag::word>);
ESC_ACTION(case_kind, push_word<Tag::case_kind>);
ESC_ACTION(any_stage, push_word<Tag::any_stage>);

// Numbers.
ESC_ACTION(stage_number, push_number<Tag::number>);
ESC_ACTION(target_stage_number, push_number<Tag::number>);
ESC_ACTION(before_stage_number, push_number<Tag::before_stage>);
ESC_ACTION(covering_range, push_pair<Tag::covering>);

template <>
struct action<g::year_range> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    push_pair<Tag::number>::apply(in, state);
    const auto& years = state.target->values.back();
    if (years.low == 0 || years.high == 0) {
      invalid_value("there is no year 0: give the years the data covers, such as 2015 to 2030", in.begin(), in.end());
    }
    if (years.low > years.high) {
      invalid_value(fmt::format("the years {} to {} run backwards; write the earlier year first", years.low,
                                years.high),
                    in.begin(), in.end());
    }
  }
};

template <>
struct action<g::date_value> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto& value = state.push(Tag::date, in, in.string_view());
    value.low = value.high = parse_date(in.string_view(), in);
  }
};

// Durations.
template <>
struct action<g::amount> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto text = in.string_view();
    auto& value = state.push(Tag::duration, in, text);
    if (text.front() >= '0' && text.front() <= '9') {
      if (text.find('-') != std::string_view::npos) {
        std::tie(value.low, value.high) = parse_pair(text, in);
        if (value.low > value.high) {
          invalid_value(fmt::format("the range {} runs backwards; write the smaller number first", text), in.begin(),
                        in.end());
        }
      } else {
        value.low = value.high = parse_count(text, in);
      }
    } else {
      value.low = value.high = number_word_value(text);
    }
  }
};

template <>
struct action<g::day_number> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto text = in.string_view();
    auto& value = state.push(Tag::duration, in, text);
    value.unit = Unit::working_days;
    if (text.find('-') != std::string_view::npos) {
      std::tie(value.low, value.high) = parse_pair(text, in);
    } else {
      value.low = value.high = parse_count(text, in);
    }
    // Days are counted from the day after the clock starts, so the first is day 1.
    if (value.low == 0) {
      invalid_value("there is no day 0: the first working day after the clock starts is day 1 (for the day it "
                    "starts, write 'same working day')",
                    in.begin(), in.end());
    }
    if (value.low > value.high) {
      invalid_value(
          fmt::format("the range {}-{} runs backwards; write the smaller number first", value.low, value.high),
          in.begin(), in.end());
    }
  }
};

ESC_ACTION(unit_working_days, set_unit<Unit::working_days>);
ESC_ACTION(unit_working_weeks, set_unit<Unit::working_weeks>);
ESC_ACTION(unit_calendar_days, set_unit<Unit::calendar_days>);
ESC_ACTION(unit_hours, set_unit<Unit::hours>);
ESC_ACTION(unit_weeks, set_unit<Unit::weeks>);
ESC_ACTION(unit_days, set_unit<Unit::days>);
ESC_ACTION(same_working_day, push_fixed_duration<Unit::same_working_day>);
ESC_ACTION(immediately, push_fixed_duration<Unit::immediately>);
ESC_ACTION(as_soon_as_possible, push_fixed_duration<Unit::as_soon_as_possible>);

template <>
struct action<g::period_unit> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto unit = normalise_words(in.string_view()).front() == 'm' ? Unit::months : Unit::years;
    if (auto* duration = state.last(Tag::duration)) duration->unit = unit;
  }
};

template <>
struct action<g::further> {
  template <typename Input>
  static void apply(const Input&, ParseState& state) {
    state.pending_flags |= ast::further;
  }
};

// Tagged before the clause it stands in, so that the clause's own duration is the last
// one left untagged; "a further" stays pending for the clause.
template <>
struct action<g::also_stated> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (auto* duration = state.last(Tag::duration)) {
      duration->tag = Tag::also_stated;
      duration->span = state.span(in.begin(), in.end());
      duration->text = in.string_view();
    }
  }
};
// The other time of "... or 5 working days, whichever is less", tagged before its clause
// for the same reason.
template <>
struct action<g::alternative_duration> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (auto* duration = state.last(Tag::duration)) {
      duration->tag = Tag::alternative;
      duration->span = state.span(in.begin(), in.end());
      duration->text = in.string_view();
    }
  }
};
ESC_ACTION(combined_by, push_word<Tag::whichever>);
ESC_ACTION(anchor_step_text, push_quoted<Tag::step_anchor>);
ESC_ACTION(variant_condition_text, push_quoted<Tag::variant_if>);
ESC_ACTION(variant_otherwise, push_word<Tag::otherwise>);

// A step given in variants gives its time in each: one of its own besides would be a
// second time for the same step.
template <>
struct action<g::variant_label> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const auto& values = state.target->values;
    bool earlier_variant = std::any_of(values.begin(), values.end(), [](const ast::Value& v) { return v.tag == Tag::variant; });
    auto own = std::find_if(values.begin(), values.end(), [](const ast::Value& v) { return v.tag == Tag::timeframe; });
    if (!earlier_variant && own != values.end()) {
      throw SyntaxFailure{Code::P002,
                          fmt::format("this step already has a timeframe ('{}'); a step given in variants gives its "
                                      "time in each variant",
                                      normalise_words(own->text)),
                          in.begin(), in.end()};
    }
    push_quoted<Tag::variant>::apply(in, state);
  }
};
ESC_ACTION(within_clause, retag_duration<Tag::timeframe>);
ESC_ACTION(by_day_clause, retag_duration<Tag::timeframe, ast::by_day>);
ESC_ACTION(bare_timeframe, retag_duration<Tag::timeframe>);
ESC_ACTION(cumulative_clause, retag_duration<Tag::cumulative>);
ESC_ACTION(report_period, retag_duration<Tag::period>);
template <>
struct action<g::review_period> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    retag_duration<Tag::period>::apply(in, state);
    const auto* period = state.last(Tag::period);
    if (period != nullptr && period->low == 0) {
      invalid_value(fmt::format("a review every {} never comes round; say how often the protocol is reviewed, "
                                "such as 'review every 2 years'",
                                normalise_words(in.string_view())),
                    in.begin(), in.end());
    }
  }
};

// Words after a timeframe that qualify it: "or sooner", "as a guide", "indicative".
template <std::uint32_t Flag>
struct qualify_timeframe {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (auto* timeframe = state.last(Tag::timeframe)) {
      timeframe->flags |= Flag;
      timeframe->span.end = state.span(in.begin(), in.end()).end;
    }
  }
};
ESC_ACTION(or_sooner, qualify_timeframe<ast::or_sooner>);
ESC_ACTION(timeframe_as_a_guide, qualify_timeframe<ast::as_a_guide>);
ESC_ACTION(timeframe_indicative, qualify_timeframe<ast::indicative>);

// `must`, `should` or `may` before a statement belongs to it; after `when ...:`, to the
// action that follows, which is not open yet.
template <>
struct action<g::modal_word> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    ast::Value value;
    value.tag = Tag::modality;
    value.span = state.span(in.begin(), in.end());
    value.text = in.string_view();
    if (state.in_actions) {
      state.pending_modality = value;
    } else {
      state.statement.values.push_back(value);
    }
  }
};

template <bool ParseState::*Member>
struct set_flag {
  template <typename Input>
  static void apply(const Input&, ParseState& state) {
    state.*Member = true;
  }
};

// Time windows: the parts fill a scratch window, the whole window pushes it.
template <std::uint32_t Flag>
struct add_window_flag {
  template <typename Input>
  static void apply(const Input&, ParseState& state) {
    state.window.flags |= Flag;
  }
};
ESC_ACTION(window_always, add_window_flag<ast::window_always>);
ESC_ACTION(except_bank_holidays, add_window_flag<ast::window_except_bank_holidays>);
template <>
struct action<g::window_bank_holidays> {
  template <typename Input>
  static void apply(const Input&, ParseState& state) {
    state.window.days = 0;
    state.window.flags |= ast::window_bank_holidays;
  }
};
template <>
struct action<g::day_set> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.window.days = parse_day_set(in.string_view());
  }
};
template <>
struct action<g::time_range> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto text = in.string_view();
    auto dash = text.find('-');
    auto from_text = text.substr(0, text.find_first_of(" \t-"));
    auto to_text = text.substr(text.find_first_not_of(" \t", dash + 1));
    state.window.time = ast::pack_time_range(parse_clock(from_text, in), parse_clock(to_text, in));
  }
};
template <>
struct action<g::window_times> : action<g::time_range> {};
template <>
struct action<g::window_hours_ref> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.window.name = in.string_view();
  }
};
template <>
struct action<g::window> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto& value = state.push(Tag::window, in, state.window.name);
    value.low = state.window.days;
    value.high = state.window.time;
    value.flags = state.window.flags;
    state.window = {};
  }
};
template <>
struct action<g::working_day_set> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.push(Tag::window, in, {}).low = parse_day_set(in.string_view());
  }
};

// Details a contact or a duty holds once. The model keeps one of each, so a second
// would be dropped without a word: it is refused where it stands instead.
struct HeldOnce {
  Tag tag;
  std::string_view already;  // what the statement already says
  std::string_view advice;
};

constexpr HeldOnce contact_details_held_once[] = {
    {Tag::person, "this contact already names a person", "list the other as a contact of their own"},
    {Tag::of, "this contact already says which agency it belongs to", "a contact belongs to one agency"},
    {Tag::via, "this already says via whom the details are obtained", "name everyone in one text"},
    {Tag::condition, "this already has a condition",
     "write one condition that says whether both or either must hold"},
    {Tag::address, "this contact already gives a postal address", "give the address in one text"},
    {Tag::purpose, "this already says what the contact is for", "say it in one text"},
};

constexpr HeldOnce duty_details_held_once[] = {
    {Tag::purpose, "this already says what it is for", "say it in one text"},
    {Tag::on, "this already says where it is recorded", "name every place in one text"},
    {Tag::via, "this already says how it is sent", "name every way in one text"},
    {Tag::by, "this already says by whom", "name everyone in one text"},
    {Tag::before_stage, "this already says before which stage", "give one stage"},
    {Tag::timeframe, "this already has a timeframe", "give it one timeframe"},
    {Tag::condition, "this already has a condition",
     "write one condition that says whether both or either must hold"},
    {Tag::part_of, "this step is already part of another", "a step is part of one other step"},
};

// The values of the detail just read are the last ones of the statement; looking back
// from them stops at the first earlier value of the same kind, so that a line of
// thousands of details is read in time proportional to its length.
template <const auto& Held>
struct refuse_second {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const auto& values = state.target->values;
    auto begin = state.span(in.begin(), in.end()).begin;
    auto detail = values.rbegin();
    for (; detail != values.rend() && detail->span.begin >= begin; ++detail) {
      const auto* held = std::find_if(std::begin(Held), std::end(Held),
                                      [&](const HeldOnce& once) { return once.tag == detail->tag; });
      if (held == std::end(Held)) continue;
      auto earlier = std::find_if(detail + 1, values.rend(), [&](const ast::Value& other) {
        return other.tag == held->tag && other.span.begin < begin;
      });
      if (earlier == values.rend()) continue;
      // Words outside quotes are shown as escc reads them, whatever their spacing.
      auto shown = held->tag == Tag::before_stage ? fmt::format("stage {}", earlier->low)
                   : held->tag == Tag::timeframe  ? fmt::format("'{}'", normalise_words(earlier->text))
                                                  : fmt::format("'{}'", earlier->text);
      throw SyntaxFailure{Code::P002,
                          fmt::format("{} ({}), and escc would keep only the first: {}", held->already, shown,
                                      held->advice),
                          in.begin(), in.end()};
    }
  }
};
ESC_ACTION(contact_attr, refuse_second<contact_details_held_once>);
ESC_ACTION(duty_modifier, refuse_second<duty_details_held_once>);
ESC_ACTION(step_detail, refuse_second<duty_details_held_once>);

// Where a duty of the whole protocol holds, in the words escc reads it with.
template <>
struct action<g::throughout_modifier> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    bool formal = normalise_words(in.string_view()).find("formal") != std::string::npos;
    state.push(Tag::throughout, in, formal ? "every formal stage" : "every stage");
  }
};

// A timeframe counts from one event, written or a step: a second `from` would be dropped
// like a second person on a contact.
template <typename Input>
void refuse_second_start(const Input& in, ParseState& state) {
  const auto& values = state.target->values;
  auto counts_from = [](const ast::Value& value) {
    return value.tag == Tag::clock_start || value.tag == Tag::step_anchor;
  };
  auto earlier = std::find_if(values.rbegin() + 1, values.rend(), [&](const ast::Value& value) {
    return counts_from(value) || value.tag == Tag::timeframe;
  });
  if (earlier == values.rend() || !counts_from(*earlier)) return;
  throw SyntaxFailure{Code::P002,
                      fmt::format("this timeframe already counts from {}'{}', and escc would keep only the first: "
                                  "name the one event the clock starts from",
                                  earlier->tag == Tag::step_anchor ? "step " : "", earlier->text),
                      in.begin(), in.end()};
}

template <>
struct action<g::from_clause> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    refuse_second_start(in, state);
  }
};

// Whether the time counts from the step's start or its end, as the words say.
template <>
struct action<g::step_anchor> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    refuse_second_start(in, state);
    auto* anchor = state.last(Tag::step_anchor);
    if (anchor == nullptr) return;
    auto words = normalise_words(in.string_view().substr(0, in.string_view().find('"')));
    if (words.find("start") != std::string::npos) anchor->flags |= ast::anchor_start;
    else if (words.find("end") != std::string::npos || words.starts_with("after")) anchor->flags |= ast::anchor_end;
    anchor->span = state.span(in.begin(), in.end());
  }
};

// A contact that says `available` a second time keeps both lists of windows; the
// first window of the second is marked, so that the repetition can be reported.
template <>
struct action<g::available_attr> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    auto& values = state.target->values;
    auto begin = state.span(in.begin(), in.end()).begin;
    // This clause's windows are the last values; looking back stops at the window of
    // the clause before, if there is one.
    auto first = values.rend();
    for (auto value = values.rbegin(); value != values.rend() && value->span.begin >= begin; ++value) {
      if (value->tag == Tag::window) first = value;
    }
    if (first == values.rend()) return;
    auto said_before = std::find_if(first + 1, values.rend(), [](const ast::Value& value) {
      return value.tag == Tag::window;
    });
    if (said_before != values.rend()) first->flags |= ast::window_available_again;
  }
};

// Outcome actions: after `when ...:` each action is a child statement.
// An outcome action's span covers all of its words.
struct finish_action {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (state.in_actions) state.target->span = state.span(in.begin(), in.end());
  }
};
ESC_ACTION(outcome_colon, set_flag<&ParseState::in_actions>);
template <>
struct action<g::go_to_words> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.open_action(ast::Keyword::go_to, in.begin());
  }
};
template <>
struct action<g::end_action> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.open_action(ast::Keyword::end, in.begin());
    finish_action::apply(in, state);
  }
};
template <>
struct action<g::duty_verb> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    if (state.in_actions) state.open_action(ast::Keyword::duty, in.begin());
    state.push(Tag::verb, in, in.string_view());
  }
};
ESC_ACTION(go_to_action, finish_action);
ESC_ACTION(duty, finish_action);

// Braces.
ESC_ACTION(open_brace, set_flag<&ParseState::opens_block>);
template <>
struct action<g::close_brace> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    state.closes_block = true;
    state.statement_end = in.end();
  }
};

// Statements: each statement's rule names its keyword.
using K = ast::Keyword;
template <typename Rule>
  requires g::is_statement_rule<Rule>
struct action<Rule> : set_keyword<Rule::keyword> {};
// A bank holiday is one day: a month alone would make no day a holiday.
template <>
struct action<g::bank_holiday_stmt> {
  template <typename Input>
  static void apply(const Input& in, ParseState& state) {
    const auto* date = state.last(Tag::date);
    if (date != nullptr && date->low % 100 == 0) {
      bool year_only = date->low % 10000 == 0;
      invalid_value(fmt::format("a bank holiday is a day, but {} gives only a {}; write the day too, such as "
                                "{}-01",
                                date->text, year_only ? "year" : "month", year_only ? std::string(date->text) + "-01" : date->text),
                    state.base + date->span.begin, state.base + date->span.end);
    }
    set_keyword<K::bank_holiday>::apply(in, state);
  }
};

#undef ESC_ACTION

// ---- The item loop and the block stack -----------------------------------------------------

struct Frame {
  g::Block kind = g::Block::file;
  ast::Statement* owner = nullptr;             // null for the file and for ignored blocks
  std::vector<ast::Statement>* body = nullptr;  // null for ignored blocks
  Span opened;
  bool in_reading = false;  // within a reading of an ambiguity, however deep
};

class Parser {
 public:
  Parser(const SourceFile& source, FileId file, DiagnosticSink& sink, const ParseOptions& options, ast::File& out)
      : source_(source), file_(file), sink_(sink), options_(options) {
    frames_.push_back(Frame{g::Block::file, nullptr, &out.statements, {}});
  }

  void run() {
    auto text = source_.text();
    auto start = byte_order_mark_length(text);
    p::memory_input<p::tracking_mode::lazy, p::eol::lf_crlf> in(text.data() + start, text.data() + text.size(),
                                                                source_.path());
    ParseState state;
    state.base = text.data();
    state.end = text.data() + text.size();
    state.file = file_;
    while (true) {
      p::parse<g::filler>(in);
      if (in.empty()) break;
      const char* item_start = in.current();
      if (errors_ >= options_.most_errors) {
        sink_.report(Code::P009, state.span(item_start, item_start),
                     fmt::format("stopped reading this file here, after {} errors; fix these and run escc again",
                                 errors_));
        return;
      }
      state.reset();
      try {
        p::parse<g::item, action, control>(in, state);
        accept(state, item_start);
      } catch (const SyntaxFailure& failure) {
        report_failure(failure, state);
        recover(in, item_start, state);
      }
    }
    for (std::size_t i = frames_.size(); i-- > 1;) {
      if (frames_[i].owner == nullptr) continue;
      auto& d = sink_.report(Code::P005, frames_[i].opened,
                             "this block is never closed: add '}' on its own line where the block ends");
      d.suggestion = "add '}' at the end of the block";
      ++errors_;
    }
  }

 private:
  void accept(ParseState& state, const char* item_start) {
    if (state.closes_block) {
      close_block(state.span(item_start, state.statement_end));
      return;
    }
    ast::Statement statement = std::move(state.statement);
    statement.span = state.span(item_start, state.statement_end);
    statement.has_block = state.opens_block;
    Frame& frame = frames_.back();
    auto keyword = statement.keyword;

    if (frame.body == nullptr) {  // inside a block already reported: check, keep nothing
      if (state.opens_block) push_ignored(statement.span);
      return;
    }
    if (!g::stands_in(frame.kind, keyword)) {
      auto& d = sink_.report(Code::P004, statement.span,
                             fmt::format("{} cannot go in {}; it belongs in {}", statement_words(keyword),
                                         g::description_of(frame.kind), where_it_belongs(keyword)));
      if (frame.owner) d.notes.push_back({frame.owner->span, "the block it is in starts here"});
      ++errors_;
      if (state.opens_block) push_ignored(statement.span);
      return;
    }
    refuse_misplaced_modality(statement);
    refuse_misplaced_throughout(statement, frame.kind);
    if (keyword == K::ambiguous && frame.in_reading) {
      // Readings within readings would multiply without a bound a reader could follow,
      // and nest blocks as deep as the file is long.
      sink_.report(Code::P004, statement.span,
                   "an ambiguity cannot go inside a reading of another: write each way the document can be read as "
                   "a reading of one ambiguity");
      ++errors_;
      if (state.opens_block) push_ignored(statement.span);
      return;
    }
    auto opened = g::block_opened(frame.kind, keyword);
    bool needs_block = opened.has_value();
    if (needs_block && !state.opens_block) {
      auto& d = sink_.report(Code::P007, statement.span,
                             fmt::format("{} starts a block: end this line with '{{' and close the block with '}}'",
                                         statement_words(keyword)));
      d.suggestion = "add ' {' at the end of the line";
      ++errors_;
    }
    if (!needs_block && state.opens_block) {
      sink_.report(Code::P007, statement.span,
                   fmt::format("{} does not take a block; remove the '{{'", statement_words(keyword)));
      ++errors_;
      push_ignored(statement.span);
      return;
    }
    // A reading holds what the block its ambiguity stands in holds.
    auto kind = opened == g::Block::reading ? frames_[frames_.size() - 2].kind : opened.value_or(g::Block::file);
    bool in_reading = frame.in_reading || opened == g::Block::reading;
    auto& placed = place(frame, std::move(statement));
    if (needs_block && state.opens_block) {
      frames_.push_back(Frame{kind, &placed, &placed.body, placed.span, in_reading});
    }
  }

  // `at every stage` says where a duty written once for the whole protocol holds; a
  // duty in a stage or a line holds there, and the words would be kept nowhere.
  void refuse_misplaced_throughout(const ast::Statement& statement, g::Block block) {
    if (block == g::Block::protocol) return;
    auto refuse = [&](const ast::Statement& duty) {
      const auto* throughout = duty.find(Tag::throughout);
      if (throughout == nullptr) return;
      sink_.report(Code::P004, throughout->span,
                   fmt::format("'at {}' says where a duty of the whole protocol holds, and belongs on a duty in the "
                               "protocol block; here the duty holds in {} alone",
                               throughout->text, g::description_of(block)));
      ++errors_;
    };
    refuse(statement);
    for (const auto& action : statement.body) refuse(action);
  }

  // `must`, `should` and `may` say how binding something is that can be done or
  // missed; on anything else the word would be kept nowhere.
  void refuse_misplaced_modality(const ast::Statement& statement) {
    const auto* modal = statement.find(Tag::modality);
    if (modal == nullptr || g::row_of(statement.keyword).takes_modality) return;
    std::vector<std::string> takers;
    for (const auto& row : g::rows) {
      if (row.takes_modality && !row.stands_in.empty()) takers.push_back(statement_words(row.keyword));
    }
    sink_.report(Code::P002, modal->span,
                 fmt::format("'{}' cannot go before {}: must, should and may go before {}, and after 'when ...:' "
                             "before 'go to', 'end' or a duty",
                             normalise_words(modal->text), statement_words(statement.keyword),
                             spoken_list(takers, "or")));
    ++errors_;
  }

  // Notes and source quotes describe the statement above them, or the block they open
  // when they come before its first statement: a second note there is the block's too,
  // not a note on the first.
  ast::Statement& place(Frame& frame, ast::Statement statement) {
    if (!g::row_of(statement.keyword).describes_statement_above) return frame.body->emplace_back(std::move(statement));
    auto described = std::find_if(frame.body->rbegin(), frame.body->rend(), [](const ast::Statement& above) {
      return !g::row_of(above.keyword).describes_statement_above;
    });
    if (described != frame.body->rend()) {
      if (g::row_of(described->keyword).cannot_be_described) {
        sink_.report(Code::P004, statement.span,
                     fmt::format("{} describes {}, which nothing keeps a quote or note for; write a '#' comment "
                                 "instead", statement_words(statement.keyword), statement_words(described->keyword)));
        ++errors_;
      }
      return described->body.emplace_back(std::move(statement));
    }
    if (frame.kind == g::Block::file) {
      sink_.report(Code::P004, statement.span,
                   fmt::format("{} describes nothing: it belongs under the statement or inside the block it is "
                               "about", statement_words(statement.keyword)));
      ++errors_;
    }
    return frame.body->emplace_back(std::move(statement));
  }

  void push_ignored(Span opened) { frames_.push_back(Frame{g::Block::file, nullptr, nullptr, opened}); }

  void close_block(Span brace) {
    if (frames_.size() == 1) {
      sink_.report(Code::P006, brace, "this '}' closes no block; remove it or add the block's first line");
      ++errors_;
      return;
    }
    frames_.pop_back();
  }

  void report_failure(const SyntaxFailure& failure, const ParseState& state) {
    const char* at = failure.at;
    const char* until = failure.until;
    if (until == nullptr) {
      auto word = word_at(at, state.end);
      until = at + std::max<std::size_t>(word.size(), 1);
      if (at < state.end && (*at == '\n' || *at == '\r')) until = at;
    }
    auto& d = sink_.report(failure.code, state.span(at, std::min(until, state.end)),
                           fill_found(failure.message, at, state.end));
    auto word = normalise_words(word_at(at, state.end));
    if (failure.code == Code::P001 || failure.code == Code::P002) {
      const auto& words = failure.code == Code::P001 ? statement_keywords() : all_keywords();
      if (auto best = closest_word(word, words); !best.empty() && best != word) {
        d.suggestion = fmt::format("did you mean '{}'?", best);
      }
    }
    if (failure.code == Code::P001) explain_unknown_statement(d, word, at, state.end);
    if (failure.code == Code::P003) d.suggestion = "add \" where the text ends";
    ++errors_;
  }

  // Words that are details of a contact, not statements, are the commonest slip.
  static void explain_unknown_statement(Diagnostic& d, const std::string& word, const char* at, const char* end) {
    static constexpr std::string_view contact_details[] = {"phone", "email", "available", "person", "via",
                                                           "switchboard", "call", "callsign", "for", "if"};
    if (at < end && *at == '"') {
      d.message = "a line cannot start with text in quotes; start it with a statement such as contact \"...\"";
      return;
    }
    for (auto detail : contact_details) {
      if (word == detail) {
        d.suggestion = fmt::format("'{}' is a detail of a contact: write it on the contact's own line, as in "
                                   "contact \"Duty Inspector\" {} ...",
                                   word, word);
        return;
      }
    }
  }

  // Skips the rest of the failed line. Braces on it still count, so that the block
  // structure after an error stays as the author wrote it.
  template <typename Input>
  void recover(Input& in, const char* item_start, const ParseState& state) {
    const char* at = item_start;
    bool in_text = false;
    for (; at < state.end && *at != '\n'; ++at) {
      if (in_text) {
        if (*at == '\\' && at + 1 < state.end && at[1] != '\n') ++at;
        else if (*at == '"') in_text = false;
        continue;
      }
      if (*at == '"') {
        in_text = true;
        continue;
      }
      if (*at == '#') {
        while (at < state.end && *at != '\n') ++at;
        break;
      }
      if (*at == '{') push_ignored(state.span(at, at + 1));
      if (*at == '}') close_block(state.span(at, at + 1));
    }
    // Text left open swallowed the rest of the line; a '{' ending it was still meant.
    if (in_text) {
      const char* last = at;
      while (last > item_start && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\r')) --last;
      if (last > item_start && last[-1] == '{') push_ignored(state.span(last - 1, last));
    }
    in.restart();
    in.bump(static_cast<std::size_t>(at - in.current()));
  }

  const SourceFile& source_;
  FileId file_;
  DiagnosticSink& sink_;
  const ParseOptions& options_;
  std::vector<Frame> frames_;
  std::size_t errors_ = 0;
};

}  // namespace

ast::File parse(const SourceFile& source, FileId file, DiagnosticSink& sink, const ParseOptions& options) {
  ast::File out{file, {}};
  if (!check_encoding(source, file, sink)) return out;
  auto errors_before = sink.errors();
  Parser(source, file, sink, options, out).run();
  if (out.statements.empty() && sink.errors() == errors_before) {
    sink.report(Code::I004, Span{file, 0, 0},
                "this file has no statements; a protocol file starts with a protocol block, such as: "
                "protocol \"Title\" {");
  }
  return out;
}

}  // namespace esc
