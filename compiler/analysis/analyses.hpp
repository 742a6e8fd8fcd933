// What escc works out from a model, done once per model and shared: the checks, every
// back-end, `escc deadlines` and `escc diff` read these, and none works them out again.
#pragma once

#include <optional>
#include <vector>

#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/analysis/quotes.hpp"
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
  WhomToContact whom;
  // The protocol's quotes against its document, when it names one.
  std::optional<QuoteVerification> quotes;
};

Analyses analyse(const model::Model& model);

}  // namespace esc::analysis
