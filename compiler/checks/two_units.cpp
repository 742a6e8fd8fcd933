// T013: a time the document states in two units that do not agree ("72 hours (two
// working days)"). Both are kept as written; the running totals count the first, as
// the document puts it first, and the board should say which it means.
//
// Hours and working days can agree and still not be the same time: "48 hours (two
// working days)" is one time on a Monday and two on a Friday, whenever the hours run
// over a day that is not a working day. That is reported too, with the day on the
// protocol's calendar that shows it, because a practitioner raising a matter on that
// day gets two different deadlines from one sentence.
#include <fmt/format.h>

#include "compiler/analysis/durations.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"
#include "compiler/model/dates.hpp"

namespace esc::checks {
namespace {

// Whole days of clock time, when the duration is one: 48 hours, 3 calendar days, 1 week.
std::optional<std::int64_t> clock_days(const model::Duration& duration) {
  if (duration.kind != model::DurationKind::amount || duration.low != duration.high) return std::nullopt;
  switch (duration.unit) {
    case model::Unit::hours:
      if (duration.low % 24 != 0) return std::nullopt;
      return duration.low / 24;
    case model::Unit::calendar_days: return duration.low;
    case model::Unit::weeks: return duration.low * 7;
    default: return std::nullopt;
  }
}

std::optional<std::int64_t> counted_working_days(const model::Duration& duration) {
  if (duration.kind != model::DurationKind::amount || duration.low != duration.high) return std::nullopt;
  if (duration.unit == model::Unit::working_days) return duration.low;
  if (duration.unit == model::Unit::working_weeks) return duration.low * 5;
  return std::nullopt;
}

bool works_on(std::uint8_t working_days, std::int64_t weekday) { return (working_days >> (weekday % 7) & 1u) != 0; }

// The weekday `count` working days after `start` (the day itself not counted).
std::int64_t after_working_days(std::uint8_t working_days, std::int64_t start, std::int64_t count) {
  auto day = start;
  while (count > 0) {
    ++day;
    if (works_on(working_days, day)) --count;
  }
  return day;
}

struct Example {
  std::int64_t raised = 0;  // weekday, Monday 0
  std::int64_t clock_end = 0;
  std::int64_t working_end = 0;
};

// The working day on which the two end furthest apart (the later of equals): the day a
// reader would try first. None when the calendar's weekends never part them.
std::optional<Example> day_they_differ(std::uint8_t working_days, std::int64_t clock, std::int64_t working) {
  std::optional<Example> found;
  for (std::int64_t day = 0; day < 7; ++day) {
    if (!works_on(working_days, day)) continue;
    Example here{day, day + clock, after_working_days(working_days, day, working)};
    auto gap = [](const Example& e) { return e.working_end > e.clock_end ? e.working_end - e.clock_end : e.clock_end - e.working_end; };
    if (gap(here) == 0) continue;
    if (!found || gap(here) >= gap(*found)) found = here;
  }
  return found;
}

void report_weekend(const Context& context, DiagnosticSink& sink, const model::Timeframe& timeframe) {
  const auto& first = timeframe.duration;
  const auto& second = *timeframe.also_stated;
  auto clock = clock_days(first);
  auto working = counted_working_days(second);
  const auto* clock_side = &first;
  const auto* working_side = &second;
  if (!clock || !working) {
    clock = clock_days(second);
    working = counted_working_days(first);
    clock_side = &second;
    working_side = &first;
  }
  if (!clock || !working) return;
  std::uint8_t working_days = 0x1F;
  const model::Calendar* calendar = nullptr;
  if (context.model.protocol && context.model.protocol->calendar.valid()) {
    calendar = &context.model.calendars[context.model.protocol->calendar.index];
    working_days = calendar->working_days;
  }
  auto example = day_they_differ(working_days, *clock, *working);
  bool holidays = calendar == nullptr || !calendar->holidays.empty();
  if (!example && !holidays) return;
  auto crossing = example ? (holidays ? "a weekend or a bank holiday" : "a day that is not a working day")
                          : "a bank holiday";
  std::string shown;
  if (example) {
    shown = fmt::format(": raised on a {}, {} ends on {}, {} on {}", weekday_name(static_cast<int>(example->raised)),
                        clock_side->describe(), weekday_name(static_cast<int>(example->clock_end % 7)), working_side->describe(),
                        weekday_name(static_cast<int>(example->working_end % 7)));
  }
  auto& d = sink.report(Code::T013, timeframe.span,
                        fmt::format("the document gives this time as {} and as {}, which differ whenever the {} "
                                    "cross {}{}; escc counts {} in the running totals",
                                    first.describe(), second.describe(), clock_side->describe(), crossing, shown,
                                    first.describe()));
  d.suggestion = fmt::format("ask the board whether it means {} or {}, and give that one alone in the next revision",
                             first.describe(), second.describe());
}

}  // namespace

void two_units(const Context& context, DiagnosticSink& sink) {
  for_each_timeframe(context.model, [&](const model::Timeframe& timeframe) {
    if (!timeframe.also_stated) return;
    auto first = timeframe.duration.working_days();
    auto second = timeframe.also_stated->working_days();
    if (!first || !second) return;
    bool overlap = first->low <= second->high && second->low <= first->high;
    if (overlap) {
      report_weekend(context, sink, timeframe);
      return;
    }
    auto& d = sink.report(
        Code::T013, timeframe.span,
        fmt::format("the document gives this time as {} and as {}, which are {} and {}: escc counts {} in the running "
                    "totals",
                    timeframe.duration.describe(), timeframe.also_stated->describe(),
                    analysis::days_words(*first), analysis::days_words(*second), timeframe.duration.describe()));
    d.suggestion = "ask the board which time it means, and correct the other in the next revision";
  });
}

}  // namespace esc::checks
