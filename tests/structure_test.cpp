// What protocols say about their structure, kept from the text to every output: duties
// of the whole protocol written once, duties owed to one of several, who acts at a step
// and on what condition, outcomes of many actions, and stages the document does not name.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/analysis/deadlines.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/semantic_diff.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/deadlines_report.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/model/dates.hpp"
#include "tests/support.hpp"

namespace {

using esc::model::StageKind;

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

const char* const whole_protocol_duties = R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  must record "accurate actions and decisions" on "the file"
    source "Ensure that at all stages of the process, accurate actions and decisions are recorded"
  should give feedback to "the person who raised the concern" at every formal stage
}
immediate risk {
  immediately
}
informal stage "Practitioner discussion" {
  parties "Practitioners"
  when unresolved: go to stage 1
}
stage 1 "Line managers" {
  parties "Line manager" to "Line manager"
  within 2 working days
  notify "the Designated Nurse" to "the Named GP" or "the Safeguarding Lead"
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Directors" {
  within 3 working days
  contact "Director" phone "01234 567891"
  final binding
}
route chair "Referral to the Chair" {
  entry from any stage if "concerns about management direction"
  within 5 working days
  contact "Chair" phone "01234 567892"
  final binding
}
)";

// The one file checked, which must resolve and draw no finding.
const auto& clean_file(const esc::test::Checked& checked) {
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  CHECK(esc::test::findings_of(checked).empty());
  return file;
}

}  // namespace

TEST_CASE("a duty of the whole protocol is written once and holds at every stage", "[structure]") {
  auto checked = esc::test::check_text(whole_protocol_duties);
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  const auto& model = file.model;
  REQUIRE(model.protocol->duties.size() == 2);
  CHECK_FALSE(model.protocol->duties[0].formal_stages_only);
  CHECK(model.protocol->duties[1].formal_stages_only);

  // The informal stage and the route take the duty for every stage, not the one for
  // formal stages; each stage's own duties come first.
  auto held_at = [&](std::size_t stage) {
    std::vector<std::string> words;
    for (const auto& held : esc::analysis::duties_at(model, model.stages.at(stage))) {
      words.push_back(esc::analysis::duty_words(*held.duty, model) + (held.whole_protocol ? " *" : ""));
    }
    return words;
  };
  CHECK(model.stages[0].kind == StageKind::informal);
  CHECK(held_at(0) == std::vector<std::string>{"Must record accurate actions and decisions on the file *"});
  CHECK(held_at(1) ==
        std::vector<std::string>{"Notify the Designated Nurse to the Named GP or the Safeguarding Lead",
                                 "Must record accurate actions and decisions on the file *",
                                 "Should give feedback to the person who raised the concern *"});
  CHECK(model.stages[3].kind == StageKind::route);
  CHECK(held_at(3) == std::vector<std::string>{"Must record accurate actions and decisions on the file *"});
  // The immediate-risk rule stands apart from the escalation.
  CHECK(esc::analysis::duties_at(model, *model.immediate_risk).empty());
}

TEST_CASE("a duty of the whole protocol is shown once in the JSON and the page, and at every stage by deadlines",
          "[structure]") {
  auto checked = esc::test::check_text(whole_protocol_duties);
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  const auto& duties = json["protocol"]["duties"];
  REQUIRE(duties.size() == 2);
  CHECK(duties[0]["holds"] == "at every stage");
  CHECK(duties[0]["modality"] == "must");
  CHECK(duties[0]["quotes"].size() == 1);
  CHECK(duties[1]["holds"] == "at every formal stage");
  for (const auto& stage : json["stages"]) CHECK(stage["duties"].size() <= 1);
  CHECK(json["stages"][1]["duties"][0]["to_one_of"] == true);

  auto chart = esc::backends::chart_of(file.model, file.analyses);
  auto page = esc::backends::emit_html({&file.model, &file.analyses, &chart, "", "test.esc", {}});
  CHECK(occurrences(page, "accurate actions and decisions on the file") == 1);
  CHECK(occurrences(page, "Ensure that at all stages of the process") == 1);
  CHECK(occurrences(page, "href=\"#every-stage\"") == 4);  // the informal stage, both stages and the route
  CHECK(occurrences(page, "(at every formal stage)") == 1);

  esc::analysis::DeadlineOptions options;
  options.start = esc::day_number({2026, 12, 1});
  auto deadlines = esc::analysis::work_out_deadlines(file.model, file.analyses, options);
  auto text = esc::backends::render_deadlines_text(deadlines, file.model);
  CHECK(occurrences(text, "Must record accurate actions and decisions on the file (at every stage)") == 2);
  CHECK(occurrences(text, "Should give feedback to the person who raised the concern (at every formal stage)") == 2);
  CHECK(occurrences(text, "Notify the Designated Nurse to the Named GP or the Safeguarding Lead\n") == 1);
  auto report = nlohmann::json::parse(esc::backends::render_deadlines_json(deadlines, file.model));
  CHECK(report["stages"][0]["duties"][0] ==
        nlohmann::json{{"duty", "Notify the Designated Nurse to the Named GP or the Safeguarding Lead"},
                       {"holds", "at this stage"}});
  CHECK(report["stages"][1]["duties"].size() == 2);
}

