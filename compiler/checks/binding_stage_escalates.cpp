// S009: a stage whose decision is final and binding should leave nothing to escalate;
// one that still sends an unresolved case on says two things at once.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

void binding_stage_escalates(const Context& context, DiagnosticSink& sink) {
  for (const auto& stage : context.model.stages) {
    if (!stage.final || !stage.binding) continue;
    for (const auto& outcome : stage.outcomes) {
      if (outcome.kind == model::OutcomeKind::resolved) continue;
      for (const auto& action : outcome.actions) {
        if (action.kind != model::ActionKind::go_to || !action.target.valid()) continue;
        auto& d = sink.report(Code::S009, action.span,
                              fmt::format("{} is final and its decision binding, yet when {} it {} {}: either "
                                          "the decision settles the matter or the case escalates further",
                                          stage.label(), model::outcome_name(outcome.kind),
                                          action.modality == model::Modality::unstated
                                              ? std::string("goes to")
                                              : fmt::format("{} go to", model::modality_name(action.modality)),
                                          context.model.stage(action.target).label()));
        d.notes.push_back({stage.span, fmt::format("{} is marked 'final binding'", stage.label())});
        d.suggestion = "if the decision settles the matter, remove the move; if the case can still go on, mark "
                       "the stage where it ends 'final binding' instead";
      }
    }
  }
}

}  // namespace esc::checks
