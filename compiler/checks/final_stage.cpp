// S004 and G007: where does escalation stop, and is the decision there binding?
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void final_stage(const Context& context, DiagnosticSink& sink) {
  const auto& stages = context.model.stages;
  if (!context.model.protocol || !context.flow.start.valid()) return;
  auto first_final = std::find_if(stages.begin(), stages.end(), [](const model::Stage& s) { return s.final; });
  if (first_final == stages.end()) {
    // A stage whose moves were lost may be where escalation stops.
    auto place = place_or_stage_recording(context.model, Code::S004, {}, [](const model::Stage&) { return true; });
    auto* d = report_unless_unknown(context, sink, Code::S004, context.model.protocol->span,
                                    "no stage is marked final, so the protocol never says where escalation stops",
                                    place, "where escalation stops");
    if (d == nullptr) return;
    d->suggestion = "add 'final' to the last stage (and 'final binding' if its decision settles the dispute)";
    for (std::uint32_t i = 0; i < stages.size(); ++i) {
      auto edges = context.flow.edges_of(i);
      bool moves_on = std::any_of(edges.begin(), edges.end(),
                                  [](const analysis::Edge& e) { return e.outcome != model::OutcomeKind::resolved; });
      if (!moves_on) d->notes.push_back({stages[i].span, fmt::format("escalation stops at {}", stages[i].label())});
    }
    return;
  }
  bool binding = std::any_of(stages.begin(), stages.end(), [](const model::Stage& s) { return s.final && s.binding; });
  if (binding) return;
  auto* d = report_unless_unknown(context, sink, Code::G007, first_final->span,
                                  fmt::format("{} is final, but the protocol does not say its decision is binding, so "
                                              "a dispute could go on after it",
                                              first_final->label()),
                                  {&*first_final}, fmt::format("whether the decision at {} is binding",
                                                               first_final->label()));
  if (d != nullptr) d->suggestion = "if the document calls the decision there binding or final, write 'final binding'";
}

}  // namespace esc::checks
