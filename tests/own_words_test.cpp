// Facts real documents state that no fixed verb or relation held: a duty in the document's
// own words, a document the protocol does not replace (or is separate from), where an
// excluded case goes instead, who oversees the protocol, a duty kept under another
// document's rules.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/backends/chart.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/backends/protocol_text.hpp"
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

namespace {

struct Shown {
  nlohmann::json json;
  std::string page;
  std::string outline;
  std::vector<std::string> findings;
};

// The protocol with these lines in its block and `after` after the stages, as the JSON,
// the page and the outline show it.
Shown shown(const std::string& protocol_lines, const std::string& after = {}) {
  std::string text = esc::test::clean_header;
  text.insert(text.find("}\n"), protocol_lines);
  auto checked = esc::test::check_text(text + R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  parties "Manager" to "Manager"
  within 3 working days
  contact "Partnership Manager" email "partnership@example.gov.uk"
  final binding
}
)" + after);
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  auto text_of_page = esc::backends::protocol_text(file.model, file.analyses, chart);
  return {nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc")),
          text_of_page.standing + text_of_page.in_full, esc::backends::outline_text(chart),
          esc::test::findings_of(checked)};
}

}  // namespace

TEST_CASE("the ways escalation can be made keep the document's 'or'", "[relations]") {
  auto protocol = protocol_json(R"(  via "telephone", "face-to-face", "email" or "a meeting"
)");
  const auto& via = protocol["via"].at(0);
  CHECK(via["ways"] == nlohmann::json::array({"telephone", "face-to-face", "email", "a meeting"}));
  CHECK(via["joined_by"] == nlohmann::json::array({",", ",", "or"}));
  auto page = shown(R"(  via "telephone" or "email"
)").page;
  CHECK(page.find("Escalation can be via") != std::string::npos);
  CHECK(page.find("telephone or email") != std::string::npos);
}

TEST_CASE("a procedure the document does not call formal is never called formal", "[structure]") {
  auto plain = shown(R"(  should procedure from stage 2 if "the professionals' own discussion does not resolve it"
)");
  CHECK(plain.json["protocol"]["procedure_from"] ==
        nlohmann::json{{"stage", 2}, {"started_by", nullptr}, {"if", "the professionals' own discussion does not resolve it"},
                       {"modality", "should"}});
  CHECK_FALSE(plain.json["protocol"].contains("formal_from"));
  CHECK(plain.outline.find("The procedure should start here, if the professionals' own discussion does not resolve "
                           "it.") != std::string::npos);
  for (const auto& said : {plain.page, plain.outline, plain.json.dump()}) {
    CHECK(said.find("formal") == std::string::npos);
    CHECK(said.find("Formal") == std::string::npos);
  }
  auto formal = shown(R"(  formal procedure from stage 2
)");
  CHECK(formal.json["protocol"]["formal_from"] == nlohmann::json{{"stage", 2}, {"started_by", nullptr}});
  CHECK(formal.outline.find("The formal procedure starts here.") != std::string::npos);
  auto missing = shown(R"(  procedure from stage 4
)");
  CHECK(std::find(missing.findings.begin(), missing.findings.end(),
                  "warning[S011] 5:3 the protocol says the procedure starts at stage 4, but it has no stage 4") !=
        missing.findings.end());
}

TEST_CASE("a partnership known only by its abbreviation is never given a name", "[relations]") {
  auto page = shown(R"(  partnership as LSAB
)");
  const auto& partnership = page.json["protocol"]["partnerships"].at(0);
  CHECK(partnership["name"].is_null());
  CHECK(partnership["short_name"] == "LSAB");
  CHECK(page.page.find("LSAB (the document does not give its name in full)") != std::string::npos);
  // No letters to match against a name: G013 has nothing to say.
  CHECK(page.findings.empty());
}

TEST_CASE("the kinds of case and disagreement covered keep the document's joins, and 'only' where it is said",
          "[relations]") {
  auto protocol = protocol_json(R"(  covers children, families
  covers cases "contacts and referrals to the Gateway" and "current allocated cases"
  covers only disagreements "between agencies"
)");
  CHECK(protocol["covers"] == nlohmann::json::array({"children", "families"}));
  const auto& kinds = protocol["covers_kinds"];
  REQUIRE(kinds.size() == 2);
  CHECK(kinds[0] == nlohmann::json{{"of", "cases"},
                                   {"only", false},
                                   {"kinds", {"contacts and referrals to the Gateway", "current allocated cases"}},
                                   {"joined_by", {"and"}}});
  CHECK(kinds[1]["of"] == "disagreements");
  CHECK(kinds[1]["only"] == true);
  auto page = shown(R"(  covers disagreements "inter-agency professional challenges"
)").page;
  CHECK(page.find("Covers disagreements") != std::string::npos);
  CHECK(page.find("only") == std::string::npos);
}

TEST_CASE("complaints about the partnership are shown apart, and their duties hold at no stage", "[relations]") {
  auto page = shown("", R"(complaints about "the decisions of the partnership" {
  contact "Executive Group" email "executive@example.gov.uk"
  should duty "alert the Independent Scrutineer" by "the Executive Group"
}
)");
  const auto& complaint = page.json["complaints"].at(0);
  CHECK(complaint["about"] == "the decisions of the partnership");
  CHECK(complaint["contacts"].at(0)["title"] == "Executive Group");
  CHECK(complaint["duties"].at(0)["object"] == "alert the Independent Scrutineer");
  CHECK(page.json["protocol"]["duties"].empty());
  for (const auto& stage : page.json["stages"]) CHECK(stage["duties"].empty());
  CHECK(page.page.find("Complaints about the decisions of the partnership") != std::string::npos);
  CHECK(page.page.find("alert the Independent Scrutineer") != std::string::npos);
  CHECK(page.findings.empty());
  // A contact there with no way to reach it is reported as any other is.
  auto unreachable = shown("", R"(complaints about "the decisions of the partnership" {
  contact "Executive Group"
}
)");
  CHECK_FALSE(unreachable.findings.empty());
}

TEST_CASE("who makes a final decision is shown, and counts as naming the decision-maker", "[structure]") {
  std::string text = esc::test::clean_header;
  auto checked = esc::test::check_text(text + R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  when unresolved: go to stage 2
}
stage 2 "Chair" {
  within 5 working days
  decided by "the Partnership Chair"
  final binding
}
)");
  // Without `decided by` this stage names nobody, and S010 reports it.
  for (const auto& finding : esc::test::findings_of(checked)) CHECK(finding.find("[S010]") == std::string::npos);
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"].at(1)["decided_by"] == "the Partnership Chair");
  CHECK_FALSE(json["stages"].at(0).contains("decided_by"));
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  auto page = esc::backends::protocol_text(file.model, file.analyses, chart).in_full;
  CHECK(page.find("Decided by") != std::string::npos);
}
