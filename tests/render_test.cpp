// What people and machines see: the human layout with its caret, colour only when
// asked for, and JSON with the fields CI tools read.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "compiler/findings/render.hpp"
#include "tests/support.hpp"

TEST_CASE("human output shows the line and a caret under the exact place", "[render]") {
  auto parsed = esc::test::parse_text("stage 1 \"One\" {\n  step \"Gw\xC5\xB5r\" within soon\n}\n", "x.esc");
  REQUIRE(parsed.sink.diagnostics().size() == 1);
  auto text = esc::render_human(parsed.sink.diagnostics()[0], parsed.sources, {});
  CHECK(text ==
        "error[P002]: expected a duration such as '2 working days' after 'within', but found 'soon'\n"
        "  --> x.esc:2:22\n"
        "  |\n"
        "2 |   step \"Gw\xC5\xB5r\" within soon\n"
        "  |                      ^^^^\n");
}

TEST_CASE("colour is used only when asked for", "[render]") {
  auto parsed = esc::test::parse_text("stgae 1\n");
  const auto& d = parsed.sink.diagnostics()[0];
  CHECK(esc::render_human(d, parsed.sources, {false}).find('\x1b') == std::string::npos);
  CHECK(esc::render_human(d, parsed.sources, {true}).find('\x1b') != std::string::npos);
}

TEST_CASE("JSON output is an array with code, severity, place, message and notes", "[render]") {
  auto parsed = esc::test::parse_text("agency a \"A\" {\n  step \"x\"\n}\n", "y.esc");
  auto json = nlohmann::json::parse(esc::render_json(parsed.sink.diagnostics(), parsed.sources));
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 1);
  const auto& d = json[0];
  CHECK(d["code"] == "P004");
  CHECK(d["severity"] == "error");
  CHECK(d["file"] == "y.esc");
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 3);
  CHECK(d["message"] == "'step' cannot go in an agency; it belongs in the immediate risk block, a stage or a route");
  REQUIRE(d["notes"].size() == 1);
  CHECK(d["notes"][0]["line"] == 1);
}

TEST_CASE("the summary counts errors and files", "[render]") {
  auto parsed = esc::test::parse_text("stgae\nnonsense\n");
  CHECK(esc::render_summary(parsed.sink, 1, {}) == "escc: 2 errors in 1 file\n");
  esc::DiagnosticSink empty;
  CHECK(esc::render_summary(empty, 5, {}) == "escc: no problems found in 5 files\n");
}

namespace {

// The parts of the SARIF 2.1.0 schema that code-scanning services rely on.
void check_sarif_structure(const nlohmann::json& log) {
  REQUIRE(log["version"] == "2.1.0");
  REQUIRE(log["$schema"].is_string());
  REQUIRE(log["runs"].is_array());
  REQUIRE(log["runs"].size() == 1);
  const auto& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "escc");
  CHECK((run["columnKind"] == "unicodeCodePoints" || run["columnKind"] == "utf16CodeUnits"));
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.is_array());
  std::set<std::string> ids;
  for (const auto& rule : rules) {
    REQUIRE(rule["id"].is_string());
    CHECK(ids.insert(rule["id"].get<std::string>()).second);
    CHECK(rule["shortDescription"]["text"].is_string());
    auto level = rule["defaultConfiguration"]["level"];
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
  }
  for (const auto& result : run["results"]) {
    REQUIRE(result["message"]["text"].is_string());
    auto index = result["ruleIndex"].get<std::size_t>();
    REQUIRE(index < rules.size());
    CHECK(result["ruleId"] == rules[index]["id"]);
    auto level = result["level"];
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
    REQUIRE(result["locations"].is_array());
    for (const auto& location : result["locations"]) {
      const auto& physical = location["physicalLocation"];
      CHECK(physical["artifactLocation"]["uri"].is_string());
      if (!physical.contains("region")) continue;
      const auto& region = physical["region"];
      CHECK(region["startLine"].get<int>() >= 1);
      CHECK(region["startColumn"].get<int>() >= 1);
      CHECK(region["endLine"].get<int>() >= region["startLine"].get<int>());
      CHECK(region["endColumn"].get<int>() >= 1);
    }
    for (const auto& related : result.value("relatedLocations", nlohmann::json::array())) {
      CHECK(related["id"].is_number_integer());
      CHECK(related["message"]["text"].is_string());
    }
    for (const auto& suppression : result.value("suppressions", nlohmann::json::array())) {
      CHECK((suppression["kind"] == "inSource" || suppression["kind"] == "external"));
    }
  }
}

}  // namespace

TEST_CASE("SARIF output has the structure of SARIF 2.1.0", "[render][sarif]") {
  auto parsed = esc::test::parse_text("agency a \"A\" {\n  step \"x\"\n}\nstgae 2\n", "z.esc");
  auto log = nlohmann::json::parse(esc::render_sarif(parsed.sink.diagnostics(), parsed.sources, "9.9.9"));
  check_sarif_structure(log);
  CHECK(log["runs"][0]["results"].size() == 2);
  CHECK(log["runs"][0]["tool"]["driver"]["version"] == "9.9.9");
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == esc::all_codes().size());

  // Notes become related locations; allowed findings become suppressions.
  auto diagnostics = parsed.sink.diagnostics();
  diagnostics[0].allowed_because = "agreed by the board";
  auto with_suppression = nlohmann::json::parse(esc::render_sarif(diagnostics, parsed.sources, "9.9.9"));
  check_sarif_structure(with_suppression);
  const auto& result = with_suppression["runs"][0]["results"][0];
  CHECK(result["suppressions"][0]["justification"] == "agreed by the board");
  CHECK(result["relatedLocations"][0]["message"]["text"] == "the block it is in starts here");
}

TEST_CASE("GitHub annotations escape what workflow commands treat specially", "[render][github]") {
  auto parsed = esc::test::parse_text("stgae 1\n", "dir,with:odd%name.esc");
  auto text = esc::render_github(parsed.sink.diagnostics(), parsed.sources);
  CHECK(text ==
        "::error file=dir%2Cwith%3Aodd%25name.esc,line=1,col=1,endLine=1,endColumn=6,"
        "title=P001 unknown-statement::'stgae' is not a statement escc knows%0Adid you mean 'stage'?\n");
  auto diagnostics = parsed.sink.diagnostics();
  diagnostics[0].allowed_because = "allowed";
  CHECK(esc::render_github(diagnostics, parsed.sources).empty());
}
