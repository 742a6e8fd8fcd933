// One .esc file per test in tests/diagnostics/, carrying its expected diagnostics in
// comments: `# expect: error[P002] 6:12`, `# expect: allowed[G004] 3:3` for a finding
// the file accepts with `allow`, or `# expect: error[N004] imports/b.esc:1:5`
// for a diagnostic in a file it uses. Files under imports/ are only used by tests.
// A test file with no expectation must be clean. Dates are judged as on 2026-11-23.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "compiler/check.hpp"
#include "compiler/dates.hpp"
#include "tests/support.hpp"

namespace {

const std::string folder = std::string(ESCC_SOURCE_DIR) + "/tests/diagnostics/";

std::vector<std::string> expected_in(const std::string& text, const std::string& name) {
  std::vector<std::string> expected;
  std::regex expectation(R"(# expect: (error|warning|note|allowed)\[([A-Z][0-9]{3})\] (?:([\w/.]+):)?([0-9]+):([0-9]+))");
  for (std::sregex_iterator it(text.begin(), text.end(), expectation), end; it != end; ++it) {
    auto file = (*it)[3].matched ? (*it)[3].str() : name;
    expected.push_back((*it)[1].str() + "[" + (*it)[2].str() + "] " + file + ":" + (*it)[4].str() + ":" +
                       (*it)[5].str());
  }
  std::sort(expected.begin(), expected.end());
  return expected;
}

std::vector<std::string> actual_for(const std::string& name) {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({folder + name}, reader, sources, sink, options);
  std::vector<std::string> actual;
  for (const auto& d : sink.diagnostics()) {
    std::string place = "-";
    if (d.span) {
      const auto& file = sources.file(d.span->file);
      auto at = file.locate(d.span->begin);
      auto path = file.path().rfind(folder, 0) == 0 ? file.path().substr(folder.size()) : file.path();
      place = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    auto severity = d.counts() ? std::string(esc::severity_name(d.severity)) : std::string("allowed");
    actual.push_back(severity + "[" + std::string(esc::code_info(d.code).id) +
                     "] " + place);
  }
  std::sort(actual.begin(), actual.end());
  return actual;
}

}  // namespace

TEST_CASE("diagnostic test inputs produce exactly their expected diagnostics", "[diagnostics]") {
  auto names = esc::test::files_in("tests/diagnostics", ".esc");
  REQUIRE_FALSE(names.empty());
  for (const auto& name : names) {
    INFO("tests/diagnostics/" << name);
    CHECK(actual_for(name) == expected_in(esc::test::read_repository_file("tests/diagnostics/" + name), name));
  }
}

TEST_CASE("every diagnostic code has a test input", "[diagnostics]") {
  // I001 (a file that cannot be read), I005-I007 and I012 (outputs that cannot be
  // written, clash, or be drawn) are about the disk and the build, and T009 about dates
  // that only `escc deadlines` works out, so none can live in a check's test input;
  // bad_input_test.cpp, build_test.cpp, hostile_outputs_test.cpp, deadlines_test.cpp
  // and cli_test.sh cover them.
  std::set<std::string> covered = {"I001", "I005", "I006", "I007", "I012", "T009"};
  for (const auto& name : esc::test::files_in("tests/diagnostics", ".esc")) {
    for (const auto& expectation :
         expected_in(esc::test::read_repository_file("tests/diagnostics/" + name), name)) {
      auto open = expectation.find('[');
      covered.insert(expectation.substr(open + 1, 4));
    }
  }
  for (const auto& info : esc::all_codes()) {
    INFO("no test input in tests/diagnostics produces " << info.id);
    CHECK(covered.count(std::string(info.id)) == 1);
  }
}
