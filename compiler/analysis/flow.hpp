// How a case moves through the stages: computed once from the model and shared by
// every check that needs it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

struct Edge {
  model::StageId to;
  model::OutcomeKind outcome = model::OutcomeKind::unresolved;
  Span span;         // the outcome or entry that makes the edge
  bool entry = false;  // made by a route's `entry from ...`
  bool optional = false;  // "may go to ...": a way the case may go, not the way it goes
};

struct Flow {
  model::StageId start;  // the informal stage, else the lowest-numbered stage
  // Every edge, grouped by the stage it leaves, in the order the protocol gives them:
  // stage i's are edges[first_edge[i]] up to edges[first_edge[i + 1]].
  std::vector<Edge> edges;
  std::vector<std::uint32_t> first_edge;  // per stage id, and one more
  std::span<const Edge> edges_of(std::uint32_t stage) const {
    return {edges.data() + first_edge[stage], edges.data() + first_edge[stage + 1]};
  }
  std::vector<bool> reachable;               // per stage id
  // The way a case goes when nothing resolves it: from the start, each stage's first
  // `when unresolved` (or `no response`) move to a formal stage, stopping at a repeat.
  // A move the document says may be made is followed only where no other is given.
  std::vector<model::StageId> main_path;
  // Edges that lead back to a stage already on the path to them.
  std::vector<std::pair<model::StageId, Edge>> back_edges;
};

Flow analyse_flow(const model::Model& model);

}  // namespace esc::analysis