TEST_CASE("'at every stage' belongs on a duty in the protocol block", "[structure]") {
  auto parsed = esc::test::parse_text(R"(stage 1 "Managers" {
  record "the outcome" at every stage
  when resolved: notify "the Chair" at all formal stages, then end
}
)");
  CHECK(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P004 2:24", "P004 3:37"});
  REQUIRE_FALSE(parsed.sink.diagnostics().empty());
  CHECK(parsed.sink.diagnostics()[0].message ==
        "'at every stage' says where a duty of the whole protocol holds, and belongs on a duty in the protocol "
        "block; here the duty holds in a stage alone");
}

TEST_CASE("a duty's list of whom it is owed to ends before the outcome's next action", "[structure]") {
  auto parsed = esc::test::parse_text(R"(stage 1 "Managers" {
  when resolved: update resolution to "the HSCP Partnership Team", then end
  when unresolved: notify to "A", "B" or "C", record "the outcome", then should go to stage 2
}
)");
  REQUIRE(parsed.sink.diagnostics().empty());
  const auto& body = parsed.file.statements.at(0).body;
  REQUIRE(body.size() == 2);
  REQUIRE(body[0].body.size() == 2);
  CHECK(body[0].body[1].keyword == esc::ast::Keyword::end);
  REQUIRE(body[1].body.size() == 3);
  CHECK(body[1].body[1].keyword == esc::ast::Keyword::duty);
  CHECK(body[1].body[2].keyword == esc::ast::Keyword::go_to);
}

TEST_CASE("names joined by 'or' are alternatives of one duty; 'and' and 'or' together are refused", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  when resolved: notify to "the Designated Nurse" or "the Named GP", then end
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  const auto& outcome = file.model.stages.at(0).outcomes.at(0);
  REQUIRE(outcome.duties.size() == 1);
  CHECK(outcome.duties[0].to_one_of);
  CHECK(outcome.duties[0].to.size() == 2);
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  CHECK(chart.nodes.at(1).moves.at(0) ==
        "When resolved: notify to the Designated Nurse or the Named GP, then the disagreement is closed");

  auto mixed = esc::test::parse_text(R"(stage 1 "Managers" {
  notify to "A" and "B" or "C"
}
)");
  CHECK(esc::test::codes_and_places(mixed) == std::vector<std::string>{"P002 2:25"});
  REQUIRE(mixed.sink.diagnostics().size() == 1);
  CHECK(mixed.sink.diagnostics()[0].message ==
        "this list joins its names with both 'and' and 'or', so escc cannot tell who must all be told and who are "
        "alternatives: write one duty for each group, or quote the document's words as one text");
}

TEST_CASE("a step says who acts and on what condition, and whether it may be taken", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  step "Discuss the concern" within 2 working days by "the practitioner"
  may step "Refer to the Head of Service" within 3 working days by "the Team Manager" if "not agreed"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  const auto& steps = file.model.stages.at(0).steps;
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].by->value == "the practitioner");
  CHECK_FALSE(steps[0].condition);
  CHECK(steps[1].by->value == "the Team Manager");
  CHECK(steps[1].condition->value == "not agreed");
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  const auto& second = json["stages"][0]["steps"][1];
  CHECK(second["by"] == "the Team Manager");
  CHECK(second["condition"] == "not agreed");
  CHECK(second["modality"] == "may");
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  const auto& shown = chart.nodes.at(1).steps.at(1);
  CHECK(shown.title == "Refer to the Head of Service, by the Team Manager, if not agreed");
  CHECK(shown.timeframe == "may be done within 3 working days");

  auto twice = esc::test::parse_text(R"(stage 1 "Managers" {
  step "Refer" by "the manager" by "the director"
}
)");
  CHECK(esc::test::codes_and_places(twice) == std::vector<std::string>{"P002 2:33"});
}

