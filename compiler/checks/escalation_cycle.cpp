// S003: escalation should only go up; a way back makes a loop with no end.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void escalation_cycle(const Context& context, DiagnosticSink& sink) {
  for (const auto& [from, edge] : context.flow.back_edges) {
    const auto& source = context.model.stage(from);
    const auto& target = context.model.stage(edge.to);
    auto* d = report_unless_unknown(
        context, sink, Code::S003, edge.span,
        fmt::format("{} leads back to {}, so a case could go round in a circle without an end", source.label(),
                    target.label()),
        {&source}, fmt::format("where {} leads", source.label()));
    if (d != nullptr) d->notes.push_back({target.span, fmt::format("{} is here", target.label())});
  }
}

}  // namespace esc::checks
