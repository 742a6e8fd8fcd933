#include <nlohmann/json.hpp>

#include "compiler/findings/render.hpp"

namespace esc {
namespace {

nlohmann::ordered_json place(const SourceManager& sources, const std::optional<Span>& span, const std::string& path) {
  nlohmann::ordered_json object;
  if (!span) {
    object["file"] = path;
    object["line"] = nullptr;
    object["column"] = nullptr;
    return object;
  }
  const auto& file = sources.file(span->file);
  auto start = file.locate(span->begin);
  auto end = file.locate(span->end);
  object["file"] = file.path();
  object["line"] = start.line;
  object["column"] = start.column;
  object["end_line"] = end.line;
  object["end_column"] = end.column;
  return object;
}

}  // namespace

std::string render_json(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& diagnostic : diagnostics) {
    const auto& info = code_info(diagnostic.code);
    nlohmann::ordered_json object;
    object["code"] = info.id;
    object["severity"] = severity_name(diagnostic.severity);
    object["name"] = info.name;
    object.update(place(sources, diagnostic.span, diagnostic.file_path));
    object["message"] = diagnostic.message;
    auto notes = nlohmann::ordered_json::array();
    for (const auto& note : diagnostic.notes) {
      auto entry = place(sources, note.span, diagnostic.file_path);
      entry["message"] = note.message;
      notes.push_back(std::move(entry));
    }
    object["notes"] = std::move(notes);
    object["allowed"] = diagnostic.allowed_because ? nlohmann::ordered_json(*diagnostic.allowed_because)
                                                   : nlohmann::ordered_json(nullptr);
    object["suggestion"] = diagnostic.suggestion.empty() ? nlohmann::ordered_json(nullptr)
                                                         : nlohmann::ordered_json(diagnostic.suggestion);
    array.push_back(std::move(object));
  }
  // Invalid UTF-8 never reaches a message, but replace rather than throw if it did.
  return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace esc
