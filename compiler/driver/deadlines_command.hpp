// `escc deadlines`: the deadlines worked out for a protocol, with the finding the
// command adds when a date runs past what the calendar knows (T009). The analysis
// itself reports nothing.
#pragma once

#include "compiler/analysis/deadlines.hpp"
#include "compiler/findings/diagnostics.hpp"

namespace esc {

analysis::Deadlines deadlines_with_findings(const model::Model& model, const analysis::Analyses& analyses,
                                            const analysis::DeadlineOptions& options, DiagnosticSink& sink);

}  // namespace esc
