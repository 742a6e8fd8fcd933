// T013: a time the document states in two units that do not agree ("72 hours (two
// working days)"). Both are kept as written; the running totals count the first, as
// the document puts it first, and the board should say which it means.
#include <fmt/format.h>

#include "compiler/analysis/durations.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {

void two_units(const Context& context, DiagnosticSink& sink) {
  for_each_timeframe(context.model, [&](const model::Timeframe& timeframe) {
    if (!timeframe.also_stated) return;
    auto first = timeframe.duration.working_days();
    auto second = timeframe.also_stated->working_days();
    if (!first || !second) return;
    bool overlap = first->low <= second->high && second->low <= first->high;
    if (overlap) return;
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
