// T001 and T002: the running totals a protocol states ("cumulative 7 working days",
// "by day 13") against the sum of its own timeframes.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {
namespace {

using analysis::Term;
using model::WorkingDays;

void check_steps(const Context& context, const model::Stage& stage, WorkingDays before, DiagnosticSink& sink) {
  WorkingDays running = before;
  for (std::size_t index = 0; index < stage.steps.size(); ++index) {
    const auto& step = stage.steps[index];
    auto days = analysis::step_days(step);
    if (!days) return;
    running = running + *days;
    if (!step.cumulative) continue;
    auto claimed = step.cumulative->working_days();
    if (!claimed || *claimed == running) continue;
    // Only now, with a finding to show, is the arithmetic spelt out.
    std::vector<Term> terms{{before, {}, nullptr}};
    for (std::size_t i = 0; i <= index; ++i) {
      const auto& earlier = stage.steps[i];
      terms.push_back({*analysis::step_days(earlier), *earlier.time_span(), nullptr});
    }
    auto& d = sink.report(Code::T001, step.cumulative->span,
                          fmt::format("after this step the running total is {}, but the protocol says {}",
                                      analysis::arithmetic(terms, running) + analysis::unit_words(running),
                                      analysis::number_words(*claimed)));
    for (std::size_t i = 1; i < terms.size(); ++i) {
      d.notes.push_back({terms[i].span, analysis::days_words(terms[i].days) + " here"});
    }
    (void)context;
    return;
  }
}

}  // namespace

void running_total(const Context& context, DiagnosticSink& sink) {
  const model::Stage* previous = nullptr;
  for (const auto& point : context.totals) {
    const auto& stage = context.model.stage(point.stage);
    const auto& time = context.durations.stages[point.stage.index];
    if (point.before && time.from_steps) check_steps(context, stage, *point.before, sink);

    if (time.deadline && point.before && previous != nullptr) {
      auto deadline = time.deadline->working_days();
      if (deadline && deadline->high <= point.before->high) {
        auto& d = sink.report(Code::T002, time.deadline->span,
                              fmt::format("{} {} by day {}{}, but {} may already run to day {}", stage.label(),
                                          to_be_done(*time.deadline), analysis::number_words(*deadline),
                                          advisory_words(*time.deadline, context.model), previous->label(),
                                          point.before->high));
        d.notes.push_back({previous->span, fmt::format("{} is here", previous->label())});
      }
    }
    if (stage.cumulative && point.end && !time.deadline) {
      auto claimed = stage.cumulative->working_days();
      if (claimed && !(*claimed == *point.end)) {
        std::vector<analysis::Term> terms{{*point.before, {}, nullptr}};
        terms.insert(terms.end(), time.terms.begin(), time.terms.end());
        auto& d = sink.report(
            Code::T001, stage.cumulative->span,
            fmt::format("by the end of {} the running total is {}, but the protocol says {}", stage.label(),
                        analysis::arithmetic(terms, *point.end) + analysis::unit_words(*point.end), analysis::number_words(*claimed)));
        if (previous != nullptr) {
          d.notes.push_back({previous->cumulative ? previous->cumulative->span : previous->span,
                             fmt::format("{} ends at {}", previous->label(), analysis::days_words(*point.before))});
        }
        for (const auto& term : time.terms) {
          d.notes.push_back({term.span, analysis::days_words(term.days) + " here"});
        }
      }
    }
    previous = &stage;
  }
}

}  // namespace esc::checks
