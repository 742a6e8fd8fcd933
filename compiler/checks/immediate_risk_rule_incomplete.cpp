// G022: a rule for immediate risk that leaves out how quickly to act, or the procedure
// the risk then goes through, leaves the practitioner to guess at the worst moment.
#include <algorithm>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

void immediate_risk_rule_incomplete(const Context& context, DiagnosticSink& sink) {
  if (!context.model.immediate_risk) return;
  const auto& rule = *context.model.immediate_risk;
  bool timed = !rule.timeframes.empty() ||
               std::any_of(rule.steps.begin(), rule.steps.end(), [](const model::Step& s) { return s.timeframe.has_value(); });
  bool procedure = rule.through.has_value();
  // A rule written as its time alone is the language's shortest rule, which leaves the
  // procedure to the ordinary referral route; a rule that starts to act (a step, someone
  // notified) and stops there is what the reader is left with, and is reported.
  bool acts = !rule.steps.empty() || !rule.duties.empty();
  if (timed && (procedure || !acts)) return;
  std::string message;
  if (!timed && !procedure) {
    message = "the rule for immediate risk gives no time to act in and no procedure to go through, so a "
              "practitioner facing immediate risk is told neither how quickly to act nor how the risk is then "
              "dealt with";
  } else if (!timed) {
    message = "the rule for immediate risk gives no time to act in, so nothing says how quickly a practitioner "
              "must act";
  } else {
    message = "the rule for immediate risk says what is done first, but gives no procedure to go through, so "
              "nothing says how the risk is then dealt with";
  }
  auto& d = sink.report(Code::G022, rule.span, std::move(message));
  d.suggestion = !timed && !procedure
                     ? "if the document gives them, add the rule's timeframe ('immediately', 'same working day') and "
                       "the procedure it goes through (through \"...\"); if not, the board should state both"
                 : !timed ? "if the document gives it, add the rule's timeframe ('immediately', 'same working day'); "
                            "if not, the board should state it"
                          : "if the document names it, add the procedure (through \"...\"); if not, the board "
                            "should state it";
}

}  // namespace esc::checks
