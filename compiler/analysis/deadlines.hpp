// `escc deadlines`: for a disagreement raised on a date, the date by which each stage
// on the main path must be done, on the protocol's calendar, and whom to contact at
// each stage at that time. Stages are taken to use all of their time, as the
// protocol's own running totals do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/analysis/deadline_rules.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/working_calendar.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

struct DeadlineOptions {
  std::int64_t start = 0;            // day number of the day the disagreement is raised
  std::optional<int> minute;         // the time of day contacts are looked up at
  std::optional<model::CaseKind> case_kind;  // empty for any kind of case
};

struct DeadlineContact {
  std::string agency;  // the agency's title, or empty
  const model::Contact* contact = nullptr;
  std::string availability;  // "weekdays 17:00-09:00, weekends and bank holidays"
  bool reachable = true;     // at the due date and the time asked for (true when no time is asked)
};

struct StageDeadline {
  model::StageId stage;
  std::string timeframe;                   // as the protocol words it
  std::optional<model::WorkingDays> by_day;
  std::optional<WorkingDate> due;          // by the stage's deadline rule (its longer end)
  const DeadlineRule* rule = nullptr;      // how `due` is counted, in Analyses::deadline_rules
  std::vector<DeadlineContact> contacts;   // named by the stage, or on the lines it points to
  std::vector<StageDuty> duties;           // the stage's own, then the protocol's for every stage
};

struct Deadlines {
  DeadlineOptions options;
  std::string calendar;  // the calendar's title, or empty when the protocol names none
  std::vector<StageDeadline> stages;
  std::optional<model::WorkingDays> overall;
  std::optional<WorkingDate> overall_due;
  // When the overall time is known in some ways of reading the document but not all:
  // the range the ways that give one give.
  bool overall_depends_on_reading = false;
  std::optional<model::WorkingDays> overall_where_stated;
  // The earliest date worked out past the years the calendar has bank holidays for,
  // when there is one: it, and every later date, may be early.
  std::optional<WorkingDate> first_unknown;
  const model::Calendar* calendar_used = nullptr;
};

// The date a rule gives for a stage the case reached on `reached`, of a disagreement
// raised on `raised`: the one application of the rule the runtime repeats
// (runtime/escc/deadline_rule.hpp).
std::optional<WorkingDate> apply_rule(const DeadlineRule& rule, const WorkingCalendar& days, std::int64_t raised,
                                      std::optional<std::int64_t> reached);

Deadlines work_out_deadlines(const model::Model& model, const Analyses& analyses, const DeadlineOptions& options);

}  // namespace esc::analysis
