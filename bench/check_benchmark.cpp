// The whole check pipeline on one file, one thread, timed phase by phase: reading and
// parsing (with imports), resolving names, and running every check.
// Usage: escc-bench-check FILE [RUNS] [--each]
// Prints one line of JSON; times are the best of RUNS. With --each, also prints the time
// of every check on standard error.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/checks/checks.hpp"
#include "compiler/dates.hpp"
#include "compiler/loader.hpp"
#include "compiler/resolve.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Pages the kernel has handed this process so far: fresh memory costs a fault a page.
long page_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: escc-bench-check FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  double best_load = 1e100, best_resolve = 1e100, best_checks = 1e100;
  std::size_t bytes = 0, findings = 0, errors = 0;
  long load_faults = 0, resolve_faults = 0, checks_faults = 0;  // of the last run
  for (int run = 0; run < runs; ++run) {
    esc::DiskFileReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto faults = page_faults();
    auto start = std::chrono::steady_clock::now();
    auto program = esc::load_program(argv[1], reader, sources, sink);
    best_load = std::min(best_load, seconds_since(start));
    load_faults = page_faults() - faults;
    if (!program.main_readable) {
      std::fprintf(stderr, "escc-bench-check: cannot read %s\n", argv[1]);
      return 2;
    }
    faults = page_faults();
    start = std::chrono::steady_clock::now();
    auto model = esc::resolve_releasing_syntax(program, sink);
    best_resolve = std::min(best_resolve, seconds_since(start));
    resolve_faults = page_faults() - faults;
    faults = page_faults();
    start = std::chrono::steady_clock::now();
    esc::checks::run_checks(model, esc::day_number({2026, 11, 23}), sink);
    best_checks = std::min(best_checks, seconds_since(start));
    checks_faults = page_faults() - faults;
    bytes = sources.file(program.units.back().file).text().size();
    findings = sink.diagnostics().size();
    errors = sink.errors();
  }
  // With --each, time every check on its own (one more pass, not counted above).
  if (argc > 3 && std::string(argv[3]) == "--each") {
    esc::DiskFileReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto program = esc::load_program(argv[1], reader, sources, sink);
    auto model = esc::resolve(program, sources, sink);
    auto start = std::chrono::steady_clock::now();
    auto flow = esc::analysis::analyse_flow(model);
    std::fprintf(stderr, "%-22s %.4f\n", "(flow analysis)", seconds_since(start));
    start = std::chrono::steady_clock::now();
    auto durations = esc::analysis::analyse_durations(model);
    std::fprintf(stderr, "%-22s %.4f\n", "(duration analysis)", seconds_since(start));
    start = std::chrono::steady_clock::now();
    auto totals = esc::analysis::running_totals(model, flow, durations);
    std::fprintf(stderr, "%-22s %.4f\n", "(running totals)", seconds_since(start));
    esc::checks::Context context{model, esc::day_number({2026, 11, 23}), flow, durations, totals};
    for (const auto& check : esc::checks::registry()) {
      esc::DiagnosticSink found;
      start = std::chrono::steady_clock::now();
      check.run(context, found);
      std::fprintf(stderr, "%-22s %.4f\n", std::string(check.name).c_str(), seconds_since(start));
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto megabytes = static_cast<double>(bytes) / (1024 * 1024);
  auto total = best_load + best_resolve + best_checks;
  std::printf(
      "{\"file\": \"%s\", \"bytes\": %zu, \"findings\": %zu, \"errors\": %zu, \"read_and_parse_seconds\": %.4f, "
      "\"resolve_seconds\": %.4f, \"checks_seconds\": %.4f, \"resolve_and_checks_over_parse\": %.2f, "
      "\"check_megabytes_per_second\": %.1f, \"peak_resident_bytes\": %ld, "
      "\"page_faults\": {\"read_and_parse\": %ld, \"resolve\": %ld, \"checks\": %ld}}\n",
      argv[1], bytes, findings, errors, best_load, best_resolve, best_checks, (best_resolve + best_checks) / best_load,
      megabytes / total, usage.ru_maxrss * 1024L, load_faults, resolve_faults, checks_faults);
  return errors == 0 ? 0 : 1;
}
