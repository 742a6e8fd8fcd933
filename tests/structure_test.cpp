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
#include "compiler/backends/dot.hpp"
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

TEST_CASE("a time counted from a named step runs from that step's start or end, as written", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  parties "Manager" to "Manager"
  step "Raise the matter" within 2 working days
  step "Strategy meeting" within 3 working days from the start of step "Raise the matter"
  step "Share the plan" within 2 working days from the end of step "Strategy meeting"
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Directors" {
  parties "Director" to "Director"
  step "Convene" within 2 working days
  within 1 working day of step "Convene"
  contact "Director" phone "01234 567891"
  final binding
}
)");
  const auto& file = clean_file(checked);
  const auto& meeting = file.model.stages.at(0).steps.at(1);
  REQUIRE(meeting.timeframe);
  REQUIRE(meeting.timeframe->after_step);
  CHECK(meeting.timeframe->after_step->index == 0);
  CHECK(meeting.timeframe->describe() == "within 3 working days from the start of step \"Raise the matter\"");
  // Raise 2; the meeting from its start, 3; the plan from the meeting's end, 3 + 2.
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{5, 5});
  // Not said which: from the start (0) or the end (2) of Convene, then 1; the stage
  // lasts until Convene ends too.
  CHECK(file.analyses.durations.stages.at(1).own == esc::model::WorkingDays{2, 3});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][0]["steps"][2]["timeframe"]["after_step"] ==
        nlohmann::json{{"step", "Strategy meeting"}, {"from", "end"}});
  CHECK(json["stages"][1]["timeframes"][0]["after_step"]["from"].is_null());
}

TEST_CASE("a time counted from a step with no time of its own is not known, never guessed", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  parties "Manager" to "Manager"
  step "Meeting"
  within 2 working days from the end of step "Meeting"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  REQUIRE(checked.run.files.at(0).resolved);
  CHECK_FALSE(checked.run.files.at(0).analyses.durations.stages.at(0).own);
}

TEST_CASE("a time counts from a step of its own stage written before it, and nowhere else", "[structure]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  resolve within 10 working days of step "Meeting"
}
immediate risk {
  immediately
}
stage 1 "Managers" {
  parties "Manager" to "Manager"
  step "First" within 2 working days from the end of step "Second"
  step "Second" within 2 working days
  within 1 working day of step "Meting"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{
            "error[N001] 5:34 there is no step 'Meeting' here: a time counts from a step only in the stage that holds "
            "the step",
            "error[N001] 12:38 step 'Second' comes later in stage 1: a step's time counts from a step before it",
            "error[N001] 14:24 stage 1 has no step 'Meting'"});
}

TEST_CASE("a target that combines two times reads the one its word picks", "[structure]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  resolve within one working week or 4 working days, whichever is less
}
immediate risk {
  immediately
}
stage 1 "Managers" {
  parties "Manager" to "Manager"
  within 3 working days or 24 hours, whichever is later
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Directors" {
  parties "Director" to "Director"
  within 5 days or one working week, whichever is sooner
  contact "Director" phone "01234 567891"
  final binding
}
)");
  REQUIRE(checked.run.files.at(0).resolved);
  const auto& file = checked.run.files.at(0);
  const auto& target = file.model.protocol->targets.at(0).timeframe;
  CHECK(target.working_days() == esc::model::WorkingDays{4, 4});
  CHECK(target.describe() == "within 1 working week or 4 working days, whichever is less");
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{3, 3});
  // 5 days of no stated unit are 3-5 working days; the sooner of that and 5 is 3-5.
  CHECK(file.analyses.durations.stages.at(1).own == esc::model::WorkingDays{3, 5});
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{
            "warning[T003] 5:11 the protocol aims to resolve disagreements within 1 working week or 4 working days, "
            "whichever is less, but its stages up to stage 2 can take 3 + 3-5 = 6-8 working days",
            "warning[T011] 18:3 the unit of '5 days' is not stated; read as 5 working days or 5 calendar days"});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["protocol"]["targets"][0]["timeframe"]["alternative"]["whichever_is"] == "less");
  CHECK(json["protocol"]["targets"][0]["timeframe"]["working_days"] == nlohmann::json{{"low", 4}, {"high", 4}});
}

