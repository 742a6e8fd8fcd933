// Syntax trees -> the resolved model. The only pass that sees both: it looks up every
// name (with "did you mean"), decodes text, reads durations and windows, and reports
// what cannot be resolved. It judges nothing else; the checks do that.
#pragma once

#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"
#include "compiler/syntax/loader.hpp"

namespace esc {

model::Model resolve(const Program& program, const SourceManager& sources, DiagnosticSink& sink);

// The same, freeing each statement's syntax once it is resolved: for callers that need
// only the model afterwards. Keywords and spans of top-level statements are kept.
model::Model resolve_releasing_syntax(Program& program, DiagnosticSink& sink);

}  // namespace esc
