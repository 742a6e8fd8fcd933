// G006: every protocol needs a rule for immediate risk that bypasses the stages.
#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void immediate_risk(const Context& context, DiagnosticSink& sink) {
  if (context.model.immediate_risk || !context.model.protocol) return;
  auto* d = report_unless_unknown(context, sink, Code::G006, context.model.protocol->span,
                                  "there is no rule for a child or adult at immediate risk of significant harm: the "
                                  "stages alone could delay action for days",
                                  {}, "the rule for a child or adult at immediate risk");
  if (d == nullptr) return;
  d->suggestion = "add an 'immediate risk' block with its timeframe ('immediately' or 'same working day') and how "
                  "to act (through \"...\")";
}

}  // namespace esc::checks
