// GitHub Actions workflow commands: one `::error` or `::warning` line per finding, so
// findings appear on the changed lines of a pull request.
#include <fmt/format.h>

#include "compiler/findings/render.hpp"

namespace esc {
namespace {

// Workflow commands escape %, CR and LF in messages, and also : and , in properties.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string render_github(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  std::string out;
  for (const auto& diagnostic : diagnostics) {
    if (!diagnostic.counts()) continue;
    const auto& info = code_info(diagnostic.code);
    auto command = diagnostic.severity == Severity::error ? "error" : diagnostic.severity == Severity::warning
                                                                          ? "warning"
                                                                          : "notice";
    std::string properties;
    if (diagnostic.span) {
      const auto& file = sources.file(diagnostic.span->file);
      auto start = file.locate(diagnostic.span->begin);
      auto end = file.locate(diagnostic.span->end);
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},", escape(file.path(), true),
                               start.line, start.column, end.line, end.column);
    } else if (!diagnostic.file_path.empty()) {
      properties = fmt::format("file={},", escape(diagnostic.file_path, true));
    }
    properties += "title=" + escape(fmt::format("{} {}", info.id, info.name), true);
    auto message = diagnostic.message;
    if (!diagnostic.suggestion.empty()) message += "\n" + diagnostic.suggestion;
    out += fmt::format("::{} {}::{}\n", command, properties, escape(message, false));
  }
  return out;
}

}  // namespace esc
