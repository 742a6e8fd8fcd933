// The flow chart of a protocol as facts, before any drawing: which boxes, in which
// order, with which words, joined by which arrows. The DOT back-end draws it, and the
// same facts make the text alternative that screen readers get, so the two cannot
// disagree. Text here is plain; each back-end escapes it for its own format.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

enum class ChartNodeKind { immediate_risk, informal, formal, route };

struct ChartStep {
  std::string title;
  std::string timeframe;  // empty when the step states none
};

struct ChartNode {
  std::string id;  // "stage_2", "route_exceptional": stable, and safe in any format
  ChartNodeKind kind = ChartNodeKind::formal;
  std::string heading;    // "Stage 1: Practitioners"
  std::string who;        // "Practitioners to Line managers", or the level
  std::string timeframe;  // "within 2 working days"; for steps only, their total
  std::string by_day;     // "by working day 5": the running total on the main path
  std::vector<ChartStep> steps;
  std::vector<std::string> moves;  // "When unresolved: go to stage 2", in the outline only
  std::string formal_start;  // "The [formal] procedure starts here, started by ...", where it does
  bool final = false;
  bool binding = false;
  std::string deadline;  // how its due date is counted: the deadline rule's words, as every output says it
};

enum class ChartEdgeKind {
  escalation,   // the way a case goes when it stays unresolved
  alternative,  // a move taken only under a condition
  entry,        // a route entered from a stage
  back,         // a move back to an earlier stage; drawn without bending the layout
  bypass,       // immediate risk: act outside the stages
};

struct ChartEdge {
  std::size_t from = 0;  // indexes into Chart::nodes
  std::size_t to = 0;
  std::string label;
  ChartEdgeKind kind = ChartEdgeKind::escalation;
};

struct Chart {
  std::string title;
  std::vector<ChartNode> nodes;  // immediate risk first, then stages in file order
  std::vector<ChartEdge> edges;
};

Chart chart_of(const model::Model& model, const analysis::Analyses& analyses);

// An outcome as the chart says it: "When unresolved: may go to stage 2, then record ...".
std::string outcome_words(const model::Outcome& outcome, const model::Model& model);

// The largest chart escc draws. Graphviz takes minutes to lay out a few hundred arrows
// that cross many stages, and crashes from about 17,000 boxes; no reader could follow
// a chart near either size. The largest real protocol has 6 boxes and 8 arrows.
inline constexpr std::size_t max_chart_boxes = 200;
inline constexpr std::size_t max_chart_arrows = 200;
inline bool too_large_to_draw(const Chart& chart) {
  return chart.nodes.size() > max_chart_boxes || chart.edges.size() > max_chart_arrows;
}

// One entry per box, in reading order, with its details: the chart as a list.
struct OutlineItem {
  std::string text;
  std::vector<std::string> details;
};
std::vector<OutlineItem> chart_outline(const Chart& chart);
// The same as plain text, one fact a line, details indented.
std::string outline_text(const Chart& chart);

}  // namespace esc::backends
