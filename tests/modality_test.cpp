// Must, should and may, and timeframes given as a guide: kept as the document says
// them, from the parser to the model, the analyses, the findings and the outputs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "compiler/backends/chart.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "tests/support.hpp"

namespace {

using esc::ast::Keyword;
using esc::ast::Tag;
using esc::model::Guidance;
using esc::model::Modality;

}  // namespace

TEST_CASE("a modal word is kept on the statement or outcome action it stands before", "[modality]") {
  auto parsed = esc::test::parse_text(R"(stage 1 "Practitioners" {
  may step "Consult the QA sub group" within 2 working days
  should within 5 working days as a guide
  Must record "the outcome" on "the file"
  when unresolved: may go to stage 2, then should notify "the Chair"
}
)");
  REQUIRE(parsed.sink.diagnostics().empty());
  const auto& body = parsed.file.statements.at(0).body;
  REQUIRE(body.size() == 4);
  CHECK(body[0].keyword == Keyword::step);
  CHECK(body[0].find(Tag::modality)->text == "may");
  CHECK(body[0].span.begin == body[0].find(Tag::modality)->span.begin);
  CHECK(body[1].find(Tag::modality)->text == "should");
  CHECK((body[1].find(Tag::timeframe)->flags & esc::ast::as_a_guide) != 0);
  CHECK(body[2].find(Tag::modality)->text == "Must");
  const auto& actions = body[3].body;
  REQUIRE(actions.size() == 2);
  CHECK(actions[0].keyword == Keyword::go_to);
  CHECK(actions[0].find(Tag::modality)->text == "may");
  CHECK(actions[1].keyword == Keyword::duty);
  CHECK(actions[1].find(Tag::modality)->text == "should");
  CHECK(body[3].find(Tag::modality) == nullptr);
}

TEST_CASE("a modal word where none belongs, or with nothing after it, is an error", "[modality]") {
  auto misplaced = esc::test::parse_text("stage 1 \"A\" {\n  should contact \"Duty Manager\"\n}\n");
  REQUIRE(esc::test::codes_and_places(misplaced) == std::vector<std::string>{"P002 2:3"});
  CHECK(misplaced.sink.diagnostics()[0].message ==
        "'should' cannot go before 'contact': must, should and may go before 'informal stage', 'stage', 'resolve', "
        "'procedure from', 'step', a timeframe or a "
        "duty such as 'record' or 'notify', and after 'when ...:' before 'go to', 'end' or a duty");

  auto nothing_after = esc::test::parse_text("stage 1 \"A\" {\n  may \"Consult\"\n}\n");
  REQUIRE(esc::test::codes_and_places(nothing_after) == std::vector<std::string>{"P002 2:7"});
  CHECK(nothing_after.sink.diagnostics()[0].message ==
        "expected what must, should or may be done, such as 'may step \"...\"', 'should within 2 working days' or "
        "'must record ...', but found text in quotes");

  auto action = esc::test::parse_text("stage 1 \"A\" {\n  when unresolved: may stage 2\n}\n");
  REQUIRE(esc::test::codes_and_places(action) == std::vector<std::string>{"P002 2:24"});
  CHECK(action.sink.diagnostics()[0].message ==
        "expected what must, should or may happen, such as 'may go to stage 4' or 'should record ...', but found "
        "'stage'");

  auto standing = esc::test::parse_text("protocol \"A\" {\n  timeframes binding\n}\n");
  REQUIRE(esc::test::codes_and_places(standing) == std::vector<std::string>{"P002 2:14"});
  CHECK(standing.sink.diagnostics()[0].message ==
        "expected 'from', 'mandatory', 'indicative' or 'as a guide' after 'timeframes', as in 'timeframes "
        "mandatory', but found 'binding'");
}

TEST_CASE("the model keeps must, should, may and guidance, and unstated is not must", "[modality]") {
  auto checked = esc::test::check_text(std::string(R"(protocol "Modality" {
  status live
  should resolve within 10 working days
  timeframes indicative
}
stage 1 "Practitioners" {
  may step "Consult" within 2 working days
  step "Talk" within 1 working day
  must within 3 working days as a guide
  within 4 working days indicative
  should record "the outcome"
  when unresolved: must go to stage 2, then end
}
stage 2 "Managers" {
  within 1 working day
  final
}
)"));
  REQUIRE(checked.run.files.at(0).resolved);
  const auto& model = checked.run.files[0].model;
  const auto& protocol = *model.protocol;
  CHECK(protocol.targets.at(0).timeframe.modality == Modality::should);
  CHECK(protocol.timeframes_indicative.has_value());
  CHECK_FALSE(protocol.timeframes_mandatory.has_value());
  const auto& stage = model.stages.at(0);
  CHECK(stage.steps.at(0).modality == Modality::may);
  CHECK(stage.steps.at(1).modality == Modality::unstated);
  CHECK(stage.timeframes.at(0).modality == Modality::must);
  CHECK(stage.timeframes.at(0).guidance == Guidance::as_a_guide);
  CHECK(stage.timeframes.at(1).modality == Modality::unstated);
  CHECK(stage.timeframes.at(1).guidance == Guidance::indicative);
  CHECK(stage.duties.at(0).modality == Modality::should);
  const auto& actions = stage.outcomes.at(0).actions;
  CHECK(actions.at(0).modality == Modality::must);
  CHECK(actions.at(1).modality == Modality::unstated);
  // A final stage is not a binding one unless the document says so.
  CHECK(model.stages.at(1).final);
  CHECK_FALSE(model.stages.at(1).binding);
}

