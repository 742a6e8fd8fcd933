#include "compiler/findings/baseline.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace esc {
namespace {

using json = nlohmann::ordered_json;
using Key = std::tuple<std::string, std::string, std::string>;  // code, file, message

std::string file_of(const Diagnostic& d, const SourceManager& sources) {
  if (d.span) return sources.file(d.span->file).path();
  return d.file_path;
}

Key key_of(const Diagnostic& d, const SourceManager& sources) {
  return {std::string(code_info(d.code).id), file_of(d, sources), d.message};
}

}  // namespace

std::string baseline_of(const DiagnosticSink& sink, const SourceManager& sources) {
  auto findings = json::array();
  for (const auto& d : sink.diagnostics()) {
    if (!d.counts() || d.severity == Severity::error) continue;
    auto [code, file, message] = key_of(d, sources);
    findings.push_back({{"code", code}, {"file", file}, {"message", message}});
  }
  json root{{"escc_baseline", 1}, {"findings", findings}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<std::string> apply_baseline(const std::string& baseline_text, const std::string& baseline_name,
                                          DiagnosticSink& sink, const SourceManager& sources) {
  auto root = json::parse(baseline_text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("findings") || !root["findings"].is_array()) {
    return baseline_name + " is not an escc baseline (write one with --write-baseline)";
  }
  std::map<Key, int> recorded;
  for (const auto& finding : root["findings"]) {
    if (!finding.is_object() || !finding.value("code", json()).is_string() || !finding.value("file", json()).is_string() ||
        !finding.value("message", json()).is_string()) {
      return baseline_name + " has a finding without a code, file and message";
    }
    ++recorded[{finding["code"].get<std::string>(), finding["file"].get<std::string>(),
                finding["message"].get<std::string>()}];
  }
  for (auto& d : sink.editable()) {
    if (!d.counts() || d.severity == Severity::error) continue;
    auto found = recorded.find(key_of(d, sources));
    if (found == recorded.end() || found->second == 0) continue;
    --found->second;
    d.allowed_because = "in the baseline " + baseline_name;
    d.in_baseline = true;
  }
  return std::nullopt;
}

}  // namespace esc
