#include "compiler/analysis/durations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/flow.hpp"

namespace esc::analysis {

std::string number_words(model::WorkingDays days) {
  return days.low == days.high ? fmt::format("{}", days.low) : fmt::format("{}-{}", days.low, days.high);
}

std::string unit_words(model::WorkingDays days) {
  return days.low == 1 && days.high == 1 ? " working day" : " working days";
}

std::string days_words(model::WorkingDays days) { return number_words(days) + unit_words(days); }

std::string arithmetic(const std::vector<Term>& terms, model::WorkingDays total) {
  // A running total that starts from nothing is not worth a "0 +".
  auto first = terms.begin();
  while (terms.size() > 1 && first != terms.end() && first->days == model::WorkingDays{0, 0}) ++first;
  auto count = static_cast<std::size_t>(terms.end() - first);
  // A long sum is shown by its ends: a reader checks the pattern, not each figure.
  constexpr std::size_t longest = 12;
  std::string text;
  for (auto term = first; term != terms.end(); ++term) {
    auto index = static_cast<std::size_t>(term - first);
    if (count > longest && index >= 3 && index + 2 < count) {
      if (index == 3) text += " + ...";
      continue;
    }
    if (index > 0) text += " + ";
    text += number_words(term->days);
  }
  if (count > longest) text += fmt::format(" ({} figures)", count);
  if (count > 1) text += " = " + number_words(total);
  return text;
}

std::optional<model::WorkingDays> step_days(const model::Step& step) {
  auto days = step.timeframe ? step.timeframe->working_days() : std::nullopt;
  // One of its variants is taken, whichever: from the shortest to the longest. One with
  // no countable time leaves the step's time open.
  if (!step.variants.empty()) {
    days.reset();
    for (const auto& variant : step.variants) {
      auto these = variant.timeframe ? variant.timeframe->working_days() : std::nullopt;
      if (!these) return std::nullopt;
      days = days ? model::range_over(*days, *these) : these;
    }
  }
  // A step taken only under a condition ("if not agreed") may not be taken either.
  if (days && (step.modality == model::Modality::may || step.condition)) days->low = 0;
  return days;
}

namespace {

using Days = std::optional<model::WorkingDays>;

model::WorkingDays widest(model::WorkingDays a, model::WorkingDays b) {
  return {std::max(a.low, b.low), std::max(a.high, b.high)};
}

// When each step of a stage starts and ends, in working days from the stage's start:
// a step starts where the one before it ends, or where the step it counts from starts
// or ends ("within five working days of step 1"); from either, where the document does
// not say which. A step with no countable time leaves its end, and what counts from
// it, unknown.
struct StepTimes {
  std::vector<Days> starts, ends;
};

StepTimes step_times(const model::Stage& stage) {
  StepTimes times;
  Days previous_end = model::WorkingDays{0, 0};
  for (const auto& step : stage.steps) {
    // A step done within another takes that step's time: it moves nothing on.
    if (step.part_of_step) {
      auto other = *step.part_of_step;
      bool earlier = other < times.starts.size();
      times.starts.push_back(earlier ? times.starts[other] : std::nullopt);
      times.ends.push_back(earlier ? times.ends[other] : std::nullopt);
      continue;
    }
    Days start = previous_end;
    if (step.timeframe && step.timeframe->after_step && step.timeframe->after_step->index != model::no_id) {
      const auto& anchor = *step.timeframe->after_step;
      const auto& from = times.starts[anchor.index];
      const auto& to = times.ends[anchor.index];
      switch (anchor.edge) {
        case model::StepEdge::start: start = from; break;
        case model::StepEdge::end: start = to; break;
        case model::StepEdge::unstated:
          start = from && to ? Days(model::WorkingDays{from->low, to->high}) : std::nullopt;
          break;
      }
    }
    // A variant counted from a step would start each variant at a different time: not
    // worked out, so left unknown rather than guessed.
    for (const auto& variant : step.variants) {
      if (variant.timeframe && variant.timeframe->after_step) start.reset();
    }
    auto days = step_days(step);
    Days end = start && days ? Days(*start + *days) : std::nullopt;
    times.starts.push_back(start);
    times.ends.push_back(end);
    previous_end = end;
  }
  return times;
}

// Whether the stage's time is worked out from times counted from a step: a step's, or,
// where the stage states no time of its own from its start, the stage's.
bool counts_from_a_step(const model::Stage& stage) {
  for (const auto& step : stage.steps) {
    if (step.timeframe && step.timeframe->after_step) return true;
    for (const auto& variant : step.variants) {
      if (variant.timeframe && variant.timeframe->after_step) return true;
    }
  }
  bool anchored = false;
  for (const auto& timeframe : stage.timeframes) {
    if (timeframe.by_day) continue;
    if (!timeframe.after_step) return false;
    anchored = true;
  }
  return anchored;
}

// The stage's time where some time counts from a step: the latest end of any step or
// of a stage timeframe counted from one. Unknown when any of them is.
Days time_counted_from_steps(const model::Stage& stage, bool steps_timed) {
  auto times = step_times(stage);
  Days latest = model::WorkingDays{0, 0};
  auto take = [&](Days end) { latest = latest && end ? Days(widest(*latest, *end)) : std::nullopt; };
  if (steps_timed) {
    for (std::size_t i = 0; i < times.ends.size(); ++i) {
      if (!stage.steps[i].part_of_step) take(times.ends[i]);
    }
  }
  for (const auto& timeframe : stage.timeframes) {
    if (timeframe.by_day || !timeframe.after_step) continue;
    const auto& anchor = *timeframe.after_step;
    if (anchor.index == model::no_id) return std::nullopt;
    Days from = anchor.edge == model::StepEdge::start ? times.starts[anchor.index] : times.ends[anchor.index];
    if (anchor.edge == model::StepEdge::unstated && times.starts[anchor.index] && times.ends[anchor.index]) {
      from = model::WorkingDays{times.starts[anchor.index]->low, times.ends[anchor.index]->high};
    }
    auto days = timeframe.working_days();
    take(from && days ? Days(*from + *days) : std::nullopt);
  }
  return latest;
}

}  // namespace

Durations analyse_durations(const model::Model& model) {
  Durations durations;
  durations.stages.reserve(model.stages.size());
  for (const auto& stage : model.stages) {
    StageTime time;
    bool steps_timed = false;
    for (const auto& step : stage.steps) steps_timed = steps_timed || step.time_span().has_value();
    for (const auto& timeframe : stage.timeframes) {
      if (timeframe.by_day && !time.deadline) time.deadline = &timeframe;
    }
    time.complete = true;
    if (counts_from_a_step(stage)) {
      // Times counted from a step do not add up one after another: the stage takes until
      // its last step or timeframe ends, shown as one figure.
      time.from_steps = steps_timed;
      auto days = time_counted_from_steps(stage, steps_timed);
      if (days) {
        time.terms.push_back({*days, stage.span, nullptr});
      } else {
        time.complete = false;
      }
    } else if (steps_timed) {
      time.from_steps = true;
      for (const auto& step : stage.steps) {
        // A step done within another step takes that step's time, already counted.
        if (step.part_of_step) continue;
        auto days = step_days(step);
        if (!days) {
          time.complete = false;
          continue;
        }
        time.terms.push_back({*days, *step.time_span(), step.variants.empty() ? &step.timeframe->duration : nullptr});
      }
    } else {
      // Two timeframes on one stage ("immediately, and within 3 working days at most")
      // are read together: the stage takes from the shortest to the longest. Neither is
      // dropped; one that cannot be counted leaves the stage's time open.
      const model::Timeframe* first = nullptr;
      std::optional<model::WorkingDays> days;
      std::size_t stated = 0;
      for (const auto& timeframe : stage.timeframes) {
        // One counted from a step falls within the stage's own time.
        if (!timeframe.whole_stage()) continue;
        auto these = timeframe.working_days();
        if (!these) {
          time.complete = false;
          continue;
        }
        if (first == nullptr) first = &timeframe;
        days = days ? model::range_over(*days, *these) : these;
        ++stated;
      }
      if (days && time.complete) {
        time.terms.push_back({*days, first->span, stated == 1 ? &first->duration : nullptr});
      } else {
        time.complete = false;
      }
    }
    if (time.complete) {
      model::WorkingDays sum{};
      for (const auto& term : time.terms) sum = sum + term.days;
      time.own = sum;
      // A stage the document says may be held may take no time at all: its time is never
      // added as if it were certain.
      if (stage.modality == model::Modality::may) {
        time.own->low = 0;
        time.terms = {{*time.own, stage.span, nullptr}};
      }
    }
    durations.stages.push_back(std::move(time));
  }
  return durations;
}

std::vector<PathPoint> running_totals(const model::Model& model, const Flow& flow, const Durations& durations) {
  std::vector<PathPoint> points;
  points.reserve(flow.main_path.size());
  std::optional<model::WorkingDays> reported = model::WorkingDays{0, 0};
  std::optional<model::WorkingDays> computed = model::WorkingDays{0, 0};
  for (auto id : flow.main_path) {
    const auto& stage = model.stage(id);
    if (stage.kind != model::StageKind::formal) continue;
    const auto& time = durations.stages[id.index];
    PathPoint point{id, reported, std::nullopt, std::nullopt};
    if (time.deadline) {
      point.end = time.deadline->working_days();
      point.computed = point.end;
    } else if (time.own) {
      if (reported) point.end = *reported + *time.own;
      if (computed) point.computed = *computed + *time.own;
    }
    computed = point.computed;
    reported = point.end;
    if (stage.cumulative) {
      if (auto claimed = stage.cumulative->working_days()) reported = claimed;
    }
    points.push_back(point);
  }
  return points;
}

std::optional<model::WorkingDays> by_day_of(const model::Stage& stage, const PathPoint* point) {
  if (stage.cumulative) return stage.cumulative->working_days();
  if (point) return point->end;
  return std::nullopt;
}

}  // namespace esc::analysis
