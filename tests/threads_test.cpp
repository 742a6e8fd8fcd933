// A large protocol is resolved and checked on several threads (resolve.cpp,
// checks/registry.cpp). What it reports, in what order, and the model it builds must
// not depend on how many: the protocols below are large enough for the threads to be
// used, and carry findings from their first stage to their last, so that every run of
// statements and every check has something to say.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

#include "compiler/backends/json.hpp"
#include "compiler/check.hpp"
#include "compiler/dates.hpp"
#include "compiler/render.hpp"
#include "support.hpp"

namespace {

constexpr int stages = 4000;
constexpr int agencies = 1000;

std::string header() {
  return "use std.calendars.england_and_wales\n"
         "use std.hours\n"
         "use std.agencies\n\n"
         "protocol \"Threads\" {\n"
         "  status live\n"
         "  approved by \"Board\" on 2026-01-15\n"
         "  review due 2027-01\n"
         "  covers children\n"
         "  calendar england_and_wales\n"
         "  resolve within 10 working days\n"
         "}\n\n"
         "allow C004 \"the test's numbers are made up\"\n"
         "allow S005 \"nothing here is reported as S005\"\n\n";
}

// Stage n; every 97th claims a wrong running total, every 89th has a quoted title
// written with escapes (kept by the shared text store), `level` names a level.
std::string stage(int n, const std::string& level) {
  auto title = n % 89 == 0 ? fmt::format("Stage \\\"{}\\\" of the protocol", n) : fmt::format("Round {}", n);
  auto claimed = n % 97 == 0 ? n * 5 + 1 : n * 5;
  auto next = n < stages ? fmt::format("go to stage {}", n + 1) : std::string("end");
  return fmt::format(
      "stage {} \"{}\" {{\n"
      "  level {}\n"
      "  step \"Raise it\" within 2 working days\n"
      "  step \"Review it\" within a further 3 working days cumulative {} working days\n"
      "  contacts line 1\n"
      "  when resolved: end\n"
      "  when unresolved: {}\n"
      "}}\n\n",
      n, title, level, claimed, next);
}

// Agency n; every 53rd lists one post twice with different numbers, every 61st has a
// number nobody can dial.
std::string agency(int n, const std::string& name) {
  auto second = n % 53 == 0 ? "    contact \"Duty Manager\" phone \"020 8359 9999\" available out_of_hours\n"
                            : "    contact \"Night Team\" phone \"020 8359 2000\" available out_of_hours\n";
  auto phone = n % 61 == 0 ? "020 835" : "020 8359 5638";
  return fmt::format(
      "agency {} \"Agency {}\" {{\n"
      "  kind health\n"
      "  line 1 {{\n"
      "    contact \"Duty Manager\" phone \"{}\" available office_hours\n"
      "{}"
      "  }}\n"
      "}}\n\n",
      name, n, phone, second);
}

struct Result {
  std::string findings;  // as JSON, in the order they are reported
  std::string model;     // as JSON
};

Result check(const std::string& text, unsigned jobs) {
  esc::test::OneFileReader reader("threads.esc", text);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  options.jobs = jobs;
  auto run = esc::check_files({"threads.esc"}, reader, sources, sink, options);
  Result result{esc::render_json(sink.diagnostics(), sources), ""};
  if (!run.files.empty() && run.files[0].resolved) result.model = esc::backends::emit_json(run.files[0].model, "x");
  return result;
}

}  // namespace

TEST_CASE("a large protocol is checked alike on one thread and on several", "[threads]") {
  std::string text = header();
  for (int n = 1; n <= stages; ++n) text += stage(n, "line_manager");
  for (int n = 1; n <= agencies; ++n) text += agency(n, fmt::format("agency_{}", n));
  REQUIRE(text.size() > (1u << 20));  // large enough for threads to be used

  auto one = check(text, 1);
  REQUIRE_FALSE(one.model.empty());
  // The findings from every part of the file are there.
  CHECK(one.findings.find("\"T001\"") != std::string::npos);
  CHECK(one.findings.find("\"C006\"") != std::string::npos);
  CHECK(one.findings.find("\"C004\"") != std::string::npos);
  CHECK(one.findings.find("\"A001\"") != std::string::npos);
  CHECK(one.model.find("Stage \\\"89\\\" of the protocol") != std::string::npos);
  for (unsigned jobs : {2u, 3u, 8u}) {
    INFO("jobs: " << jobs);
    auto many = check(text, jobs);
    CHECK(many.findings == one.findings);
    CHECK(many.model == one.model);
  }
}

TEST_CASE("names that do not resolve are reported alike on one thread and on several", "[threads]") {
  std::string text = header();
  // Unknown levels early and late; agencies declared twice in both halves.
  for (int n = 1; n <= stages; ++n) text += stage(n, n % 700 == 1 ? "line_managr" : "line_manager");
  for (int n = 1; n <= agencies; ++n) text += agency(n, fmt::format("agency_{}", n % 400 == 0 ? 1 : n));
  REQUIRE(text.size() > (1u << 20));

  auto one = check(text, 1);
  CHECK(one.model.empty());
  CHECK(one.findings.find("did you mean 'line_manager'?") != std::string::npos);
  CHECK(one.findings.find("\"N002\"") != std::string::npos);
  for (unsigned jobs : {2u, 4u}) {
    INFO("jobs: " << jobs);
    CHECK(check(text, jobs).findings == one.findings);
  }
}
