#include "compiler/backends/chart.hpp"

#include <fmt/format.h>

#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::backends {
namespace {

// How a reader knows a stage: a route by its title, never by the name the file gives it.
std::string reader_label(const model::Stage& stage) {
  if (stage.kind == model::StageKind::route) return fmt::format("the route \"{}\"", stage.title.value);
  return stage.label();
}

std::string who_of(const model::Stage& stage, const model::Model& model) {
  if (stage.parties.size() == 2) return fmt::format("{} to {}", stage.parties[0].value, stage.parties[1].value);
  if (stage.parties.size() == 1) return std::string(stage.parties[0].value);
  if (stage.level.valid()) {
    const auto& level = model.levels.at(stage.level.index);
    return level.title ? std::string(level.title->value) : level.name;
  }
  return {};
}

std::string timeframe_of(const model::Stage& stage, const analysis::StageTime& time) {
  std::string text;
  for (const auto& t : stage.timeframes) text += (text.empty() ? "" : "; ") + t.stated();
  if (text.empty() && time.from_steps && time.own) text = "steps take " + analysis::days_words(*time.own);
  return text;
}


std::vector<ChartStep> steps_of(const model::Stage& stage) {
  std::vector<ChartStep> steps;
  for (const auto& step : stage.steps) {
    auto when = step.time_words();
    // Its time is the other step's, which the reader is told instead of nothing.
    if (when.empty() && step.part_of) when = fmt::format("as part of '{}'", step.part_of->value);
    if (step.modality != model::Modality::unstated) {
      when = fmt::format("{} be done{}{}", model::modality_name(step.modality), when.empty() ? "" : " ", when);
    }
    // Who acts, and on what condition, as the document gives them.
    auto title = std::string(step.title.value);
    if (step.by) title += fmt::format(", by {}", step.by->value);
    if (step.condition) title += fmt::format(", if {}", step.condition->value);
    steps.push_back({std::move(title), when});
  }
  return steps;
}

}  // namespace

std::string outcome_words(const model::Outcome& outcome, const model::Model& model) {
  std::string when;
  switch (outcome.kind) {
    case model::OutcomeKind::resolved: when = "When resolved"; break;
    case model::OutcomeKind::unresolved: when = "When unresolved"; break;
    case model::OutcomeKind::no_response: when = "When there is no response"; break;
  }
  if (outcome.condition) when += fmt::format(" and {}", outcome.condition->value);
  std::string actions;
  for (const auto& action : outcome.actions) {
    if (!actions.empty()) actions += ", then ";
    // The document's must, should or may, where it gives one.
    auto modal = std::string(model::modality_name(action.modality));
    switch (action.kind) {
      case model::ActionKind::go_to:
        if (!modal.empty()) actions += modal + " ";
        actions += action.target.valid() ? "go to " + reader_label(model.stage(action.target)) : "go on";
        break;
      case model::ActionKind::end:
        actions += modal.empty() ? "the disagreement is closed" : "the disagreement " + modal + " be closed";
        break;
      case model::ActionKind::duty: {
        const auto& duty = outcome.duties.at(action.duty);
        if (duty.modality != model::Modality::unstated) actions += std::string(model::modality_name(duty.modality)) + " ";
        if (duty.verb != model::duty_in_own_words || !duty.object) actions += duty.verb;
        if (duty.object) actions += fmt::format("{}{}", actions.ends_with(' ') || actions.empty() ? "" : " ", duty.object->value);
        if (!duty.to.empty()) {
          std::vector<std::string_view> whom;
          for (const auto& to : duty.to) whom.push_back(to.value);
          actions += " to " + spoken_list(whom, duty.to_one_of ? "or" : "and");
        }
        if (duty.timeframe) actions += " " + duty.timeframe->describe();
        break;
      }
    }
  }
  return when + ": " + actions;
}

