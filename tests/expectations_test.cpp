// One .esc file per test in tests/diagnostics/, carrying its expected diagnostics in
// comments: `# expect: error[P002] 6:12`, `# expect: allowed[G004] 3:3` for a finding
// the file accepts with `allow`, or `# expect: error[N004] imports/b.esc:1:5`
// for a diagnostic in a file it uses. After the place, `{{...}}` holds the whole
// message, which must be exactly that (clang's style: a garbled message fails), or a
// part of it in quotes must be in the message. Every expectation in tests/diagnostics
// pins its whole message. Files under imports/ are only used by tests.
// A test file with no expectation must be clean. Dates are judged as on 2026-11-23.
// tests/hostile/checks/ holds protocols that once said something impossible or
// contradictory without a word from escc, written the same way.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"
#include "tests/support.hpp"

namespace {

// A finding as "warning[S008] file.esc:14:3", with its message.
struct Finding {
  std::string key;
  std::string message;  // for expectations: what the message must be, or contain, or empty
  bool whole = false;   // the message must be exactly `message`
  bool operator<(const Finding& other) const { return key < other.key; }
};

std::vector<Finding> expected_in(const std::string& text, const std::string& name) {
  std::vector<Finding> expected;
  std::regex expectation(
      R"re(# expect: (error|warning|note|allowed)\[([A-Z][0-9]{3})\] (?:([\w/.]+):)?([0-9]+):([0-9]+)(?: \{\{(.*?)\}\}| "([^"]*)")?)re");
  for (std::sregex_iterator it(text.begin(), text.end(), expectation), end; it != end; ++it) {
    auto file = (*it)[3].matched ? (*it)[3].str() : name;
    bool whole = (*it)[6].matched;
    expected.push_back({(*it)[1].str() + "[" + (*it)[2].str() + "] " + file + ":" + (*it)[4].str() + ":" +
                            (*it)[5].str(),
                        whole ? (*it)[6].str() : (*it)[7].str(), whole});
  }
  std::stable_sort(expected.begin(), expected.end());
  return expected;
}

// `relative_folder` is below the repository, such as "tests/diagnostics".
std::vector<Finding> actual_for(const std::string& relative_folder, const std::string& name) {
  auto folder = std::string(ESCC_SOURCE_DIR) + "/" + relative_folder + "/";
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({folder + name}, reader, sources, sink, options);
  std::vector<Finding> actual;
  for (const auto& d : sink.diagnostics()) {
    std::string place = "-";
    if (d.span) {
      const auto& file = sources.file(d.span->file);
      auto at = file.locate(d.span->begin);
      auto path = file.path().rfind(folder, 0) == 0 ? file.path().substr(folder.size()) : file.path();
      place = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    auto severity = d.counts() ? std::string(esc::severity_name(d.severity)) : std::string("allowed");
    // Messages that name files name them as given, here below the test folder.
    auto message = d.message;
    for (auto at = message.find(folder); at != std::string::npos; at = message.find(folder, at)) {
      message.erase(at, folder.size());
    }
    actual.push_back({severity + "[" + std::string(esc::code_info(d.code).id) + "] " + place, message});
  }
  std::stable_sort(actual.begin(), actual.end());
  return actual;
}

std::vector<std::string> keys_of(const std::vector<Finding>& findings) {
  std::vector<std::string> keys;
  for (const auto& finding : findings) keys.push_back(finding.key);
  return keys;
}

void check_expectations_in(const std::string& relative_folder, bool whole_messages) {
  auto names = esc::test::files_in(relative_folder, ".esc");
  REQUIRE_FALSE(names.empty());
  for (const auto& name : names) {
    auto path = relative_folder + "/" + name;
    INFO(path);
    auto actual = actual_for(relative_folder, name);
    auto expected = expected_in(esc::test::read_repository_file(path), name);
    CHECK(keys_of(actual) == keys_of(expected));
    for (const auto& wanted : expected) {
      if (whole_messages) {
        INFO(wanted.key << " gives no {{message}}");
        CHECK(wanted.whole);
      }
      if (wanted.message.empty()) continue;
      INFO(wanted.key << " should say " << (wanted.whole ? "exactly" : "") << " \"" << wanted.message << "\"");
      CHECK(std::any_of(actual.begin(), actual.end(), [&](const Finding& found) {
        return found.key == wanted.key && (wanted.whole ? found.message == wanted.message
                                                        : found.message.find(wanted.message) != std::string::npos);
      }));
    }
  }
}

}  // namespace

TEST_CASE("diagnostic test inputs produce exactly their expected diagnostics", "[diagnostics]") {
  check_expectations_in("tests/diagnostics", true);
}

TEST_CASE("protocols that say something impossible or contradictory are reported", "[diagnostics][hostile]") {
  check_expectations_in("tests/hostile/checks", false);
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
      auto open = expectation.key.find('[');
      covered.insert(expectation.key.substr(open + 1, 4));
    }
  }
  for (const auto& info : esc::all_codes()) {
    INFO("no test input in tests/diagnostics produces " << info.id);
    CHECK(covered.count(std::string(info.id)) == 1);
  }
}
