// What people and machines see: the human layout with its caret, colour only when
// asked for, and JSON with the fields CI tools read.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "compiler/render.hpp"
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
  CHECK(d["message"] == "'step' cannot go in an agency; it belongs in a stage or a route");
  REQUIRE(d["notes"].size() == 1);
  CHECK(d["notes"][0]["line"] == 1);
}

TEST_CASE("the summary counts errors and files", "[render]") {
  auto parsed = esc::test::parse_text("stgae\nnonsense\n");
  CHECK(esc::render_summary(parsed.sink, 1, {}) == "escc: 2 errors in 1 file\n");
  esc::DiagnosticSink empty;
  CHECK(esc::render_summary(empty, 5, {}) == "escc: no problems found in 5 files\n");
}
