// Parse throughput and peak memory on one file, one thread, best of several runs.
// Usage: escc-bench-parse FILE [RUNS]
// Prints one line of JSON: bytes, best seconds, MB/s, peak resident memory and its
// ratio to the input size.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/parser.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: escc-bench-parse FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  esc::DiskFileReader reader;
  std::string problem;
  auto text = reader.read(argv[1], problem);
  if (!text) {
    std::fprintf(stderr, "escc-bench-parse: cannot read %s: %s\n", argv[1], problem.c_str());
    return 2;
  }
  esc::SourceManager sources;
  auto id = sources.add(argv[1], std::move(*text));
  const auto& source = sources.file(id);
  double best = 1e100;
  std::size_t statements = 0;
  std::size_t errors = 0;
  for (int run = 0; run < runs; ++run) {
    esc::DiagnosticSink sink;
    auto start = std::chrono::steady_clock::now();
    auto file = esc::parse(source, id, sink);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    statements = file.statements.size();
    errors = sink.errors();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto bytes = static_cast<double>(source.text().size());
  auto peak = static_cast<double>(usage.ru_maxrss) * 1024.0;
  std::printf(
      "{\"file\": \"%s\", \"bytes\": %.0f, \"top_level_statements\": %zu, \"errors\": %zu, \"best_seconds\": %.4f, "
      "\"megabytes_per_second\": %.1f, \"peak_resident_bytes\": %.0f, \"peak_to_input\": %.2f}\n",
      argv[1], bytes, statements, errors, best, bytes / best / (1024 * 1024), peak, peak / bytes);
  return errors == 0 ? 0 : 1;
}
