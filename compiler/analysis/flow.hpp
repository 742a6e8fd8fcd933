// How a case moves through the stages: computed once from the model and shared by
// every check that needs it.
#pragma once

#include <vector>

#include "compiler/model.hpp"

namespace esc::analysis {

struct Edge {
  model::StageId to;
  model::OutcomeKind outcome = model::OutcomeKind::unresolved;
  Span span;         // the outcome or entry that makes the edge
  bool entry = false;  // made by a route's `entry from ...`
};

struct Flow {
  model::StageId start;                      // the informal stage, else the lowest-numbered stage
  std::vector<std::vector<Edge>> edges;      // per stage id
  std::vector<bool> reachable;               // per stage id
  // The way a case goes when nothing resolves it: from the start, each stage's first
  // `when unresolved` (or `no response`) move to a formal stage, stopping at a repeat.
  std::vector<model::StageId> main_path;
  // Edges that lead back to a stage already on the path to them.
  std::vector<std::pair<model::StageId, Edge>> back_edges;
};

Flow analyse_flow(const model::Model& model);

}  // namespace esc::analysis
