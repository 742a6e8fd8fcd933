// Constructs real documents needed: a date given as a year alone, kept as a year; a
// stage that says to contact all of its contacts, or any one of them; the duty "agree".
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "compiler/backends/json.hpp"
#include "tests/support.hpp"

namespace {

nlohmann::json model_json(const esc::test::Checked& checked) {
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  return nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
}

const std::string stages = R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  final binding
}
)";

}  // namespace

TEST_CASE("a year alone is kept as a year, never read as 1 January", "[dates]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  dated 2019
  approved by "Board" on 2019
  last reviewed 2025
  review due 2026
  amended 2021 "contact details updated"
}
immediate risk {
  immediately
}
)" + stages);
  // Due by the end of 2026: not yet overdue on 23 November 2026.
  CHECK(esc::test::findings_of(checked).empty());
  auto json = model_json(checked);
  CHECK(json["protocol"]["dated"] == "2019");
  CHECK(json["protocol"]["approvals"][0]["date"] == "2019");
  CHECK(json["protocol"]["last_reviewed"] == "2025");
  CHECK(json["protocol"]["review_due"] == "2026");
  CHECK(json["protocol"]["amendments"][0]["date"] == "2021");
}

TEST_CASE("a review due in a year alone is overdue only once that year has ended", "[dates]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2024
  review due 2025
}
immediate risk {
  immediately
}
)" + stages);
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{"warning[G001] 4:14 the review of this protocol was due by 2025, 10 months before "
                                 "today (23 November 2026)"});
  // Counted from the last month of the year: the latest the review can be due.
  auto annually = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  dated 2025
  review annually
}
immediate risk {
  immediately
}
)" + stages);
  auto found = esc::test::findings_of(annually);
  CHECK(std::none_of(found.begin(), found.end(), [](const std::string& f) { return f.find("G001") != std::string::npos; }));
}

TEST_CASE("a bank holiday given as a year alone is refused", "[dates]") {
  auto parsed = esc::test::parse_text("calendar local \"Local\" {\n  bank holiday 2025 \"Some day\"\n}\n");
  REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P008 2:16"});
  CHECK(parsed.sink.diagnostics()[0].message ==
        "a bank holiday is a day, but 2025 gives only a year; write the day too, such as 2025-01-01");
}

TEST_CASE("a stage says to contact all of its contacts, or any one, or neither", "[contacts]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contacts all
  contact "Team Manager" email "tm@example.gov.uk"
  contact "Service Manager" email "sm@example.gov.uk"
  when unresolved: go to stage 2
}
stage 2 "Heads of service" {
  within 3 working days
  contacts any one
  contact "Head of Children's Services" email "hcs@example.gov.uk"
  contact "Head of Early Help" email "heh@example.gov.uk"
  when unresolved: go to stage 3
}
stage 3 "Directors" {
  within 5 working days
  contact "Director" email "d@example.gov.uk"
  contact "Deputy Director" email "dd@example.gov.uk"
  final binding
}
)");
  CHECK(esc::test::findings_of(checked).empty());
  auto json = model_json(checked);
  CHECK(json["stages"][0]["contacts_join"] == "all of these");
  CHECK(json["stages"][1]["contacts_join"] == "any one of these");
  // A list the document does not join says neither.
  CHECK_FALSE(json["stages"][2].contains("contacts_join"));
}

TEST_CASE("'agree' is a duty, as the documents write it", "[duties]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  must agree "the timeframes for a response"
  final binding
}
)");
  CHECK(esc::test::findings_of(checked).empty());
  auto duty = model_json(checked)["stages"][0]["duties"].at(0);
  CHECK(duty["verb"] == "agree");
  CHECK(duty["object"] == "the timeframes for a response");
  CHECK(duty["modality"] == "must");
}