Chart chart_of(const model::Model& model, const analysis::Analyses& analyses) {
  const auto& flow = analyses.flow;
  const auto& durations = analyses.durations;
  const auto& totals = analyses.totals;

  Chart chart;
  chart.title = model.protocol ? std::string(model.protocol->title.value) : "Escalation protocol";
  // A joint protocol belongs to every partnership that publishes it.
  if (model.protocol && !model.protocol->partnerships.empty()) {
    chart.title += " (" + model.protocol->partnership_names() + ")";
  }
  std::size_t first_stage_node = 0;
  if (model.immediate_risk) {
    ChartNode node;
    node.id = "immediate_risk";
    node.kind = ChartNodeKind::immediate_risk;
    node.heading = "Immediate risk";
    const auto& risk = *model.immediate_risk;
    if (risk.through) node.who = fmt::format("Through {}", risk.through->value);
    if (risk.actor) node.who += fmt::format("{}by {}", node.who.empty() ? "" : ", ", risk.actor_words());
    for (const auto& t : risk.timeframes) node.timeframe += (node.timeframe.empty() ? "" : "; ") + t.stated();
    node.steps = steps_of(risk);  // "consult quickly, then refer"
    chart.nodes.push_back(std::move(node));
    first_stage_node = 1;
  }

  std::vector<const analysis::PathPoint*> point_of(model.stages.size(), nullptr);
  for (const auto& point : totals) point_of[point.stage.index] = &point;

  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    ChartNode node;
    switch (stage.kind) {
      case model::StageKind::formal:
        node.kind = ChartNodeKind::formal;
        node.id = fmt::format("stage_{}", stage.number);
        break;
      case model::StageKind::informal:
        node.kind = ChartNodeKind::informal;
        node.id = "informal";
        break;
      case model::StageKind::route:
        node.kind = ChartNodeKind::route;
        node.id = fmt::format("route_{}", stage.name);
        break;
    }
    // Two stages may share a number in a faulty protocol; ids must stay unique.
    node.id += fmt::format("_{}", i);
    node.heading = stage.heading();
    node.who = who_of(stage, model);
    if (node.who == stage.title.value) node.who.clear();  // "Practitioners (Practitioners)" says nothing
    node.timeframe = timeframe_of(stage, durations.stages[i]);
    if (auto by_day = analysis::by_day_of(stage, point_of[i])) {
      node.by_day = "by working day " + analysis::number_words(*by_day);
    }
    node.steps = steps_of(stage);
    if (i < analyses.deadline_rules.size()) node.deadline = analyses.deadline_rules[i].words;
    if (const auto& start = model.protocol ? model.protocol->formal_start : std::nullopt;
        start && stage.kind == model::StageKind::formal && stage.number == start->stage_number) {
      // Never "formal" where the document does not call it so.
      auto modality = model::modality_name(start->modality);
      node.formal_start = fmt::format("The {}procedure {}", start->called_formal ? "formal " : "",
                                      modality.empty() ? "starts here" : fmt::format("{} start here", modality));
      if (start->started_by) node.formal_start += fmt::format(", started by {}", start->started_by->value);
      if (start->condition) node.formal_start += fmt::format(", if {}", start->condition->value);
    }
    for (const auto& outcome : stage.outcomes) {
      node.moves.push_back(outcome_words(outcome, model));
    }
    node.final = stage.final;
    node.binding = stage.binding;
    chart.nodes.push_back(std::move(node));
  }

  auto is_back_edge = [&](std::uint32_t from, const model::Action& action) {
    for (const auto& [stage, edge] : flow.back_edges) {
      if (stage.index == from && edge.to == action.target && edge.span == action.span) return true;
    }
    return false;
  };
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    const auto& time = durations.stages[i];
    for (const auto& outcome : stage.outcomes) {
      for (const auto& action : outcome.actions) {
        if (action.kind != model::ActionKind::go_to || !action.target.valid()) continue;
        ChartEdge edge;
        edge.from = first_stage_node + i;
        edge.to = first_stage_node + action.target.index;
        edge.label = std::string(model::outcome_name(outcome.kind));
        if (outcome.kind != model::OutcomeKind::resolved && time.own) edge.label += " after " + analysis::days_words(*time.own);
        if (outcome.condition) {
          edge.kind = ChartEdgeKind::alternative;
          edge.label += fmt::format(", if {}", outcome.condition->value);
        }
        if (is_back_edge(i, action)) edge.kind = ChartEdgeKind::back;
        chart.edges.push_back(std::move(edge));
      }
    }
    for (const auto& entry : stage.entries) {
      std::size_t from = 0;
      bool found = false;
      if (entry.any_stage) {
        found = flow.start.valid();
        from = first_stage_node + flow.start.index;
      } else {
        for (std::uint32_t j = 0; j < model.stages.size() && !found; ++j) {
          const auto& other = model.stages[j];
          if (other.kind == model::StageKind::formal && other.number == entry.stage_number) {
            found = true;
            from = first_stage_node + j;
          }
        }
      }
      if (!found) continue;
      ChartEdge edge;
      edge.from = from;
      edge.to = first_stage_node + i;
      edge.kind = ChartEdgeKind::entry;
      edge.label = entry.any_stage ? "from any stage" : "entry";
      if (entry.condition) edge.label += fmt::format(", if {}", entry.condition->value);
      chart.edges.push_back(std::move(edge));
    }
  }
  if (model.immediate_risk && flow.start.valid()) {
    chart.edges.push_back({.from = first_stage_node + flow.start.index,
                           .to = 0,
                           .label = "at immediate risk: act now, outside these stages",
                           .kind = ChartEdgeKind::bypass});
  }
  return chart;
}

std::vector<OutlineItem> chart_outline(const Chart& chart) {
  std::vector<OutlineItem> items;
  for (const auto& node : chart.nodes) {
    OutlineItem item;
    item.text = node.heading;
    if (!node.who.empty()) item.text += fmt::format(" ({})", node.who);
    if (!node.timeframe.empty()) item.text += ": " + node.timeframe;
    if (!node.by_day.empty()) item.text += fmt::format(", {}", node.by_day);
    item.text += ".";
    if (node.kind == ChartNodeKind::immediate_risk) {
      item.details.push_back("This applies at any point and does not wait for the stages below.");
    }
    for (std::size_t s = 0; s < node.steps.size(); ++s) {
      const auto& step = node.steps[s];
      item.details.push_back(fmt::format("Step {}: {}{}.", s + 1, step.title,
                                         step.timeframe.empty() ? "" : ", " + step.timeframe));
    }
    if (!node.formal_start.empty()) item.details.push_back(node.formal_start + ".");
    for (const auto& move : node.moves) item.details.push_back(move + ".");
    for (const auto& edge : chart.edges) {
      if (edge.kind == ChartEdgeKind::entry && &chart.nodes[edge.to] == &node) {
        item.details.push_back(fmt::format("Entered from {} ({}).", chart.nodes[edge.from].heading, edge.label));
      }
    }
    if (node.final) item.details.push_back(node.binding ? "This is the final stage; its decision is binding."
                                                        : "This is the final stage.");
    items.push_back(std::move(item));
  }
  return items;
}

std::string outline_text(const Chart& chart) {
  std::string text = chart.title + "\n";
  auto items = chart_outline(chart);
  for (std::size_t i = 0; i < items.size(); ++i) {
    text += fmt::format("{}. {}\n", i + 1, items[i].text);
    for (const auto& detail : items[i].details) text += fmt::format("   - {}\n", detail);
  }
  return text;
}

}  // namespace esc::backends
