// Renderers: diagnostics as people and machines read them. They only format; the
// driver decides where the text goes.
#pragma once

#include <string>
#include <vector>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"

namespace esc {

struct HumanStyle {
  bool colour = false;
  std::size_t widest_line = 160;  // longer source lines are shown around the caret only
};

std::string render_human(const Diagnostic& diagnostic, const SourceManager& sources, const HumanStyle& style);
// "2 errors and 1 warning in 3 files", or "no problems found in 3 files".
std::string render_summary(const DiagnosticSink& sink, std::size_t files, const HumanStyle& style);
// One JSON array of objects: code, severity, name, file, line, column, end_line,
// end_column, message, notes, suggestion.
std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);
// SARIF 2.1.0: one run, every code as a rule, allowed findings as in-source suppressions.
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                         std::string_view version);
// GitHub Actions workflow commands (::error file=...::message), allowed findings left out.
std::string render_github(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

}  // namespace esc
