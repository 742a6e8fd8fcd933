// How each stage's deadline is counted: decided here once, for every stage and route.
// `escc deadlines`, the chart and page, the JSON and the C++ tables (and so the
// runtime) all read this decision; none of them works a deadline out another way.
// docs/runtime.md ("How deadlines are counted") says the rule in words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

// The day a deadline is counted from.
enum class CountedFrom : std::uint8_t {
  raised,       // the day the disagreement was raised (the initial concern)
  stage_start,  // the day the case reached the stage
};

// Where the number of working days comes from.
enum class DeadlineBasis : std::uint8_t {
  none,       // the document gives the stage no countable time: no date
  by_day,     // "by day N": a day of the whole escalation
  timeframe,  // the stage's own stated time
  steps,      // the sum of the stage's steps
};

struct DeadlineRule {
  CountedFrom from = CountedFrom::stage_start;
  DeadlineBasis basis = DeadlineBasis::none;
  // The working days counted; a range where the document gives one ("1-3", or two
  // figures), and the date is for its longer end, as every running total is.
  std::optional<model::WorkingDays> days;
  std::optional<model::WorkingDays> figure;  // the figure of `basis` alone
  // The other figure, where the document states the stage's time twice (its own and
  // its steps', or differently in different readings) and the two differ: kept, never
  // dropped; `days` spans both.
  std::optional<model::WorkingDays> stated_otherwise;
  DeadlineBasis otherwise_basis = DeadlineBasis::none;
  // What the count is counted from, in the document's words where it has them.
  std::string origin;
  // The rule in plain English: "by working day 8, counted from the initial concern".
  std::string words;
};

// Per stage id. The first formal stage of the main path counts from the day the
// disagreement was raised, as the running totals of `escc deadlines` and of the
// protocols' own tables do: any stage before it (an informal discussion) states no time.
std::vector<DeadlineRule> deadline_rules(const model::Model& model, const Flow& flow, const Durations& durations);

// The rule over every way of reading a protocol that records ambiguities: where the
// readings differ, both figures are kept (`stated_otherwise`), the words say so.
void widen_rules_over_readings(std::vector<DeadlineRule>& shown, const std::vector<const std::vector<DeadlineRule>*>& readings);

// "the same working day (the next working day, when raised on a day that is not one)",
// "2 working days": a count as the rule's words say it.
std::string count_words(model::WorkingDays days);

}  // namespace esc::analysis
