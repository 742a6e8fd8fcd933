// G017: an exclusion that excludes the protocol's own subject. An escalation protocol
// is for disagreements between agencies; an exclusion of "inter-agency disputes" leaves
// a practitioner reading it literally with nothing the protocol covers.
#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

bool mentions(const std::string& words, std::initializer_list<std::string_view> any) {
  return std::any_of(any.begin(), any.end(), [&](std::string_view part) { return words.find(part) != std::string::npos; });
}

}  // namespace

void excluded_subject(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  for (const auto& exclusion : context.model.protocol->exclusions) {
    auto words = normalise_words(exclusion.value);
    bool between_agencies = mentions(words, {"inter-agenc", "interagenc", "inter agenc", "multi-agenc", "multi agenc",
                                             "multiagenc", "between agencies", "between partner agencies"});
    bool disagreement = mentions(words, {"disput", "disagree", "difference", "conflict"});
    if (!between_agencies || !disagreement) continue;
    auto& d = sink.report(Code::G017, exclusion.span,
                          fmt::format("the protocol excludes \"{}\": disagreements between agencies, which are what "
                                      "an escalation protocol is for",
                                      exclusion.value));
    d.suggestion = "if the document says so, it contradicts its own purpose: record the point with 'ambiguous' and a "
                   "reading for each way it can be read";
  }
}

}  // namespace esc::checks
