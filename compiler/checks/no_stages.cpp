// S007: a protocol without stages cannot guide anyone (a parallel route is not enough).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void no_stages(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.protocol) return;
  bool any = std::any_of(model.stages.begin(), model.stages.end(),
                         [](const model::Stage& stage) { return stage.kind == model::StageKind::formal; });
  if (any) return;
  auto* d = report_unless_unknown(context, sink, Code::S007, model.protocol->span,
                                  "the protocol states no stages, so it does not say how to escalate", {},
                                  "how to escalate");
  if (d != nullptr && d->notes.empty()) d->suggestion = "add the stages, such as: stage 1 \"Practitioners\" { ... }";
}

}  // namespace esc::checks
