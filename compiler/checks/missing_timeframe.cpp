// T004 and T005: a stage or a step with no timeframe leaves practitioners without a
// point at which to escalate.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void missing_timeframe(const Context& context, DiagnosticSink& sink) {
  for (std::size_t i = 0; i < context.model.stages.size(); ++i) {
    const auto& stage = context.model.stages[i];
    if (stage.kind == model::StageKind::informal) continue;
    const auto& time = context.durations.stages[i];
    if (time.terms.empty() && !time.deadline) {
      bool only_asap = !stage.timeframes.empty();
      auto* d = report_unless_unknown(
          context, sink, Code::T004, stage.span,
          only_asap ? fmt::format("{} says only 'as soon as possible', which gives no point at which to escalate "
                                  "further",
                                  stage.label())
                    : fmt::format("{} has no timeframe, so nobody knows when to escalate further", stage.label()),
          {&stage}, fmt::format("the timeframe of {}", stage.label()));
      if (d != nullptr) d->suggestion = "add a timeframe such as 'within 2 working days', or timeframes on its steps";
      continue;
    }
    if (!time.from_steps) continue;
    // One finding for the stage, where its first untimed step is: the gap is the stage's
    // total, however many of its steps leave it open.
    std::vector<const model::Step*> untimed;
    for (const auto& step : stage.steps) {
      // A step that is part of another has that step's time (reported there if it has none).
      if (!step.time_span() && !step.part_of_step) untimed.push_back(&step);
    }
    if (untimed.empty()) continue;
    auto message = untimed.size() == 1
                       ? fmt::format("this step of {} has no timeframe, so the stage's total cannot be worked out",
                                     stage.label())
                       : fmt::format("{} of the {} steps of {} have no timeframe, so the stage's total cannot be "
                                     "worked out",
                                     untimed.size(), stage.steps.size(), stage.label());
    auto* d = report_unless_unknown(context, sink, Code::T005, untimed.front()->span, std::move(message), {&stage},
                                    fmt::format("the timeframe of this step of {}", stage.label()));
    if (d == nullptr) continue;
    for (std::size_t k = 1; k < untimed.size(); ++k) d->notes.push_back({untimed[k]->span, "nor has this one"});
  }
}

}  // namespace esc::checks
