// D002: a word of the document's own quoted text that the British English dictionary
// does not have, for the board's next revision. A note, never a warning: the protocol
// states the document faithfully, misspellings included, and the word may be one the
// dictionary lacks.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

void spelling(const Context& context, DiagnosticSink& sink) {
  for (const auto& unfamiliar : context.unfamiliar_words) {
    if (unfamiliar.kind != analysis::Unfamiliarity::not_in_dictionary) continue;
    auto& d = sink.report(Code::D002, unfamiliar.span,
                          fmt::format("'{}', in the document's own words, is not in the British English dictionary: "
                                      "a spelling for the board to check at its next revision",
                                      unfamiliar.word));
    if (!unfamiliar.closest.empty()) d.suggestion = fmt::format("did the document mean '{}'?", unfamiliar.closest);
  }
}

}  // namespace esc::checks
