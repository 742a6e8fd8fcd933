#include "compiler/analysis/deadlines.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/analysis/whom_to_contact.hpp"
#include "compiler/model/dates.hpp"

namespace esc::analysis {
namespace {

bool serves_case(const model::Contact& contact, std::optional<model::CaseKind> case_kind) {
  return !case_kind || contact.case_kinds.empty() || contact.case_kinds.has(*case_kind);
}

}  // namespace

std::optional<WorkingDate> apply_rule(const DeadlineRule& rule, const WorkingCalendar& days, std::int64_t raised,
                                      std::optional<std::int64_t> reached) {
  if (!rule.days) return std::nullopt;
  if (rule.from == CountedFrom::raised) return days.add_working_days(raised, rule.days->high);
  if (!reached) return std::nullopt;
  return days.add_working_days(*reached, rule.days->high);
}

Deadlines work_out_deadlines(const model::Model& model, const Analyses& analyses, const DeadlineOptions& options) {
  Deadlines deadlines;
  deadlines.options = options;
  const model::Calendar* calendar = nullptr;
  if (model.protocol && model.protocol->calendar.valid()) {
    calendar = &model.calendars.at(model.protocol->calendar.index);
    deadlines.calendar = calendar->title ? std::string(calendar->title->value) : calendar->name;
  }
  WorkingCalendar days(calendar);
  const auto& durations = analyses.durations;
  const auto& totals = analyses.totals;
  const auto& listed = analyses.whom;
  ContactHours hours(model);

  std::optional<WorkingDate> latest_unknown;  // the first date past the holiday data
  auto note_date = [&](const WorkingDate& date) {
    if (!date.holidays_known && (!latest_unknown || date.day < latest_unknown->day)) latest_unknown = date;
  };

  std::optional<std::int64_t> reached = options.start;
  for (const auto& point : totals) {
    const auto& stage = model.stage(point.stage);
    StageDeadline entry;
    entry.stage = point.stage;
    for (const auto& t : stage.timeframes) entry.timeframe += (entry.timeframe.empty() ? "" : "; ") + t.describe();
    if (entry.timeframe.empty() && durations.stages[point.stage.index].from_steps && durations.stages[point.stage.index].own) {
      entry.timeframe = "steps take " + days_words(*durations.stages[point.stage.index].own);
    }
    entry.duties = duties_at(model, stage);
    entry.by_day = by_day_of(stage, &point);
    // Each stage is taken to start on the day the one before it is due, as a case that
    // uses all of its time does.
    entry.rule = &analyses.deadline_rules[point.stage.index];
    entry.due = apply_rule(*entry.rule, days, options.start, reached);
    reached = entry.due ? std::optional(entry.due->day) : std::nullopt;
    if (entry.due) note_date(*entry.due);
    listed.for_each(point.stage.index, [&](const StageContact& whom) {
      const auto* contact = whom.contact;
      const auto& agency = whom.agency;
      if (!serves_case(*contact, options.case_kind)) return;
      DeadlineContact shown;
      shown.contact = contact;
      if (agency.valid()) shown.agency = std::string(model.agency(agency).title.value);
      auto availability = hours.of(*contact);
      shown.availability = availability_words(availability, !contact->windows.empty());
      if (options.minute) {
        auto day = entry.due ? entry.due->day : options.start;
        int day_kind = days.is_bank_holiday(day) ? bank_holiday_day : weekday(day);
        shown.reachable = availability.covers(day_kind, *options.minute);
      }
      entry.contacts.push_back(std::move(shown));
    });
    deadlines.stages.push_back(std::move(entry));
  }

  deadlines.overall = analyses.overall;
  if (!deadlines.overall) {
    for (const auto& each : analyses.overall_by_reading) {
      if (!each) continue;
      auto& range = deadlines.overall_where_stated;
      range = range ? model::range_over(*range, *each) : *each;
    }
    // Where no reading gives a figure, there is none to depend on a reading.
    deadlines.overall_depends_on_reading = deadlines.overall_where_stated.has_value();
  }
  if (deadlines.overall) {
    deadlines.overall_due = days.add_working_days(options.start, deadlines.overall->high);
    note_date(*deadlines.overall_due);
  }

  deadlines.first_unknown = latest_unknown;
  deadlines.calendar_used = calendar;
  return deadlines;
}

}  // namespace esc::analysis
