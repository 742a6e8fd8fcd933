// T006 and T007: a stage's stated timeframe against its own steps.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {

void steps_and_stage(const Context& context, DiagnosticSink& sink) {
  for (std::size_t i = 0; i < context.model.stages.size(); ++i) {
    const auto& stage = context.model.stages[i];
    const auto& time = context.durations.stages[i];
    if (!time.from_steps) continue;
    for (const auto& stated : stage.timeframes) {
      // A time counted from one of the steps is no limit on the whole stage.
      if (!stated.whole_stage()) continue;
      auto limit = stated.working_days();
      if (!limit) continue;
      bool step_too_long = false;
      for (const auto& step : stage.steps) {
        auto days = analysis::step_days(step);
        if (!days || days->high <= limit->high) continue;
        step_too_long = true;
        auto& d = sink.report(Code::T006, *step.time_span(),
                              fmt::format("this step alone {}can take {}, longer than the {} given to the whole of {}{}",
                                          step.modality == model::Modality::may ? "(which may be taken) " : "",
                                          step.variants.empty() ? step.timeframe->amount_words() : step.time_words(), stated.amount_words(),
                                          stage.label(), advisory_words(stated, context.model)));
        d.notes.push_back({stated.span, "the stage's timeframe is here"});
      }
      if (step_too_long || !time.own || *time.own == *limit) continue;
      auto& d = sink.report(Code::T007, stated.span,
                            fmt::format("the steps of {} add up to {}, but the stage is given {}{}", stage.label(),
                                        analysis::arithmetic(time.terms, *time.own) + analysis::unit_words(*time.own),
                                        stated.amount_words(), advisory_words(stated, context.model)));
      for (const auto& term : time.terms) {
        d.notes.push_back({term.span, fmt::format("{} here", term.written ? term.written->describe() : analysis::days_words(term.days))});
      }
    }
  }
}

}  // namespace esc::checks
