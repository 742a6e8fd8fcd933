// Hostile inputs that tests/hostile/checks/ cannot hold as a protocol with its expected
// findings: dates given on the command line, what the model and outputs keep of a
// contact's hours, and sizes a check must not take the square of.
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "compiler/analysis/availability.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"
#include "tests/support.hpp"

TEST_CASE("a date on the command line cannot be in year 0", "[hostile]") {
  CHECK_FALSE(esc::parse_iso_date("0000-01-01").has_value());
  CHECK_FALSE(esc::parse_iso_date("0000-02-29").has_value());
  CHECK(esc::parse_iso_date("0001-01-01").has_value());
}

namespace {

struct Checked {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckRun run;
  const esc::model::Model& model() const { return run.files.at(0).model; }
  const esc::analysis::Analyses& analyses() const { return run.files.at(0).analyses; }
};

std::unique_ptr<Checked> check_hostile(const std::string& name) {
  auto checked = std::make_unique<Checked>();
  esc::DiskFileReader reader;
  checked->run = esc::check_files({std::string(ESCC_SOURCE_DIR) + "/tests/hostile/checks/" + name}, reader,
                                  checked->sources, checked->sink, {});
  REQUIRE(checked->sink.errors() == 0);
  return checked;
}

}  // namespace

TEST_CASE("a contact that says 'available' twice keeps every time it gives, in the model and the outputs",
          "[hostile]") {
  auto checked = check_hostile("available_twice.esc");
  const auto& model = checked->model();
  const auto& inspector = model.agencies.at(0).lines.at(0).contacts.at(0);
  REQUIRE(inspector.title.value == "Duty Inspector");
  REQUIRE(inspector.windows.size() == 2);
  auto reachable = esc::analysis::availability_of(inspector, model);
  CHECK(reachable.covers(0, 10 * 60));   // Monday morning, from the first `available`
  CHECK(reachable.covers(5, 10 * 60));   // Saturday morning, from the second
  CHECK_FALSE(reachable.covers(0, 20 * 60));
  auto json = nlohmann::json::parse(esc::backends::emit_json(model, checked->analyses(), "available_twice.esc"));
  CHECK(json["agencies"][0]["lines"][0]["contacts"][0]["available"].size() == 2);
}

namespace {

const std::string small_protocol = R"(protocol "Many of one thing" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  calendar local
}
immediate risk {
  immediately
}
)";

// Checks `text` and requires exactly the `wanted` findings. How fast is not judged here
// (make bench measures speed): a linear check takes well under a second, and one that
// turned quadratic again would be stopped by the tests' time limit (tests/CMakeLists.txt)
// rather than hang the suite.
void expect_found_quickly(const std::string& text, const std::multiset<std::string>& wanted) {
  esc::test::OneFileReader reader("many.esc", text);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({"many.esc"}, reader, sources, sink, options);
  std::multiset<std::string> codes;
  for (const auto& d : sink.diagnostics()) codes.insert(std::string(esc::code_info(d.code).id));
  CHECK(codes == wanted);
}

std::string repeated(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

// Each of these was quadratic in a first draft of its check, and took from 18 seconds
// to more than 15 minutes.
TEST_CASE("200,000 of one repeated thing are checked, each finding given once", "[hostile][scale]") {
  constexpr int many = 200000;
  const std::string calendar = "calendar local \"Local\" {\n  data from 2026 to 2026\n}\n";
  const std::string stage_1 = "stage 1 \"S\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"";
  const std::string last_stage = "stage 2 \"Last\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"\n"
                                 "  final binding\n}\n";
  SECTION("a contact that says 'available' 200,000 times: one finding") {
    expect_found_quickly(
        small_protocol + calendar + stage_1 + repeated(" available always", many) + "\n  final binding\n}\n",
        {"C009"});
  }
  SECTION("200,000 phones, then a second person") {
    expect_found_quickly(small_protocol + calendar + stage_1 + repeated(" phone \"01234 567890\"", many) +
                             " person \"X\" person \"Y\"\n  final binding\n}\n",
                         {"P002"});
  }
  SECTION("a stage of 200,000 outcomes, each under its own condition, and one conflict") {
    std::string outcomes;
    for (int i = 0; i < many; ++i) outcomes += "  when unresolved if \"case " + std::to_string(i) + "\": go to stage 2\n";
    expect_found_quickly(small_protocol + calendar + stage_1 + "\n" + outcomes +
                             "  when unresolved if \"case 7\": end\n}\n" + last_stage,
                         {"S008"});
  }
  SECTION("an agency of 200,000 lines, one name given twice") {
    std::string lines;
    for (int i = 0; i < many; ++i) lines += "  line " + std::to_string(i) + " \"Line\" {\n  }\n";
    expect_found_quickly(small_protocol + calendar + "agency police \"Police\" {\n" + lines +
                             "  line 7 \"Again\" {\n  }\n}\n" + stage_1 + "\n  final binding\n}\n",
                         {"N002"});
  }
  SECTION("a calendar that lists one day 200,000 times") {
    std::multiset<std::string> repeats;
    for (int i = 1; i < many; ++i) repeats.insert("G011");
    expect_found_quickly(small_protocol + "calendar local \"Local\" {\n  data from 2026 to 2026\n" +
                             repeated("  bank holiday 2026-12-25\n", many) + "}\n" + stage_1 +
                             "\n  final binding\n}\n",
                         repeats);
  }
}
