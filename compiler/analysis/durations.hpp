// How long each stage takes, in working days, with the terms the total is made of so
// that findings can show their arithmetic. Hours and weeks are converted by the rule
// in docs/durations.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

struct Term {
  model::WorkingDays days;
  Span span;
  const model::Duration* written = nullptr;  // as the protocol says it, when it is one timeframe
};

struct StageTime {
  std::vector<Term> terms;  // the stage's steps, or else its own stated timeframe
  bool complete = false;    // every part of the stage has a countable timeframe
  bool from_steps = false;
  std::optional<model::WorkingDays> own;       // the sum of the terms, when complete
  const model::Timeframe* deadline = nullptr;  // a "by day N" deadline, when stated
};

struct Durations {
  std::vector<StageTime> stages;  // per stage id
};

// What a step adds to its stage's time: its timeframe, or from nothing to its timeframe
// when the document says the step may be taken, or is taken only on a condition (it may
// not be).
std::optional<model::WorkingDays> step_days(const model::Step& step);

Durations analyse_durations(const model::Model& model);

// One formal stage on the main path, with the running total at its end.
struct PathPoint {
  model::StageId stage;
  // The total at the end of the stage before: what that stage claims, if it makes a
  // claim, else what is computed. Using the claim keeps each finding to one stage's
  // own arithmetic instead of repeating an earlier stage's error.
  std::optional<model::WorkingDays> before;
  std::optional<model::WorkingDays> end;       // before + this stage (or its "by day" deadline)
  std::optional<model::WorkingDays> computed;  // the total from the start, from computed values only
};

struct Flow;
std::vector<PathPoint> running_totals(const model::Model& model, const Flow& flow, const Durations& durations);

// The working day a stage is to be done by, as readers are told it: the protocol's own
// `cumulative` figure where it gives one (the checker compares it with the sum), else
// the running total on the main path. Empty for stages off the main path.
std::optional<model::WorkingDays> by_day_of(const model::Stage& stage, const PathPoint* point);

// "5", "1-3"
std::string number_words(model::WorkingDays days);
// " working day" after exactly 1, else " working days"
std::string unit_words(model::WorkingDays days);
// "1 working day", "5 working days", "1-3 working days"
std::string days_words(model::WorkingDays days);
// "2 + 3 = 5" or "1-3 + 5 = 6-8"
std::string arithmetic(const std::vector<Term>& terms, model::WorkingDays total);

}  // namespace esc::analysis
