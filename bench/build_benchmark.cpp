// `escc build` on one protocol to every format, one thread, and escc's SVG step beside
// Graphviz's own `dot -Tsvg` on the DOT that escc emits.
// Usage: escc-bench-build FILE [RUNS]
// Prints one line of JSON; times are the best of RUNS, in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>
#include <string>

#include "compiler/backends/chart.hpp"
#include "compiler/backends/dot.hpp"
#include "compiler/backends/graphviz.hpp"
#include "compiler/build.hpp"
#include "compiler/dates.hpp"

namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Keeps the bytes in memory: the benchmark measures escc, not the disk.
class CountingWriter final : public esc::OutputWriter {
 public:
  std::optional<std::string> write(const std::string&, const std::string& bytes) override {
    written += bytes.size();
    return std::nullopt;
  }
  std::size_t written = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: escc-bench-build FILE [RUNS]\n");
    return 2;
  }
  std::string path = argv[1];
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
  double best_build = 1e100, best_svg = 1e100, best_dot_tsvg = 1e100;
  std::size_t written = 0;
  std::string dot;
  for (int run = 0; run < runs; ++run) {
    esc::DiskFileReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    CountingWriter writer;
    esc::BuildOptions options;
    options.output_folder = "out";
    options.check.today = esc::day_number({2026, 11, 23});
    auto start = std::chrono::steady_clock::now();
    auto result = esc::build_files({path}, reader, writer, sources, sink, options);
    best_build = std::min(best_build, milliseconds_since(start));
    if (result.refused || result.io_problem) {
      std::fprintf(stderr, "escc-bench-build: %s did not build\n", path.c_str());
      return 2;
    }
    written = writer.written;

    // The SVG step as the build does it: a Graphviz context, layout, render, and the
    // title and description added.
    const auto& model = result.checked.files.at(0).model;
    auto chart = esc::backends::chart_of(model);
    dot = esc::backends::emit_dot(chart);
    start = std::chrono::steady_clock::now();
    {
      esc::backends::Graphviz graphviz;
      auto drawing = graphviz.draw(dot, chart, true, false);
      if (drawing.problem) return 2;
    }
    best_svg = std::min(best_svg, milliseconds_since(start));
  }
  auto dot_file = std::string("/tmp/escc-bench-") + std::to_string(::getpid()) + ".dot";
  std::ofstream(dot_file) << dot;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    if (std::system(("dot -Tsvg " + dot_file + " -o /dev/null").c_str()) != 0) return 2;
    best_dot_tsvg = std::min(best_dot_tsvg, milliseconds_since(start));
  }
  // dot's own start-up (loading its plugins), measured on an empty graph, so that the
  // comparison can also be made on the layout and drawing alone.
  std::ofstream(dot_file) << "digraph {}\n";
  double best_dot_startup = 1e100;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    if (std::system(("dot -Tsvg " + dot_file + " -o /dev/null").c_str()) != 0) return 2;
    best_dot_startup = std::min(best_dot_startup, milliseconds_since(start));
  }
  std::remove(dot_file.c_str());
  double dot_work = std::max(0.01, best_dot_tsvg - best_dot_startup);
  std::printf(
      "{\"benchmark\": \"build\", \"file\": \"%s\", \"build_all_formats_ms\": %.2f, \"bytes_written\": %zu, "
      "\"escc_svg_step_ms\": %.2f, \"dot_tsvg_ms\": %.2f, \"dot_startup_ms\": %.2f, \"svg_ratio\": %.3f, "
      "\"svg_ratio_without_dot_startup\": %.3f}\n",
      path.c_str(), best_build, written, best_svg, best_dot_tsvg, best_dot_startup, best_svg / best_dot_tsvg,
      best_svg / dot_work);
  return 0;
}
