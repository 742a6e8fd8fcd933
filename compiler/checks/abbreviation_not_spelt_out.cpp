// D003: an abbreviation the document uses and never spells out ("LSAB", "CERPs"), for
// the board's next revision. A note, as D002 is: the protocol states the document
// faithfully, and the reader who knows the abbreviation is not misled; one who does not
// cannot look it up.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

namespace {

// `partnership as LSAB`: the protocol names the body by the letters alone, as the document does.
const model::Partnership* known_only_as(const model::Model& model, std::string_view word) {
  if (!model.protocol) return nullptr;
  for (const auto& partnership : model.protocol->partnerships) {
    if (partnership.known_only_by_abbreviation() && *partnership.short_name == word) return &partnership;
  }
  return nullptr;
}

}  // namespace

void abbreviation_not_spelt_out(const Context& context, DiagnosticSink& sink) {
  for (const auto& unfamiliar : context.unfamiliar_words) {
    if (unfamiliar.kind != analysis::Unfamiliarity::abbreviation_not_spelt_out) continue;
    bool partnership = known_only_as(context.model, unfamiliar.word) != nullptr;
    auto& d = sink.report(Code::D003, unfamiliar.span,
                          fmt::format("the document uses '{}' and never spells it out, so a reader who does not "
                                      "know it cannot tell what it stands for{}: for the board to spell out at its "
                                      "next revision",
                                      unfamiliar.word,
                                      partnership ? " (the protocol names it as a partnership known only by these "
                                                    "letters)"
                                                  : ""));
    d.suggestion = "if the document does spell it out in a part escc was not given, say so with a `term`";
  }
}

}  // namespace esc::checks
