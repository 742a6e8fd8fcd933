// T012: an overall target that the stages giving a timeframe already exceed, when some
// stage on the way gives none. T003 cannot compare the whole running total then; but a
// stage with no timeframe can only add time, so the stages that give one are enough to
// show the target cannot be met.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::checks {

void target_exceeded_by_known(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  for (const auto& target : context.model.protocol->targets) {
    auto aim = target.timeframe.working_days();
    if (!aim) continue;
    std::vector<analysis::Term> terms;
    model::WorkingDays known{0, 0};
    std::vector<std::string> untimed;
    const model::Stage* last = nullptr;
    for (const auto& point : context.totals) {
      const auto& stage = context.model.stage(point.stage);
      if (target.first_stage && stage.number < *target.first_stage) continue;
      if (target.last_stage && stage.number > *target.last_stage) break;
      last = &stage;
      const auto& time = context.durations.stages[point.stage.index];
      const auto& own = time.own;
      // A "by day N" deadline bounds the running total rather than adding to it.
      if (!own && time.deadline) {
        untimed.clear();
        break;
      }
      if (!own) {
        untimed.push_back(stage.label());
        continue;
      }
      terms.push_back({*own, stage.span, nullptr});
      known = known + *own;
    }
    // With every stage timed, T003 compares the whole running total.
    if (untimed.empty() || terms.empty() || known.high <= aim->high) continue;
    auto says = target.timeframe.modality == model::Modality::unstated
                    ? std::string("aims to resolve disagreements")
                    : fmt::format("says disagreements {} be resolved", model::modality_name(target.timeframe.modality));
    sink.report(Code::T012, target.timeframe.span,
                fmt::format("the protocol {} within {}{}, but the stages up to {} that give a timeframe can already "
                            "take {}, before the time of {}, which {} none, is added",
                            says, target.timeframe.amount_words(), advisory_words(target.timeframe, context.model),
                            last->label(), analysis::arithmetic(terms, known) + analysis::unit_words(known),
                            spoken_list(untimed, "and"), untimed.size() == 1 ? "gives" : "give"));
  }
}

}  // namespace esc::checks
