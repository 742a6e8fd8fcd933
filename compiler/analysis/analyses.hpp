// What escc works out from a model, done once per model and shared: the checks, every
// back-end, `escc deadlines` and `escc diff` read these, and none works them out again.
#pragma once

#include <optional>
#include <vector>

#include "compiler/analysis/deadline_rules.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/analysis/quotes.hpp"
#include "compiler/analysis/spelling.hpp"
#include "compiler/analysis/whom_to_contact.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

struct Analyses {
  Flow flow;
  Durations durations;
  std::vector<PathPoint> totals;  // the running totals on the main path
  // The whole escalation's time: the protocol's own target for every stage, else the
  // main path's total.
  std::optional<model::WorkingDays> overall;
  // The overall time under each way of reading a protocol that records ambiguities,
  // when some way gives none: `overall` is then absent, and must not be so silently.
  std::vector<std::optional<model::WorkingDays>> overall_by_reading;
  WhomToContact whom;
  // How each stage's deadline is counted, per stage id: every output's one answer.
  std::vector<DeadlineRule> deadline_rules;
  // The protocol's quotes against its document, when it names one.
  std::optional<QuoteVerification> quotes;
  // Words of the document's quotes the British English dictionary does not have.
  std::vector<UnfamiliarWord> unfamiliar_words;
};

Analyses analyse(const model::Model& model);
// The same, with the protocol's quotes verified already: each way of reading a protocol
// has the same quotes and the same document, which are looked for once.
Analyses analyse(const model::Model& model, std::optional<QuoteVerification> quotes);

// The figures shown for a protocol that records ambiguities. `shown` is worked out from
// the model with every ambiguity left out, which holds what is true in every reading;
// `readings` from one model per combination of readings. Each stage's time, each
// running total and the overall time become the range over the readings ([lowest,
// highest]); one some reading cannot work out is not shown. Only stages on the main
// path of every reading keep a running total.
void widen_over_readings(Analyses& shown, const std::vector<const Analyses*>& readings);

}  // namespace esc::analysis
