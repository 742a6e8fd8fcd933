// S008: on one outcome, under one condition, a stage sends the case to two places (or
// both ends the escalation and sends it on). Only one can happen, and the protocol
// does not say which.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

// One move an outcome makes: to a stage or route, or to the end.
struct Move {
  model::OutcomeKind outcome;
  std::string condition;  // normalised; empty when the outcome has none
  const model::Outcome* from;
  const model::Action* action;
};

std::string where(const Context& context, const model::Action& action) {
  if (action.kind == model::ActionKind::end) return "ends the escalation";
  return fmt::format("goes to {}", context.model.stage(action.target).label());
}

}  // namespace

void conflicting_moves(const Context& context, DiagnosticSink& sink) {
  // Moves are grouped by outcome and condition by sorting, not by comparing each with
  // every other: a stage of many outcomes costs no more than its length.
  std::vector<Move> moves;
  for (const auto& stage : context.model.stages) {
    moves.clear();
    for (const auto& outcome : stage.outcomes) {
      for (const auto& action : outcome.actions) {
        // A move the document says may be made is an option beside the others, not a
        // second answer to where the case goes.
        if (action.kind == model::ActionKind::duty || action.modality == model::Modality::may) continue;
        moves.push_back({outcome.kind, outcome.condition ? normalise_words(outcome.condition->value) : std::string(),
                         &outcome, &action});
      }
    }
    if (moves.size() < 2) continue;
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) {
      return std::tie(a.outcome, a.condition) < std::tie(b.outcome, b.condition);
    });
    for (std::size_t first = 0, i = 1; i < moves.size(); ++i) {
      if (moves[i].outcome != moves[first].outcome || moves[i].condition != moves[first].condition) {
        first = i;
        continue;
      }
      const auto& earlier = *moves[first].action;
      const auto& later = *moves[i].action;
      if (earlier.kind == later.kind && earlier.target == later.target) continue;  // the same move said again
      const auto& condition = moves[i].from->condition;
      auto& d = sink.report(Code::S008, later.span,
                            fmt::format("when {}{}, {} both {} and {}: the protocol does not say which applies",
                                        model::outcome_name(moves[i].outcome),
                                        condition ? fmt::format(" if \"{}\"", condition->value) : "", stage.label(),
                                        where(context, earlier), where(context, later)));
      d.notes.push_back({earlier.span, "the other move is here"});
      d.suggestion = fmt::format("keep one move, or give each its own condition, as in: when {} if \"...\": go to ...",
                                 model::outcome_name(moves[i].outcome));
    }
  }
}

}  // namespace esc::checks
