// G004: a protocol in use should say it is live.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void status(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  if (!protocol.status) {
    auto* d = report_unless_unknown(context, sink, Code::G004, protocol.span,
                                    "the protocol does not say whether it is live, a draft, or withdrawn", {},
                                    "whether the protocol is live, a draft, or withdrawn");
    if (d != nullptr) d->suggestion = "add a line such as: status live";
    return;
  }
  if (protocol.status->value == model::Status::draft) {
    sink.report(Code::G004, protocol.status->span,
                "this protocol is marked as a draft: practitioners may be following wording that was never agreed");
  } else if (protocol.status->value == model::Status::withdrawn) {
    sink.report(Code::G004, protocol.status->span,
                "this protocol is marked as withdrawn: it should not be published or followed");
  }
}

}  // namespace esc::checks
