// escc runtime: the answers every call gives. A call either gives its result or says,
// with a reason, why it refused; nothing a caller passes turns into undefined behaviour.
// Header-only, C++17, standard library only.
#ifndef ESCC_CHECKED_HPP
#define ESCC_CHECKED_HPP

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace escc {

// Why a call refused. Each has a plain-English explanation (explain()) that a program
// can show its users as it is.
enum class Reason : std::uint8_t {
  none,
  year_out_of_range,
  month_out_of_range,
  no_such_day,
  time_out_of_range,
  negative_count,
  count_too_large,
  before_stage_began,
  closed,
  no_timeframe,
  no_overall_target,
  no_move,
  unknown_outcome,
  unknown_stage,
  unknown_agency,
  other_protocol,
  not_from_current_stage,
  no_recorder,
  outside_uk_clock_rule,
  malformed_case,
  not_a_case,
  unsupported_schema_version,
  protocol_changed,
  history_does_not_follow,
  at_no_stage,
  not_entered_from_any_stage,
};

constexpr std::string_view explain(Reason reason) {
  switch (reason) {
    case Reason::none: return "no refusal";
    case Reason::year_out_of_range: return "the year is outside 1 to 9999";
    case Reason::month_out_of_range: return "a month is numbered 1 to 12";
    case Reason::no_such_day: return "that month has no such day";
    case Reason::time_out_of_range: return "a time of day is 00:00 to 23:59";
    case Reason::negative_count: return "a number of working days cannot be negative";
    case Reason::count_too_large: return "a number of working days is at most 100000";
    case Reason::before_stage_began: return "the date is before the case reached its current stage";
    case Reason::closed: return "the case is closed";
    case Reason::no_timeframe: return "the stage states no timeframe that can be counted";
    case Reason::no_overall_target: return "the protocol states no overall target that can be counted";
    case Reason::no_move: return "the protocol gives no move from this stage for that outcome";
    case Reason::unknown_outcome: return "that is not an outcome the protocol knows";
    case Reason::unknown_stage: return "that is not a stage of this protocol";
    case Reason::unknown_agency: return "that is not an agency of this protocol";
    case Reason::other_protocol: return "that belongs to another protocol";
    case Reason::not_from_current_stage: return "that move is not from the stage the case is at";
    case Reason::no_recorder: return "who recorded it must be named, in UTF-8";
    case Reason::outside_uk_clock_rule:
      return "UK clock changes are known for 1996 to 2099 only (last Sunday of March and October, 01:00 UTC)";
    case Reason::malformed_case: return "the saved case is not well-formed JSON of the kind escc writes";
    case Reason::not_a_case: return "the saved text is not a case saved by escc";
    case Reason::unsupported_schema_version: return "the saved case is of a schema version this runtime does not read";
    case Reason::protocol_changed: return "the case was saved under a different version of the protocol";
    case Reason::history_does_not_follow: return "the saved history does not follow the protocol";
    case Reason::at_no_stage: return "the case is at no stage yet: the protocol starts by entering a route";
    case Reason::not_entered_from_any_stage: return "the protocol does not let a case enter that stage from any stage";
  }
  return "an unknown reason";
}

// Thrown only by Result::value() and its operators when the result is a refusal: asking
// for a value that is not there is a mistake the program can catch, not undefined
// behaviour.
class Refused : public std::invalid_argument {
 public:
  explicit Refused(Reason reason) : std::invalid_argument(std::string(explain(reason))), reason_(reason) {}
  Reason reason() const { return reason_; }

 private:
  Reason reason_;
};

// A value, or the reason there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Reason reason) : reason_(reason) {}

  bool ok() const { return value_.has_value(); }
  bool has_value() const { return ok(); }
  explicit operator bool() const { return ok(); }
  Reason reason() const { return reason_; }
  std::string_view why() const { return explain(reason_); }

  const T& value() const& {
    if (!value_) throw Refused(reason_);
    return *value_;
  }
  T&& value() && {
    if (!value_) throw Refused(reason_);
    return std::move(*value_);
  }
  T value_or(T otherwise) const { return value_ ? *value_ : std::move(otherwise); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Reason reason_ = Reason::none;
};

// Done, or the reason it was not.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Reason reason) : reason_(reason) {}
  bool ok() const { return reason_ == Reason::none; }
  explicit operator bool() const { return ok(); }
  Reason reason() const { return reason_; }
  std::string_view why() const { return explain(reason_); }

 private:
  Reason reason_ = Reason::none;
};

}  // namespace escc

#endif  // ESCC_CHECKED_HPP