TEST_CASE("a step that may be taken counts from nothing to its time in the running totals", "[modality]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  step "Talk it through" within 2 working days
  may step "Consult the QA sub group" within 3 working days
  cumulative 5 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{2, 5});
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{"warning[T001] 12:3 by the end of stage 1 the running total is 2 + 0-3 = 2-5 working days, "
                                 "but the protocol says 5"});
}

TEST_CASE("a move that may be made is an option: the main path and S008 follow the others", "[modality]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: may go to stage 3
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  within 3 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 3
}
stage 3 "Directors" {
  within 5 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  const auto& path = file.analyses.flow.main_path;
  REQUIRE(path.size() == 3);
  CHECK(path[1].index == 1);
  CHECK(esc::test::findings_of(checked).empty());
}

TEST_CASE("findings about a timeframe keep the document's word and say when it is advisory", "[modality]") {
  auto checked = esc::test::check_text(R"(protocol "Modality" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  should resolve within 3 working days as a guide covering stages 1 to 2
}
immediate risk {
  immediately
}
stage 1 "Practitioners" {
  within 5 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  within 3 working days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 3
}
stage 3 "Directors" {
  should by day 7 indicative
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{
            "warning[T003] 5:18 the protocol says disagreements should be resolved within 3 working days (as a guide), but "
            "its stages up to stage 2 can take 5 + 3 = 8 working days",
            "warning[T002] 21:10 stage 3 should be done by day 7 (indicative), but stage 2 may already run to day 8"});
}

TEST_CASE("the JSON and the chart carry the document's word where it gives one", "[modality]") {
  auto checked = esc::test::check_text(std::string(R"(protocol "Modality" {
  timeframes mandatory
}
stage 1 "Practitioners" {
  may step "Consult" within 2 working days
  should within 5 working days as a guide
  when unresolved: may go to stage 2, then should record "the outcome"
}
stage 2 "Managers" {
  within 1 working day
  when resolved: may end
  final
}
)"));
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["protocol"]["timeframes_called"] == nlohmann::json::array({"mandatory"}));
  const auto& stage = json["stages"][0];
  CHECK(stage["steps"][0]["modality"] == "may");
  CHECK(stage["timeframes"][0]["modality"] == "should");
  CHECK(stage["timeframes"][0]["advisory"] == "as a guide");
  CHECK(stage["outcomes"][0]["actions"][0]["modality"] == "may");
  CHECK(stage["outcomes"][0]["actions"][1]["duty"]["modality"] == "should");
  // Where the document says nothing, nothing is said.
  CHECK_FALSE(json["stages"][1]["timeframes"][0].contains("modality"));
  CHECK_FALSE(json["stages"][1]["timeframes"][0].contains("advisory"));

  auto outline = esc::backends::outline_text(esc::backends::chart_of(file.model, file.analyses));
  INFO(outline);
  CHECK(outline.find("should be done within 5 working days as a guide") != std::string::npos);
  CHECK(outline.find("Step 1: Consult, may be done within 2 working days.") != std::string::npos);
  CHECK(outline.find("When unresolved: may go to stage 2, then should record the outcome") != std::string::npos);
  CHECK(outline.find("When resolved: the disagreement may be closed") != std::string::npos);
}

TEST_CASE("'5 days' parses as written and the running totals take both readings", "[modality][durations]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 5 days
  contact "Duty Manager" phone "01234 567890"
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  within 2 working days
  cumulative 7 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  CHECK(file.model.stages.at(0).timeframes.at(0).duration.unit == esc::model::Unit::days);
  CHECK(file.analyses.totals.at(1).end == esc::model::WorkingDays{5, 7});
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{
            "warning[T011] 10:3 the unit of '5 days' is not stated; read as 5 working days or 5 calendar days",
            "warning[T001] 16:3 by the end of stage 2 the running total is 3-5 + 2 = 5-7 working days, but the protocol says 7"});
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  CHECK(json["stages"][0]["timeframes"][0]["unit"] == "days");
  CHECK(json["stages"][0]["timeframes"][0]["text"] == "5 days");
  CHECK(json["stages"][0]["timeframes"][0]["working_days"] == nlohmann::json({{"low", 3}, {"high", 5}}));
}
