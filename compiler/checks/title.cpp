// G024: a protocol with no title. `escc init` writes `protocol "" {` for the board to
// fill in; a published page headed by nothing is the same gap.
#include "compiler/checks/checks.hpp"

namespace esc::checks {

void title(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  if (protocol.title.value.find_first_not_of(" \t") != std::string_view::npos) return;
  auto& d = sink.report(Code::G024, protocol.title.span, "the protocol has no title");
  d.suggestion = "write the title its document gives, between the quotes, such as: protocol \"Resolving "
                 "professional disagreements\" {";
}

}  // namespace esc::checks
