// `escc deadlines`: due dates against dates worked out by hand on the England and
// Wales calendar, contacts at the time asked for, and the warning for dates past the
// calendar's bank-holiday data.
#include <catch2/catch.hpp>

#include <algorithm>

#include "compiler/analysis/deadlines.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/driver/deadlines_command.hpp"
#include "compiler/model/dates.hpp"

namespace {

struct Worked {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckRun run;
  esc::analysis::Deadlines deadlines;
};

std::unique_ptr<Worked> work_out(const std::string& protocol, esc::CivilDate start, std::optional<int> minute = {},
                                 std::optional<esc::model::CaseKind> case_kind = {}) {
  auto worked = std::make_unique<Worked>();
  esc::DiskFileReader reader;
  esc::DiagnosticSink checking;
  worked->run = esc::check_files({std::string(ESCC_SOURCE_DIR) + "/protocols/" + protocol}, reader, worked->sources,
                                 checking, {});
  REQUIRE(checking.errors() == 0);
  esc::analysis::DeadlineOptions options;
  options.start = esc::day_number(start);
  options.minute = minute;
  options.case_kind = case_kind;
  worked->deadlines = esc::deadlines_with_findings(worked->run.files.at(0).model, worked->run.files.at(0).analyses, options,
                                                   worked->sink);
  return worked;
}

std::string due(const esc::analysis::StageDeadline& entry) {
  return entry.due ? esc::iso_date(esc::civil_date(entry.due->day)) : "none";
}

}  // namespace

TEST_CASE("Wolverhampton raised on Friday 18 December 2026: Christmas, Boxing Day and New Year skipped",
          "[deadlines]") {
  auto worked = work_out("wolverhampton.esc", {2026, 12, 18});
  const auto& stages = worked->deadlines.stages;
  REQUIRE(stages.size() == 4);
  // Working days after Friday 18 December: 21, 22, 23, 24, (25 and 28 are bank
  // holidays) 29, 30, 31, (1 January is one) 4, 5, 6, 7, 8, 11, 12 January.
  CHECK(due(stages[0]) == "2026-12-29");  // working day 5
  CHECK(due(stages[1]) == "2026-12-31");  // working day 7
  CHECK(due(stages[2]) == "2027-01-06");  // working day 10
  // Stage 4's time is an ambiguity (the table's 2 working days, or its text's two steps of
  // 2), and so is what the target of 10 working days covers: deadlines leave both out, and
  // give the steps' 2 + 2 and the stages' own total.
  CHECK(due(stages[3]) == "2027-01-12");  // working day 14, 11 and 12 January after the weekend
  REQUIRE(worked->deadlines.overall_due);
  CHECK(esc::iso_date(esc::civil_date(worked->deadlines.overall_due->day)) == "2027-01-12");  // 14 working days
  CHECK(worked->sink.diagnostics().empty());
}

TEST_CASE("Barnet on a Saturday night: only the contacts who answer then, for new referrals", "[deadlines]") {
  auto worked = work_out("barnet.esc", {2026, 12, 19}, 22 * 60, esc::model::CaseKind::new_referrals);
  const auto& stage_2 = worked->deadlines.stages.at(1);
  CHECK(!stage_2.due);  // Barnet's stages give no timeframes
  auto reachable = [&](const std::string& title) {
    return std::any_of(stage_2.contacts.begin(), stage_2.contacts.end(), [&](const esc::analysis::DeadlineContact& c) {
      return c.reachable && c.contact->title.value == title;
    });
  };
  auto listed = [&](const std::string& title) {
    return std::any_of(stage_2.contacts.begin(), stage_2.contacts.end(),
                       [&](const esc::analysis::DeadlineContact& c) { return c.contact->title.value == title; });
  };
  CHECK(reachable("Emergency Duty Team"));
  CHECK(reachable("On-call Duty Detective Inspector covering the North of London"));
  CHECK_FALSE(reachable("MASH team manager"));  // office hours only
  CHECK(listed("MASH team manager"));
  CHECK_FALSE(listed("Lead professional's team manager"));  // open cases only
  // Merton is a different protocol: no contacts from another file leak in.
  CHECK(worked->deadlines.stages.at(0).contacts.empty());
}

TEST_CASE("dates past the calendar's bank-holiday data are flagged, not guessed", "[deadlines]") {
  auto worked = work_out("merton.esc", {2030, 12, 27});
  const auto& stages = worked->deadlines.stages;
  // Stage 1, 2 working days: 30, 31 December 2030. Stage 2, one more: 1 January 2031,
  // which the calendar cannot know is a bank holiday.
  CHECK(due(stages.at(0)) == "2030-12-31");
  CHECK(stages.at(0).due->holidays_known);
  CHECK(due(stages.at(1)) == "2031-01-01");
  CHECK_FALSE(stages.at(1).due->holidays_known);
  REQUIRE(worked->sink.diagnostics().size() == 1);
  CHECK(worked->sink.diagnostics()[0].code == esc::Code::T009);
  CHECK(worked->sink.diagnostics()[0].message ==
        "the deadlines run into 2031, but the england_and_wales calendar lists bank holidays only up to 2030; a "
        "holiday missing from it would make them later");
}

TEST_CASE("whole weeks of working days land on the day a day-by-day count reaches", "[deadlines]") {
  // The week-at-a-time count must agree with the plainest count there is, across bank
  // holidays, year ends and the end of the calendar's data, on every weekday.
  auto worked = work_out("wolverhampton.esc", {2026, 12, 18});
  const auto& model = worked->run.files.at(0).model;
  REQUIRE(model.protocol->calendar.valid());
  esc::analysis::WorkingCalendar days(&model.calendars.at(model.protocol->calendar.index));
  auto day_by_day = [&](std::int64_t from, std::int64_t count) {
    auto day = from;
    if (count <= 0) {
      while (!days.is_working_day(day)) ++day;
    }
    for (std::int64_t counted = 0; counted < count;) {
      if (days.is_working_day(++day)) ++counted;
    }
    return day;
  };
  auto first = esc::day_number({2025, 12, 20});
  for (auto from = first; from < first + 14; ++from) {
    for (std::int64_t count : {0, 1, 2, 4, 5, 6, 9, 10, 11, 23, 64, 250, 251, 600, 1500}) {
      INFO("from " << esc::iso_date(esc::civil_date(from)) << " count " << count);
      CHECK(days.add_working_days(from, count).day == day_by_day(from, count));
    }
  }
}
