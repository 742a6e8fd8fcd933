#include "compiler/analysis/deadline_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace esc::analysis {
namespace {

constexpr std::string_view raised_words = "the day the disagreement was raised";
constexpr std::string_view reached_words = "the day the case reached this stage";

std::string_view basis_words(DeadlineBasis basis) {
  switch (basis) {
    case DeadlineBasis::by_day: return "as a day of the whole escalation";
    case DeadlineBasis::timeframe: return "as the stage's own time";
    case DeadlineBasis::steps: return "as the sum of its steps";
    case DeadlineBasis::none: break;
  }
  return "";
}

// The time the stage states for itself, apart from "by day N" and times counted from a
// step (which fall within the stage): the range over them, when every one is countable.
std::optional<model::WorkingDays> stated_time(const model::Stage& stage) {
  std::optional<model::WorkingDays> days;
  for (const auto& timeframe : stage.timeframes) {
    if (!timeframe.whole_stage()) continue;
    auto these = timeframe.working_days();
    if (!these) return std::nullopt;
    days = days ? model::range_over(*days, *these) : *these;
  }
  return days;
}

std::string origin_of(const model::Model& model, const model::Timeframe* by_day) {
  if (by_day && by_day->clock_start) return std::string(by_day->clock_start->value);
  if (model.protocol && model.protocol->timeframes_from) return std::string(model.protocol->timeframes_from->value);
  return std::string(raised_words);
}

void write_words(DeadlineRule& rule) {
  if (!rule.days) {
    rule.words = "no date: the document gives this stage no countable time";
    return;
  }
  auto days = *rule.days;
  auto figure = rule.figure.value_or(days);
  bool steps = rule.basis == DeadlineBasis::steps;
  if (rule.basis == DeadlineBasis::by_day) {
    rule.words = fmt::format("by working day {}, counted from {}", number_words(figure), rule.origin);
  } else if (figure.high == 0) {
    rule.words = fmt::format("{}on the same working day as {} (the next working day, when that is not one)",
                             steps ? "its steps take no time: " : "", rule.origin);
  } else {
    auto of = steps ? " from " : rule.from == CountedFrom::raised ? ", counted from " : " of ";
    rule.words = fmt::format("{}{}{}{}", steps ? "its steps take " : "within ", count_words(figure), of, rule.origin);
  }
  if (rule.stated_otherwise) {
    rule.words += fmt::format("; the document also gives {} {}: the date is for the longer, {}",
                              days_words(*rule.stated_otherwise), basis_words(rule.otherwise_basis),
                              days_words({days.high, days.high}));
  } else if (days.low != days.high) {
    rule.words += fmt::format("; the date is for the longer end, {}", days_words({days.high, days.high}));
  }
}

}  // namespace

std::string count_words(model::WorkingDays days) {
  if (days.high == 0) return "the same working day";
  return days_words(days);
}

std::vector<DeadlineRule> deadline_rules(const model::Model& model, const Flow& flow, const Durations& durations) {
  std::vector<DeadlineRule> rules(model.stages.size());
  std::optional<model::StageId> first_formal;
  for (auto id : flow.main_path) {
    if (model.stage(id).kind == model::StageKind::formal) {
      first_formal = id;
      break;
    }
  }
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    const auto& time = durations.stages[i];
    auto& rule = rules[i];
    if (time.deadline) {
      rule.from = CountedFrom::raised;
      rule.basis = DeadlineBasis::by_day;
      rule.days = time.deadline->working_days();
      rule.figure = rule.days;
      rule.origin = origin_of(model, time.deadline);
    } else {
      rule.from = first_formal && first_formal->index == i ? CountedFrom::raised : CountedFrom::stage_start;
      rule.origin = rule.from == CountedFrom::raised ? origin_of(model, nullptr) : std::string(reached_words);
      if (time.own) {
        rule.basis = time.from_steps ? DeadlineBasis::steps : DeadlineBasis::timeframe;
        rule.days = time.own;
        rule.figure = time.own;
        // The stage's own time beside its steps' sum: both are the document's.
        if (time.from_steps) {
          if (auto stated = stated_time(stage); stated && *stated != *time.own) {
            rule.stated_otherwise = stated;
            rule.otherwise_basis = DeadlineBasis::timeframe;
            rule.days = model::range_over(*time.own, *stated);
          }
        }
      }
    }
    if (!rule.days) rule.basis = DeadlineBasis::none;
    write_words(rule);
  }
  return rules;
}

void widen_rules_over_readings(std::vector<DeadlineRule>& shown,
                               const std::vector<const std::vector<DeadlineRule>*>& readings) {
  for (std::size_t i = 0; i < shown.size(); ++i) {
    auto& rule = shown[i];
    bool uncountable_somewhere = false;
    for (const auto* reading : readings) {
      if (i >= reading->size()) continue;
      const auto& other = (*reading)[i];
      uncountable_somewhere = uncountable_somewhere || !other.figure;
      // Each figure a reading gives that the rule does not have yet is kept beside it.
      for (auto [days, basis] : {std::pair{other.figure, other.basis}, std::pair{other.stated_otherwise, other.otherwise_basis}}) {
        if (!days) continue;
        if (!rule.figure) {
          rule = other;
          break;
        }
        bool known = *days == *rule.figure || (rule.stated_otherwise && *days == *rule.stated_otherwise);
        if (known || rule.stated_otherwise) continue;
        rule.stated_otherwise = days;
        rule.otherwise_basis = basis;
        rule.days = model::range_over(*rule.days, *days);
      }
    }
    if (uncountable_somewhere && rule.figure) {
      rule = DeadlineRule{rule.from, DeadlineBasis::none, std::nullopt, std::nullopt, std::nullopt,
                          DeadlineBasis::none, rule.origin,
                          "no date: some ways of reading the document give this stage no countable time"};
      continue;
    }
    write_words(rule);
  }
}

}  // namespace esc::analysis
