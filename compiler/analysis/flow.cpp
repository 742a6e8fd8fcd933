#include "compiler/analysis/flow.hpp"

#include <algorithm>

namespace esc::analysis {
namespace {

using model::StageKind;

model::StageId find_start(const model::Model& model) {
  model::StageId start;
  std::int64_t lowest = 0;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    if (stage.kind == StageKind::informal) return {i};
    if (stage.kind == StageKind::formal && (!start.valid() || stage.number < lowest)) {
      start = {i};
      lowest = stage.number;
    }
  }
  return start;
}

bool moves_on(model::OutcomeKind kind) { return kind != model::OutcomeKind::resolved; }

}  // namespace

Flow analyse_flow(const model::Model& model) {
  Flow flow;
  auto count = static_cast<std::uint32_t>(model.stages.size());
  flow.reachable.assign(count, false);
  flow.start = find_start(model);

  // Edges are gathered with the stage they leave, then grouped by it (a stable counting
  // sort keeps each stage's edges in the protocol's order). One walk over the stages
  // finds the outcomes' moves and the routes that say where they are entered from.
  std::vector<std::pair<std::uint32_t, Edge>> leaving;
  std::vector<std::uint32_t> entered;  // stages with `entry from ...`
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto& stage = model.stages[i];
    if (!stage.entries.empty()) entered.push_back(i);
    for (const auto& outcome : stage.outcomes) {
      for (const auto& action : outcome.actions) {
        if (action.kind == model::ActionKind::go_to && action.target.valid()) {
          leaving.push_back(
              {i, {action.target, outcome.kind, action.span, false, action.modality == model::Modality::may}});
        }
      }
    }
  }
  // A route entered "from any stage" or "from stage N" is an edge from those stages.
  for (auto route : entered) {
    for (const auto& entry : model.stages[route].entries) {
      for (std::uint32_t i = 0; i < count; ++i) {
        const auto& from = model.stages[i];
        if (from.kind != StageKind::formal) continue;
        if (entry.any_stage || from.number == entry.stage_number) {
          leaving.push_back({i, {{route}, model::OutcomeKind::unresolved, entry.span, true}});
        }
      }
    }
  }
  flow.first_edge.assign(count + 1, 0);
  for (const auto& [from, edge] : leaving) ++flow.first_edge[from + 1];
  for (std::uint32_t i = 0; i < count; ++i) flow.first_edge[i + 1] += flow.first_edge[i];
  flow.edges.resize(leaving.size());
  {
    auto next = flow.first_edge;
    for (const auto& [from, edge] : leaving) flow.edges[next[from]++] = edge;
  }

  // Reachability and back edges by an iterative depth-first walk.
  if (flow.start.valid()) {
    enum class Mark { unseen, open, closed };
    std::vector<Mark> marks(count, Mark::unseen);
    std::vector<std::pair<std::uint32_t, std::size_t>> stack{{flow.start.index, 0}};
    marks[flow.start.index] = Mark::open;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      auto edges = flow.edges_of(node);
      if (next == edges.size()) {
        marks[node] = Mark::closed;
        stack.pop_back();
        continue;
      }
      const auto& edge = edges[next++];
      auto target = edge.to.index;
      if (marks[target] == Mark::open) flow.back_edges.push_back({{node}, edge});
      if (marks[target] != Mark::unseen) continue;
      marks[target] = Mark::open;
      stack.push_back({target, 0});
    }
    for (std::size_t i = 0; i < count; ++i) flow.reachable[i] = marks[i] != Mark::unseen;
  }
  // The main path: follow formal stages while nothing resolves the case.
  std::vector<bool> on_path(count, false);
  for (auto at = flow.start; at.valid() && !on_path[at.index];) {
    on_path[at.index] = true;
    flow.main_path.push_back(at);
    model::StageId next, optional_next;
    for (const auto& edge : flow.edges_of(at.index)) {
      if (edge.entry || !moves_on(edge.outcome) || model.stage(edge.to).kind != StageKind::formal) continue;
      if (!edge.optional) {
        next = edge.to;
        break;
      }
      if (!optional_next.valid()) optional_next = edge.to;
    }
    at = next.valid() ? next : optional_next;
  }
  return flow;
}

}  // namespace esc::analysis
