#include "compiler/analysis/analyses.hpp"

#include <algorithm>

namespace esc::analysis {

Analyses analyse(const model::Model& model) { return analyse(model, verify_quotes(model)); }

Analyses analyse(const model::Model& model, std::optional<QuoteVerification> quotes) {
  Analyses analyses;
  analyses.flow = analyse_flow(model);
  analyses.durations = analyse_durations(model);
  analyses.totals = running_totals(model, analyses.flow, analyses.durations);
  analyses.whom = whom_to_contact(model);
  analyses.deadline_rules = deadline_rules(model, analyses.flow, analyses.durations);
  analyses.quotes = std::move(quotes);
  if (model.protocol) {
    for (const auto& target : model.protocol->targets) {
      if (!target.first_stage && !target.last_stage && !analyses.overall) {
        analyses.overall = target.timeframe.working_days();
      }
    }
  }
  if (!analyses.overall && !analyses.totals.empty()) analyses.overall = analyses.totals.back().end;
  return analyses;
}

namespace {

using Days = std::optional<model::WorkingDays>;

// The range over `each` value, when every one is known.
template <typename Each>
Days over(const std::vector<const Analyses*>& readings, Each each) {
  Days range;
  for (const auto* reading : readings) {
    Days days = each(*reading);
    if (!days) return std::nullopt;
    range = range ? model::range_over(*range, *days) : days;
  }
  return range;
}

const PathPoint* point_of(const Analyses& analyses, model::StageId stage) {
  for (const auto& point : analyses.totals) {
    if (point.stage == stage) return &point;
  }
  return nullptr;
}

}  // namespace

void widen_over_readings(Analyses& shown, const std::vector<const Analyses*>& readings) {
  if (readings.empty()) return;
  for (std::size_t i = 0; i < shown.durations.stages.size(); ++i) {
    shown.durations.stages[i].own = over(readings, [&](const Analyses& reading) -> Days {
      return i < reading.durations.stages.size() ? reading.durations.stages[i].own : std::nullopt;
    });
  }
  std::vector<PathPoint> totals;
  for (const auto& first : readings.front()->totals) {
    bool everywhere = std::all_of(readings.begin(), readings.end(),
                                  [&](const Analyses* reading) { return point_of(*reading, first.stage) != nullptr; });
    if (!everywhere) continue;
    PathPoint point{first.stage, std::nullopt, std::nullopt, std::nullopt};
    point.before = over(readings, [&](const Analyses& reading) { return point_of(reading, first.stage)->before; });
    point.end = over(readings, [&](const Analyses& reading) { return point_of(reading, first.stage)->end; });
    point.computed = over(readings, [&](const Analyses& reading) { return point_of(reading, first.stage)->computed; });
    totals.push_back(point);
  }
  shown.totals = std::move(totals);
  std::vector<const std::vector<DeadlineRule>*> rules;
  for (const auto* reading : readings) rules.push_back(&reading->deadline_rules);
  widen_rules_over_readings(shown.deadline_rules, rules);
  shown.overall = over(readings, [](const Analyses& reading) { return reading.overall; });
  if (!shown.overall) {
    for (const auto* reading : readings) shown.overall_by_reading.push_back(reading->overall);
  }
}

}  // namespace esc::analysis
