// T003: an overall target ("resolve within 10 working days") against the longest the
// stages it covers can take. When the target matches only some of the stages, say so:
// the two readings of the document are then both in front of the reader.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {

void overall_target(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& points = context.totals;
  for (const auto& target : context.model.protocol->targets) {
    auto aim = target.timeframe.working_days();
    if (!aim || points.empty()) continue;
    const analysis::PathPoint* last = nullptr;
    std::vector<analysis::Term> terms;
    std::optional<model::WorkingDays> previous_end = model::WorkingDays{0, 0};
    bool countable = true;
    for (const auto& point : points) {
      const auto& stage = context.model.stage(point.stage);
      if (target.first_stage && stage.number < *target.first_stage) continue;
      if (target.last_stage && stage.number > *target.last_stage) break;
      // A stage with no timeframe: T004 says so, and T012 compares what the others take.
      if (!point.computed || !previous_end) {
        countable = false;
        break;
      }
      terms.push_back({{point.computed->low - previous_end->low, point.computed->high - previous_end->high},
                       stage.span, nullptr});
      previous_end = point.computed;
      last = &point;
    }
    if (!countable || last == nullptr || aim->high >= last->computed->high) continue;
    const auto& last_stage = context.model.stage(last->stage);
    // In the document's own word: "aims" where it gives none.
    auto says = target.timeframe.modality == model::Modality::unstated
                    ? std::string("aims to resolve disagreements")
                    : fmt::format("says disagreements {} be resolved", model::modality_name(target.timeframe.modality));
    auto& d = sink.report(Code::T003, target.timeframe.span,
                          fmt::format("the protocol {} within {}{}, but its stages up to {} can take {}", says,
                                      target.timeframe.amount_words(),
                                      advisory_words(target.timeframe, context.model), last_stage.label(),
                                      analysis::arithmetic(terms, *last->computed) + analysis::unit_words(*last->computed)));
    if (target.last_stage) continue;
    for (const auto& point : points) {
      if (!point.computed || point.computed->high != aim->high) continue;
      const auto& matching = context.model.stage(point.stage);
      d.notes.push_back({matching.span, fmt::format("{} is exactly the running total to the end of {}",
                                                    target.timeframe.amount_words(), matching.label())});
      d.suggestion = fmt::format("if the target covers only the stages up to {}, write 'covering stages {} to {}'",
                                 matching.label(), context.model.stage(points.front().stage).number,
                                 matching.number);
    }
  }
}

}  // namespace esc::checks
