// T011: "5 days" with no unit. The document does not say whether weekends count, so
// escc reads it both ways (in sums, the working days either reading allows) and says so.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {

void unit_not_stated(const Context& context, DiagnosticSink& sink) {
  for_each_duration(context.model, [&](const model::Duration& duration) {
    if (duration.kind != model::DurationKind::amount || duration.unit != model::Unit::days) return;
    auto amount = duration.low == duration.high ? fmt::format("{}", duration.low)
                                                : fmt::format("{}-{}", duration.low, duration.high);
    auto day = duration.low == 1 && duration.high == 1 ? "day" : "days";
    auto& d = sink.report(Code::T011, duration.span,
                          fmt::format("the unit of '{}' is not stated; read as {} working {} or {} calendar {}",
                                      duration.describe(), amount, day, amount, day));
    d.suggestion = fmt::format("if the document says which elsewhere, write '{} working {}' or '{} calendar {}'",
                               amount, day, amount, day);
  });
}

}  // namespace esc::checks
