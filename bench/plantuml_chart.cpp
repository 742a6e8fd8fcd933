// The same flow chart as escc draws, written as a PlantUML activity diagram, so that
// `make bench` can time PlantUML on an equivalent chart.
// Usage: escc-bench-plantuml FILE > chart.puml
#include <cstdio>
#include <string>

#include "compiler/backends/chart.hpp"
#include "compiler/driver/check.hpp"

namespace {

// PlantUML ends an activity at ';' and reads '\n' as a line break.
std::string activity_text(const std::string& text) {
  std::string out;
  for (char c : text) out += c == ';' ? ',' : c;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: escc-bench-plantuml FILE\n");
    return 2;
  }
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files({argv[1]}, reader, sources, sink, {});
  if (sink.errors() > 0 || run.files.empty() || !run.files[0].resolved) return 1;
  auto chart = esc::backends::chart_of(run.files[0].model, run.files[0].analyses);
  std::string out = "@startuml\ntitle " + activity_text(chart.title) + "\nstart\n";
  for (std::size_t i = 0; i < chart.nodes.size(); ++i) {
    const auto& node = chart.nodes[i];
    std::string text = "**" + node.heading + "**";
    if (!node.who.empty()) text += "\\n" + node.who;
    if (!node.timeframe.empty() || !node.by_day.empty()) text += "\\n//" + node.timeframe + " " + node.by_day + "//";
    for (std::size_t s = 0; s < node.steps.size(); ++s) {
      text += "\\n" + std::to_string(s + 1) + ". " + node.steps[s].title + " (" + node.steps[s].timeframe + ")";
    }
    out += ":" + activity_text(text) + ";\n";
    for (const auto& edge : chart.edges) {
      if (edge.from == i && edge.to == i + 1) out += "-> " + activity_text(edge.label) + ";\n";
    }
  }
  out += "stop\n@enduml\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}
