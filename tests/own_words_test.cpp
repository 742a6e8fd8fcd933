// Facts real documents state that no fixed verb or relation held: a duty in the document's
// own words, a document the protocol does not replace (or is separate from), where an
// excluded case goes instead, who oversees the protocol, a duty kept under another
// document's rules.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "compiler/backends/json.hpp"
#include "tests/support.hpp"

namespace {

nlohmann::json protocol_json(const std::string& protocol_lines) {
  // The clean header's protocol block, with these lines added at its end.
  std::string text = esc::test::clean_header;
  text.insert(text.find("}\n"), protocol_lines);
  auto checked = esc::test::check_text(text + R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  final binding
}
)");
  CHECK(esc::test::findings_of(checked).empty());
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  return nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"))["protocol"];
}

}  // namespace

TEST_CASE("a duty in the document's own words keeps its strength, who, condition and purpose", "[duties]") {
  auto protocol = protocol_json(
      R"(  must duty "prioritise relevant assessments" by "All partners" if "there is a disagreement" purpose "to enable discharge"
  duty "the ACYP to remain in the care setting"
)");
  auto duty = protocol["duties"].at(0);
  CHECK(duty["verb"] == "duty");
  CHECK(duty["object"] == "prioritise relevant assessments");
  CHECK(duty["modality"] == "must");
  CHECK(duty["by"] == "All partners");
  CHECK(duty["condition"] == "there is a disagreement");
  CHECK(duty["purpose"] == "to enable discharge");
  CHECK(duty["holds"] == "at every stage");
  // "It is good practice": no must, should or may is written, and none is made up.
  CHECK_FALSE(protocol["duties"].at(1).contains("modality"));
}

TEST_CASE("what a protocol does not replace, or is separate from, keeps the document's word", "[relations]") {
  auto protocol = protocol_json(R"(  does not replace "the statutory complaints process", "single-agency procedures"
  separate from "the Practice Alert Procedure"
)");
  const auto& kept = protocol["does_not_replace"];
  REQUIRE(kept.size() == 3);
  CHECK(kept[0]["document"] == "the statutory complaints process");
  CHECK(kept[1]["said"] == "does not replace");
  CHECK(kept[2]["document"] == "the Practice Alert Procedure");
  CHECK(kept[2]["said"] == "separate from");
}

TEST_CASE("an exclusion says where the case goes instead; a duty is kept under another document", "[relations]") {
  auto protocol = protocol_json(R"(  excludes "disagreements within the same agency" instead "the internal escalation protocol"
  excludes "complaints"
  overseen by "the LSCB" purpose "making sure that lessons are learned"
  record "all activity" on "the agency records" under "the agency's recording policy"
)");
  CHECK(protocol["excludes"].size() == 2);
  REQUIRE(protocol["excluded_instead"].size() == 1);
  CHECK(protocol["excluded_instead"][0]["excluded"] == "disagreements within the same agency");
  CHECK(protocol["excluded_instead"][0]["instead"] == "the internal escalation protocol");
  CHECK(protocol["overseen_by"][0]["by"] == "the LSCB");
  CHECK(protocol["overseen_by"][0]["purpose"] == "making sure that lessons are learned");
  CHECK(protocol["duties"][0]["under"] == "the agency's recording policy");
}

TEST_CASE("'does not replace' and 'overseen by' say what is missing", "[relations]") {
  auto checked = esc::test::check_text(R"(protocol "P" {
  does not "complaints"
}
)");
  auto found = esc::test::findings_of(checked);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].find("expected 'does not replace'") != std::string::npos);
}

TEST_CASE("the situations a protocol is used in keep the document's joining words", "[relations]") {
  auto protocol = protocol_json(R"(  used when "a decision is challenged" and / or "an agency fails to act"
  used when "x", "y", or "z"
)");
  const auto& first = protocol["used_when"][0];
  CHECK(first["situations"].size() == 2);
  CHECK(first["joined_by"] == nlohmann::json::array({"and/or"}));
  // "or" is never read as "and": each join is the document's own.
  CHECK(protocol["used_when"][1]["joined_by"] == nlohmann::json::array({",", "or"}));
}
