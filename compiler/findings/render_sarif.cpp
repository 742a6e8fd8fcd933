// SARIF 2.1.0, for code-scanning services. Columns are counted in Unicode code points,
// as escc counts them everywhere, and said so in `columnKind`.
#include <nlohmann/json.hpp>

#include "compiler/findings/render.hpp"

namespace esc {
namespace {

using json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "warning";
}

json location(const SourceManager& sources, const std::optional<Span>& span, const std::string& path) {
  json physical;
  if (!span) {
    physical["artifactLocation"]["uri"] = path;
    return json{{"physicalLocation", physical}};
  }
  const auto& file = sources.file(span->file);
  auto start = file.locate(span->begin);
  auto end = file.locate(span->end);
  physical["artifactLocation"]["uri"] = file.path();
  physical["region"] = {{"startLine", start.line},
                        {"startColumn", start.column},
                        {"endLine", end.line},
                        {"endColumn", std::max(end.column, start.line == end.line ? start.column + 1 : 1u)}};
  return json{{"physicalLocation", physical}};
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                         std::string_view version) {
  json rules = json::array();
  for (const auto& info : all_codes()) {
    rules.push_back({{"id", info.id},
                     {"name", info.name},
                     {"shortDescription", {{"text", info.summary}}},
                     {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
                     {"help", {{"text", "Run 'escc explain " + std::string(info.id) + "' for the full explanation."}}}});
  }
  json results = json::array();
  for (const auto& diagnostic : diagnostics) {
    const auto& info = code_info(diagnostic.code);
    json result;
    result["ruleId"] = info.id;
    result["ruleIndex"] = static_cast<std::size_t>(diagnostic.code);
    result["level"] = sarif_level(diagnostic.severity);
    auto text = diagnostic.message;
    if (!diagnostic.suggestion.empty()) text += " (" + diagnostic.suggestion + ")";
    result["message"] = {{"text", text}};
    result["locations"] = json::array({location(sources, diagnostic.span, diagnostic.file_path)});
    json related = json::array();
    int id = 0;
    for (const auto& note : diagnostic.notes) {
      if (!note.span) continue;
      auto entry = location(sources, note.span, diagnostic.file_path);
      entry["id"] = id++;
      entry["message"] = {{"text", note.message}};
      related.push_back(std::move(entry));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    if (diagnostic.allowed_because) {
      result["suppressions"] = json::array({{{"kind", "inSource"}, {"justification", *diagnostic.allowed_because}}});
    }
    results.push_back(std::move(result));
  }
  json run;
  run["tool"]["driver"] = {{"name", "escc"}, {"version", std::string(version)}, {"rules", std::move(rules)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}};
  log["runs"] = json::array({std::move(run)});
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace esc