TEST_CASE("a stage the document does not name is known by its number alone, everywhere", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(informal stage {
  parties "Practitioners"
  when unresolved: go to stage 1
}
stage 1 {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Stage 2" {
  within 3 working days
  contact "Director" phone "01234 567891"
  final binding
}
)");
  const auto& file = clean_file(checked);
  const auto& stages = file.model.stages;
  CHECK(stages.at(0).heading() == "Informal stage");
  CHECK(stages.at(1).heading() == "Stage 1");
  CHECK(stages.at(2).heading() == "Stage 2");  // a title that only repeats the number
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  CHECK(chart.nodes.at(2).heading == "Stage 1");
  CHECK(chart.nodes.at(3).heading == "Stage 2");
  auto page = esc::backends::emit_html({&file.model, &file.analyses, &chart, "", "test.esc", {}});
  CHECK(occurrences(page, "-heading\">Stage 1</h3>") == 1);
  CHECK(occurrences(page, "-heading\">Stage 2</h3>") == 1);
  CHECK(occurrences(page, "Stage 1: Stage 1") == 0);
  CHECK(occurrences(page, "Stage 2: Stage 2") == 0);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][1]["title"].is_null());
  CHECK(json["stages"][2]["title"] == "Stage 2");
  esc::analysis::DeadlineOptions options;
  options.start = esc::day_number({2026, 12, 1});
  auto text = esc::backends::render_deadlines_text(esc::analysis::work_out_deadlines(file.model, file.analyses, options),
                                                   file.model);
  CHECK(occurrences(text, "\nStage 1\n") == 1);
  CHECK(occurrences(text, "\nStage 2\n") == 1);
}

TEST_CASE("the immediate-risk rule may have steps: consult quickly, then refer", "[structure]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
}
immediate risk {
  step "Consult the designated safeguarding lead" immediately
  step "Refer to children's social care" same working day by "the designated safeguarding lead"
}
stage 1 "Managers" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  REQUIRE(file.model.immediate_risk->steps.size() == 2);
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  REQUIRE(chart.nodes.at(0).steps.size() == 2);
  CHECK(chart.nodes[0].steps[1].title == "Refer to children's social care, by the designated safeguarding lead");
  auto page = esc::backends::emit_html({&file.model, &file.analyses, &chart, "", "test.esc", {}});
  CHECK(occurrences(page, "<li>Consult the designated safeguarding lead, immediately.") == 1);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["immediate_risk"]["steps"].size() == 2);
}

TEST_CASE("a step taken only on a condition counts from nothing to its time", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  step "Discuss" within 2 working days
  step "Refer to the Head of Service" within 3 working days if "not agreed"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{2, 5});
}

TEST_CASE("a second timeframe on a stage is read with the first, never dropped", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  immediately
  within 3 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Directors" {
  within 2 working days
  contact "Director" phone "01234 567891"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{0, 3});
  CHECK(file.analyses.totals.at(1).computed == esc::model::WorkingDays{2, 5});
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  CHECK(chart.nodes.at(1).timeframe == "immediately; within 3 working days");
}

TEST_CASE("escc diff names a stage the document does not name by its number alone", "[structure]") {
  auto before = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  auto after = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 {
  within 3 working days
  contact "Director" phone "01234 567891"
  final binding
}
)");
  const auto& a = before.run.files.at(0);
  const auto& b = after.run.files.at(0);
  REQUIRE(a.resolved);
  REQUIRE(b.resolved);
  std::vector<std::string> described;
  for (const auto& change : esc::analysis::semantic_diff(a.model, a.analyses, b.model, b.analyses)) {
    described.push_back(change.description);
  }
  CHECK(std::find(described.begin(), described.end(), "stage 2 is new, taking 3 working days") != described.end());
  for (const auto& words : described) CHECK(words.find("\"\"") == std::string::npos);
}

TEST_CASE("a time stated in two units keeps both, as written", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  within a further 48 hours (two working days) from "the referral"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  // The two agree on an ordinary weekday and part over a weekend, which T013 reports.
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto findings = esc::test::findings_of(checked);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rfind("warning[T013]", 0) == 0);
  const auto& timeframe = file.model.stages.at(0).timeframes.at(0);
  CHECK(timeframe.further);
  REQUIRE(timeframe.also_stated);
  CHECK(timeframe.describe() == "within a further 48 hours (2 working days) from the referral");
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{2, 2});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][0]["timeframes"][0]["also_stated"]["text"] == "2 working days");
}
