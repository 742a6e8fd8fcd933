#include "compiler/analysis/analyses.hpp"

namespace esc::analysis {

Analyses analyse(const model::Model& model) {
  Analyses analyses;
  analyses.flow = analyse_flow(model);
  analyses.durations = analyse_durations(model);
  analyses.totals = running_totals(model, analyses.flow, analyses.durations);
  analyses.whom = whom_to_contact(model);
  analyses.quotes = verify_quotes(model);
  if (model.protocol) {
    for (const auto& target : model.protocol->targets) {
      if (!target.first_stage && !target.last_stage && !analyses.overall) {
        analyses.overall = target.timeframe.duration.working_days();
      }
    }
  }
  if (!analyses.overall && !analyses.totals.empty()) analyses.overall = analyses.totals.back().end;
  return analyses;
}

}  // namespace esc::analysis
