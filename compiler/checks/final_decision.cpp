// S010: who decides at the end. A final stage is where the dispute is settled; a reader
// must be able to tell whom it goes to. A stage that names nobody (no `by`, no parties,
// no contact, no step said to be taken by someone) leaves that open, and one whose `by`
// names several, one of whom decides ("the Chair or the Business Manager"), leaves it to
// be chosen each time. `decided by` names who decides; `unknown decision_maker` records
// that the document does not say, whoever else the stage names.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {
namespace {

bool names_someone(const model::Stage& stage) {
  if (stage.decided_by || stage.actor || !stage.parties.empty() || !stage.contacts.empty() || !stage.contact_lines.empty()) return true;
  return std::any_of(stage.steps.begin(), stage.steps.end(), [](const model::Step& step) { return step.by; });
}

}  // namespace

void final_decision(const Context& context, DiagnosticSink& sink) {
  for (const auto& stage : context.model.stages) {
    if (!stage.final) continue;
    if (!stage.actor_alternatives.empty()) {
      std::string named = fmt::format("'{}'", stage.actor->value);
      for (const auto& other : stage.actor_alternatives) named += fmt::format(" or '{}'", other.value);
      auto* d = report_unless_unknown(context, sink, Code::S010, stage.actor->span,
                                      fmt::format("{} is final, but its decision is made by one of several ({}), and "
                                                  "the protocol does not say which of them decides when",
                                                  stage.label(), named),
                                      {&stage}, fmt::format("who decides at {}", stage.label()));
      if (d != nullptr) {
        d->suggestion = "if the document says when each decides, write it as a condition on each; otherwise the "
                        "board should name one decision-maker";
      }
      continue;
    }
    // `unknown decision_maker`: the transcriber says the document does not name who
    // decides, whoever else the stage names (the people who meet are not always those
    // who decide).
    bool recorded_as_unknown =
        std::any_of(stage.unknowns.begin(), stage.unknowns.end(), [](const model::Unknown& unknown) {
          return unknown.subject == model::UnknownSubject::decision_maker;
        });
    if (names_someone(stage) && !recorded_as_unknown) continue;
    auto* d = report_unless_unknown(
        context, sink, Code::S010, stage.span,
        fmt::format("{} is final, but the protocol does not say who makes the decision there", stage.label()),
        {&stage}, fmt::format("who decides at {}", stage.label()));
    if (d != nullptr) {
      d->suggestion = "if the document names who decides, write it: decided by \"the Partnership Chair\"";
    }
  }
}

}  // namespace esc::checks
