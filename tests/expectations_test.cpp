// One .esc file per test in tests/diagnostics/, carrying its expected diagnostics in
// comments: `# expect: error[P002] 6:12`. A file with no expectation must be clean.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "tests/support.hpp"

namespace {

std::vector<std::string> expected_in(const std::string& text) {
  std::vector<std::string> expected;
  std::regex expectation(R"(# expect: (error|warning|note)\[([A-Z][0-9]{3})\] ([0-9]+):([0-9]+))");
  for (std::sregex_iterator it(text.begin(), text.end(), expectation), end; it != end; ++it) {
    expected.push_back((*it)[1].str() + "[" + (*it)[2].str() + "] " + (*it)[3].str() + ":" + (*it)[4].str());
  }
  std::sort(expected.begin(), expected.end());
  return expected;
}

std::vector<std::string> actual_in(const esc::test::Parsed& parsed) {
  std::vector<std::string> actual;
  for (const auto& d : parsed.sink.diagnostics()) {
    auto at = parsed.sources.file(d.span->file).locate(d.span->begin);
    actual.push_back(std::string(esc::severity_name(d.severity)) + "[" + std::string(esc::code_info(d.code).id) +
                     "] " + std::to_string(at.line) + ":" + std::to_string(at.column));
  }
  std::sort(actual.begin(), actual.end());
  return actual;
}

}  // namespace

TEST_CASE("diagnostic test inputs produce exactly their expected diagnostics", "[diagnostics]") {
  auto names = esc::test::files_in("tests/diagnostics", ".esc");
  REQUIRE_FALSE(names.empty());
  for (const auto& name : names) {
    auto text = esc::test::read_repository_file("tests/diagnostics/" + name);
    auto parsed = esc::test::parse_text(text, name);
    INFO("tests/diagnostics/" << name);
    CHECK(actual_in(parsed) == expected_in(text));
  }
}

TEST_CASE("every diagnostic code has a test input", "[diagnostics]") {
  // I001 is about files that cannot be read at all, so it cannot live in a test
  // input; bad_input_test.cpp covers it.
  std::set<std::string> covered = {"I001"};
  for (const auto& name : esc::test::files_in("tests/diagnostics", ".esc")) {
    for (const auto& expectation : expected_in(esc::test::read_repository_file("tests/diagnostics/" + name))) {
      auto open = expectation.find('[');
      covered.insert(expectation.substr(open + 1, 4));
    }
  }
  for (const auto& info : esc::all_codes()) {
    INFO("no test input in tests/diagnostics produces " << info.id);
    CHECK(covered.count(std::string(info.id)) == 1);
  }
}
