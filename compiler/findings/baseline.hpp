// Baselines: today's findings recorded in a file, so that CI fails only on new ones.
// A finding matches a recorded one by its code, its file and its message, not its
// line, so editing elsewhere in a protocol does not make old findings look new. Errors
// are never recorded: a protocol with errors cannot be built or trusted.
#pragma once

#include <optional>
#include <string>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"

namespace esc {

// The warnings in `sink` that count, as the baseline file's JSON.
std::string baseline_of(const DiagnosticSink& sink, const SourceManager& sources);

// Marks findings recorded in the baseline as accepted ("in the baseline NAME"), each
// recorded finding matching one finding at most. Returns a plain-English problem when
// the baseline cannot be read as one.
std::optional<std::string> apply_baseline(const std::string& baseline_text, const std::string& baseline_name,
                                          DiagnosticSink& sink, const SourceManager& sources);

}  // namespace esc
