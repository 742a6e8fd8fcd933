// S001: a stage no case can arrive at is either missing an arrow or not needed.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void unreachable(const Context& context, DiagnosticSink& sink) {
  const auto& flow = context.flow;
  if (!flow.start.valid()) return;
  for (std::uint32_t i = 0; i < context.model.stages.size(); ++i) {
    if (flow.reachable[i]) continue;
    const auto& stage = context.model.stages[i];
    // The missing move may be among those lost from a stage a case does reach (the stage's
    // own lost moves lead away from it, not to it).
    auto place = place_or_stage_recording(context.model, Code::S001, {}, [&](const model::Stage& other) {
      return flow.reachable[static_cast<std::size_t>(&other - context.model.stages.data())];
    });
    auto* d = report_unless_unknown(
        context, sink, Code::S001, stage.span,
        fmt::format("nothing leads to {}: no outcome of an earlier stage goes to it", stage.label()), place,
        fmt::format("how a case reaches {}", stage.label()));
    if (d == nullptr) continue;
    d->notes.push_back({context.model.stage(flow.start).span, "escalation starts here"});
    d->suggestion = stage.kind == model::StageKind::route
                        ? "say how the route is reached, with 'entry from ...' or an outcome 'go to " + stage.name + "'"
                        : fmt::format("add 'when unresolved: go to {}' to the stage before it", stage.label());
  }
}

}  // namespace esc::checks
