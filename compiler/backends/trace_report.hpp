// What `escc trace` prints: the document paragraph by paragraph with the statements that
// rest on each, for a policy author (text) and for programs (JSON). Statements are shown
// as the protocol writes them, with their line, so that the reader can find them.
#pragma once

#include <string>

#include "compiler/analysis/trace.hpp"
#include "compiler/source/source.hpp"

namespace esc::backends {

std::string render_trace_text(const analysis::Trace& trace, const SourceManager& sources, const std::string& protocol);
std::string render_trace_json(const analysis::Trace& trace, const SourceManager& sources, const std::string& protocol);
// One line: "protocols/merton.esc: 18 of 40 paragraphs of sources/merton.txt accounted for (45%)".
std::string render_trace_summary(const analysis::Trace& trace, const std::string& protocol);

}  // namespace esc::backends
