// The properties the fuzz targets assert, shared with the regression test that runs
// them over every saved crash and every .esc file in the repository. Each returns
// what is broken, or nullptr.
#pragma once

#include <cgraph.h>

#include <set>
#include <string>

#include "compiler/backends/chart.hpp"
#include "compiler/backends/cpp_tables.hpp"
#include "compiler/backends/dot.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/syntax/format.hpp"
#include "compiler/syntax/parser.hpp"

namespace esc::fuzz {

// The input as the protocol file, with the standard library and no other file.
class MemoryReader final : public FileReader {
 public:
  explicit MemoryReader(std::string text) : text_(std::move(text)) {}
  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    if (path == "fuzz.esc") return text_;
    problem = "no such file";
    return std::nullopt;
  }
  std::optional<std::string> real_path(const std::string& path) override { return "/fuzz/" + path; }

 private:
  std::string text_;
};

struct Checked {
  SourceManager sources;
  DiagnosticSink sink;
  CheckRun run;
  bool clean() const { return sink.errors() == 0 && !run.files.empty() && run.files[0].resolved; }
};

inline void check_text(const std::string& text, Checked& out) {
  MemoryReader reader(text);
  CheckOptions options;
  options.today = 20'000;
  out.run = check_files({"fuzz.esc"}, reader, out.sources, out.sink, options);
}

inline const char* parser_property(const std::string& text) {
  SourceFile source("fuzz.esc", text);
  DiagnosticSink sink;
  (void)parse(source, 0, sink);
  return nullptr;  // reaching here without a crash or a sanitizer report is the property
}

inline const char* check_property(const std::string& text) {
  Checked checked;
  check_text(text, checked);
  return nullptr;
}

struct Meaning {
  bool clean = false;
  std::string model;
  std::multiset<std::string> findings;
};

inline Meaning meaning_of(const std::string& text) {
  Checked checked;
  check_text(text, checked);
  Meaning meaning;
  meaning.clean = checked.clean();
  if (meaning.clean) meaning.model = backends::emit_json(checked.run.files[0].model, checked.run.files[0].analyses, "fuzz.esc");
  for (const auto& d : checked.sink.diagnostics()) meaning.findings.insert(std::string(code_info(d.code).id) + " " + d.message);
  return meaning;
}

// Formatting is defined only for text that reads without errors (escc fmt leaves other
// text as it is), and keeps it so.
inline const char* format_property(const std::string& text) {
  SourceFile source("fuzz.esc", text);
  DiagnosticSink sink;
  auto once = format_protocol(source, 0, sink);
  if (!once) return nullptr;
  SourceFile formatted("fuzz.esc", once->text);
  DiagnosticSink formatted_sink;
  auto twice = format_protocol(formatted, 0, formatted_sink);
  if (!twice) return "formatting made the text unreadable";
  if (twice->text != once->text) return "formatting is not idempotent";
  auto before = meaning_of(text);
  if (!before.clean) return nullptr;
  auto after = meaning_of(once->text);
  if (!after.clean || after.model != before.model) return "formatting changed the model";
  if (after.findings != before.findings) return "formatting changed the findings";
  return nullptr;
}

inline const char* backends_property(const std::string& text) {
  Checked checked;
  check_text(text, checked);
  if (!checked.clean()) return nullptr;
  const auto& model = checked.run.files[0].model;
  const auto& analyses = checked.run.files[0].analyses;
  auto chart = backends::chart_of(model, analyses);
  auto dot = backends::emit_dot(chart);
  agseterr(AGMAX);
  Agraph_t* graph = agmemread(dot.c_str());
  if (graph == nullptr) return "the DOT does not parse";
  bool same_nodes = static_cast<std::size_t>(agnnodes(graph)) == chart.nodes.size();
  agclose(graph);
  if (!same_nodes) return "the DOT has other nodes than the chart";
  (void)backends::emit_cpp_tables(model, analyses, "fuzz");
  (void)backends::emit_html({&model, &analyses, &chart, "", "fuzz.esc", {}});
  (void)backends::emit_json(model, analyses, "fuzz.esc");
  return nullptr;
}

}  // namespace esc::fuzz
