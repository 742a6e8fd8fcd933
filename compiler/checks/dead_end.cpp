// S002: what happens when a stage that is not the last one fails?
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void dead_end(const Context& context, DiagnosticSink& sink) {
  // With no final stage anywhere, S004 reports the stages where escalation stops.
  const auto& stages = context.model.stages;
  if (std::none_of(stages.begin(), stages.end(), [](const model::Stage& s) { return s.final; })) return;
  for (std::uint32_t i = 0; i < context.model.stages.size(); ++i) {
    const auto& stage = context.model.stages[i];
    if (stage.final) continue;
    auto edges = context.flow.edges_of(i);
    bool moves_on = std::any_of(edges.begin(), edges.end(), [](const analysis::Edge& edge) {
      return edge.outcome != model::OutcomeKind::resolved;
    });
    if (moves_on) continue;
    auto* d = report_unless_unknown(
        context, sink, Code::S002, stage.span,
        fmt::format("if {} does not resolve the matter, the protocol does not say what happens next", stage.label()),
        {&stage}, fmt::format("what happens after {}", stage.label()));
    if (d != nullptr) {
      d->suggestion = "add 'when unresolved: go to stage N', or mark the stage 'final' if escalation ends there";
    }
  }
}

}  // namespace esc::checks
