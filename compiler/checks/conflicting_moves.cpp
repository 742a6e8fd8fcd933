// S008: on one outcome, under one condition, a stage sends the case to two places (or
// both ends the escalation and sends it on). Only one can happen, and the protocol
// does not say which.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/text.hpp"

namespace esc::checks {
namespace {

// Where an outcome's move takes the case: a stage or route, or the end.
struct Move {
  model::OutcomeKind outcome;
  std::string condition;  // normalised; empty when the outcome has none
  model::StageId target;  // invalid for `end`
  Span span;
};

std::string where(const Context& context, const Move& move) {
  if (!move.target.valid()) return "ends the escalation";
  return fmt::format("goes to {}", context.model.stage(move.target).label());
}

}  // namespace

void conflicting_moves(const Context& context, DiagnosticSink& sink) {
  std::vector<Move> first_moves;  // the first move of each outcome and condition in the stage
  for (const auto& stage : context.model.stages) {
    first_moves.clear();
    for (const auto& outcome : stage.outcomes) {
      auto condition = outcome.condition ? normalise_words(outcome.condition->value) : std::string();
      for (const auto& action : outcome.actions) {
        if (action.kind == model::ActionKind::duty) continue;
        Move move{outcome.kind, condition, action.kind == model::ActionKind::go_to ? action.target : model::StageId{},
                  action.span};
        auto first = std::find_if(first_moves.begin(), first_moves.end(), [&](const Move& earlier) {
          return earlier.outcome == move.outcome && earlier.condition == move.condition;
        });
        if (first == first_moves.end()) {
          first_moves.push_back(std::move(move));
          continue;
        }
        if (first->target == move.target) continue;  // the same move said again
        auto when = fmt::format("when {}{}", model::outcome_name(move.outcome),
                                outcome.condition ? fmt::format(" if \"{}\"", outcome.condition->value) : "");
        auto& d = sink.report(Code::S008, move.span,
                              fmt::format("{}, {} both {} and {}: the protocol does not say which applies", when,
                                          stage.label(), where(context, *first), where(context, move)));
        d.notes.push_back({first->span, "the other move is here"});
        d.suggestion = fmt::format("keep one move, or give each its own condition, as in: when {} if \"...\": go to ...",
                                   model::outcome_name(move.outcome));
      }
    }
  }
}

}  // namespace esc::checks