TEST_CASE("a stage that may be held says so everywhere, and its time is never certain", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  parties "Manager" to "Manager"
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
may stage 2 "Meeting" {
  parties "Director" to "Director"
  within 3 working days
  contact "Director" phone "01234 567891"
  final binding
}
)");
  const auto& file = clean_file(checked);
  const auto& meeting = file.model.stages.at(1);
  CHECK(meeting.modality == esc::model::Modality::may);
  CHECK(meeting.heading() == "Stage 2: Meeting (may take place)");
  CHECK(file.analyses.durations.stages.at(1).own == esc::model::WorkingDays{0, 3});
  CHECK(file.analyses.totals.at(1).end == esc::model::WorkingDays{2, 5});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][1]["modality"] == "may");
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  CHECK(esc::backends::emit_dot(chart).find("Stage 2: Meeting (may take place)") != std::string::npos);
}

TEST_CASE("'by' may name several, one of whom acts", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  parties "Manager" to "Manager"
  within 2 working days
  by "the Chair" or "the Business Manager"
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  REQUIRE(checked.run.files.at(0).resolved);
  const auto& file = checked.run.files.at(0);
  CHECK(file.model.stages.at(0).actor_words() == "the Chair or the Business Manager");
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][0]["by"] == "the Chair");
  CHECK(json["stages"][0]["or_by"] == nlohmann::json::array({"the Business Manager"}));
}

TEST_CASE("variants of one step by urgency are one step, each with its condition and time", "[structure]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Managers" {
  parties "Manager" to "Manager"
  step "Raise the matter" within 2 working days
  step "Refer to the Head of Service" variant "4 a" within 24 hours if "urgent" variant "4 b" within 5 working days otherwise
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = clean_file(checked);
  const auto& step = file.model.stages.at(0).steps.at(1);
  REQUIRE(step.variants.size() == 2);
  CHECK_FALSE(step.timeframe);
  CHECK(step.variants[0].condition->value == "urgent");
  CHECK(step.variants[1].otherwise);
  CHECK(step.time_words() == "4 a if urgent: within 24 hours; 4 b otherwise: within 5 working days");
  // Whichever is taken: 2 + (1 to 5).
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{3, 7});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][0]["steps"][1]["variants"][1]["label"] == "4 b");
  CHECK(json["stages"][0]["steps"][1]["variants"][1]["otherwise"] == true);

  auto both = esc::test::parse_text(
      "stage 1 \"A\" {\n  step \"Refer\" within 2 working days variant \"4 a\" within 24 hours if \"urgent\"\n}\n");
  REQUIRE(esc::test::codes_and_places(both) == std::vector<std::string>{"P002 2:46"});
  CHECK(both.sink.diagnostics()[0].message ==
        "this step already has a timeframe ('within 2 working days'); a step given in variants gives its time in "
        "each variant");
}

TEST_CASE("where the formal procedure starts is one statement, shown, and where formal duties start", "[structure]") {
  auto checked = esc::test::check_text(R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  formal procedure from stage 2 started by "sending the escalation form"
  should give feedback to "the person who raised the concern" at every formal stage
}
immediate risk {
  immediately
}
stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  within 2 working days
  when unresolved: go to stage 2
}
stage 2 "Partnership" {
  parties "Manager" to "Manager"
  within 5 working days
  contact "Partnership Manager" email "partnership@example.gov.uk"
  final binding
}
)");
  const auto& file = clean_file(checked);
  CHECK(esc::analysis::duties_at(file.model, file.model.stages.at(0)).empty());
  CHECK(esc::analysis::duties_at(file.model, file.model.stages.at(1)).size() == 1);
  auto chart = esc::backends::chart_of(file.model, file.analyses);
  CHECK(esc::backends::emit_dot(chart).find("The formal procedure starts here") != std::string::npos);
  CHECK(esc::backends::outline_text(chart).find(
            "The formal procedure starts here, started by sending the escalation form.") != std::string::npos);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["protocol"]["formal_from"] ==
        nlohmann::json{{"stage", 2}, {"started_by", "sending the escalation form"}});
}
