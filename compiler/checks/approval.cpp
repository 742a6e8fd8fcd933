// G005: who approved the protocol, and when.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void approval(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  if (protocol.approvals.empty()) {
    auto* d = report_unless_unknown(context, sink, Code::G005, protocol.span,
                                    "no approval of this protocol is recorded", {}, "who approved this protocol");
    if (d != nullptr) {
      d->suggestion = "add a line such as: approved by \"Safeguarding Partnership Executive\" on 2026-01-15";
    }
    return;
  }
  for (const auto& approval : protocol.approvals) {
    if (approval.date) continue;
    std::vector<std::string> names;
    for (const auto& name : approval.names) names.emplace_back(name.value);
    auto* d = report_unless_unknown(context, sink, Code::G005, approval.span,
                                    fmt::format("the approval by {} has no date, so it is not recorded as given",
                                                fmt::join(names, " and ")),
                                    {}, fmt::format("when {} approved this protocol", fmt::join(names, " and ")));
    if (d != nullptr) d->suggestion = "add the date it was approved, as in: approved by \"...\" on 2021-03-15";
  }
}

}  // namespace esc::checks
