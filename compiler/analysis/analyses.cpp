#include "compiler/analysis/analyses.hpp"

namespace esc::analysis {

Analyses analyse(const model::Model& model) {
  Analyses analyses;
  analyses.flow = analyse_flow(model);
  analyses.durations = analyse_durations(model);
  analyses.totals = running_totals(model, analyses.flow, analyses.durations);
  analyses.whom = whom_to_contact(model);
  return analyses;
}

}  // namespace esc::analysis
