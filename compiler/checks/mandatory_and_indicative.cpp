// T010: the same deadlines called both mandatory and indicative. A practitioner cannot
// tell whether missing one is a breach of the protocol or a matter of judgement.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/timeframe_words.hpp"

namespace esc::checks {

void mandatory_and_indicative(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  const auto& mandatory = protocol.timeframes_mandatory;
  const auto& indicative = protocol.timeframes_indicative;
  if (mandatory && indicative) {
    // Said once of every timeframe, at the later of the two statements.
    bool indicative_later = indicative->begin > mandatory->begin;
    auto& d = sink.report(Code::T010, indicative_later ? *indicative : *mandatory,
                          "the protocol calls its timeframes both mandatory and indicative, so a practitioner cannot "
                          "tell whether a missed timeframe breaks the protocol");
    d.notes.push_back({indicative_later ? *mandatory : *indicative,
                       fmt::format("it calls them {} here", indicative_later ? "mandatory" : "indicative")});
    d.suggestion = "if each is said in its own place, record them as the readings of one ambiguity, as in: ambiguous "
                   "\"...\" { reading \"section 3\" { timeframes mandatory } reading \"section 5\" { timeframes "
                   "indicative } }";
    return;
  }
  for_each_escalation_timeframe(context.model, [&](const model::Timeframe& timeframe) {
    bool says_must = timeframe.modality == model::Modality::must;
    std::string message;
    std::optional<Span> other;
    auto given = timeframe.guidance == model::Guidance::indicative ? "as indicative" : "as a guide";
    if (timeframe.advisory() && says_must) {
      message = fmt::format("this timeframe says it must be met, and also that it is given {}", given);
    } else if (timeframe.advisory() && mandatory) {
      message = fmt::format("this timeframe is given {}, but the protocol calls its timeframes mandatory", given);
      other = mandatory;
    } else if (says_must && indicative) {
      message = "this timeframe says it must be met, but the protocol calls its timeframes indicative";
      other = indicative;
    } else {
      return;
    }
    auto& d = sink.report(Code::T010, timeframe.span, message);
    if (other) d.notes.push_back({*other, "the protocol says so here"});
  });
}

}  // namespace esc::checks
