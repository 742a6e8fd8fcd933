// S007: a protocol without stages cannot guide anyone (a parallel route is not enough).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

void no_stages(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.protocol) return;
  bool any = std::any_of(model.stages.begin(), model.stages.end(),
                         [](const model::Stage& stage) { return stage.kind == model::StageKind::formal; });
  if (any) return;
  for (const auto& unknown : model.protocol->unknowns) {
    if (unknown.subject != "stages") continue;
    sink.report(Code::S007, unknown.span,
                fmt::format("the protocol states no stages: they are recorded as unknown{}",
                            unknown.reason ? fmt::format(" ({})", unknown.reason->value) : std::string()));
    return;
  }
  auto& d = sink.report(Code::S007, model.protocol->span,
                        "the protocol states no stages, so it does not say how to escalate");
  d.suggestion = "add the stages, such as: stage 1 \"Practitioners\" { ... }";
}

}  // namespace esc::checks
