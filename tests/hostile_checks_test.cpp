// Hostile inputs that tests/hostile/checks/ cannot hold as a protocol with its expected
// findings: dates given on the command line, what the model and outputs keep of a
// contact's hours, and sizes a check must not take the square of.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "compiler/analysis/availability.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/check.hpp"
#include "compiler/dates.hpp"
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
  auto json = nlohmann::json::parse(esc::backends::emit_json(model, "available_twice.esc"));
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

// The codes found in `text`, with how long checking it took.
std::pair<std::multiset<std::string>, double> codes_and_seconds(const std::string& text) {
  esc::test::OneFileReader reader("many.esc", text);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  auto started = std::chrono::steady_clock::now();
  esc::check_files({"many.esc"}, reader, sources, sink, options);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::multiset<std::string> codes;
  for (const auto& d : sink.diagnostics()) codes.insert(std::string(esc::code_info(d.code).id));
  return {codes, took.count()};
}

std::string repeated(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

// Each of these was quadratic in a first draft of its check; 200,000 of one thing then
// took a minute or more. A linear check takes well under a second here.
TEST_CASE("200,000 of one repeated thing are checked in linear time", "[hostile][scale]") {
  constexpr int many = 200000;
  const std::string calendar = "calendar local \"Local\" {\n  data from 2026 to 2026\n}\n";
  const std::string last_stage = "stage 2 \"Last\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"\n"
                                 "  final binding\n}\n";
  SECTION("a contact that says 'available' 200,000 times: one finding") {
    auto [codes, seconds] = codes_and_seconds(
        small_protocol + calendar + "stage 1 \"S\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"" +
        repeated(" available always", many) + "\n  final binding\n}\n");
    CHECK(codes == std::multiset<std::string>{"C009"});
    CHECK(seconds < 5);
  }
  SECTION("200,000 phones, then a second person") {
    auto [codes, seconds] = codes_and_seconds(
        small_protocol + calendar + "stage 1 \"S\" {\n  within 2 working days\n  contact \"A\"" +
        repeated(" phone \"01234 567890\"", many) + " person \"X\" person \"Y\"\n  final binding\n}\n");
    CHECK(codes == std::multiset<std::string>{"P002"});
    CHECK(seconds < 5);
  }
  SECTION("a stage of 200,000 outcomes, each under its own condition, and one conflict") {
    std::string stage = "stage 1 \"S\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"\n";
    for (int i = 0; i < many; ++i) stage += "  when unresolved if \"case " + std::to_string(i) + "\": go to stage 2\n";
    stage += "  when unresolved if \"case 7\": end\n}\n";
    auto [codes, seconds] = codes_and_seconds(small_protocol + calendar + stage + last_stage);
    CHECK(codes == std::multiset<std::string>{"S008"});
    CHECK(seconds < 5);
  }
  SECTION("an agency of 200,000 lines, one name given twice") {
    std::string agency = "agency police \"Police\" {\n";
    for (int i = 0; i < many; ++i) agency += "  line " + std::to_string(i) + " \"Line\" {\n  }\n";
    agency += "  line 7 \"Again\" {\n  }\n}\n";
    auto [codes, seconds] = codes_and_seconds(small_protocol + calendar + agency + last_stage);
    CHECK(codes == std::multiset<std::string>{"N002"});
    CHECK(seconds < 5);
  }
  SECTION("a calendar that lists one day 200,000 times") {
    auto [codes, seconds] =
        codes_and_seconds(small_protocol + "calendar local \"Local\" {\n  data from 2026 to 2026\n" +
                          repeated("  bank holiday 2026-12-25\n", many) + "}\n" +
                          "stage 1 \"Only\" {\n  within 2 working days\n  contact \"A\" phone \"01234 567890\"\n"
                          "  final binding\n}\n");
    CHECK(codes.count("G011") == many - 1);
    CHECK(codes.size() == many - 1);
    CHECK(seconds < 5);
  }
}
