// C001 and C002: does every stage say whom to contact, and does every agency have the
// escalation lines a stage sends people to?
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/checks/checks.hpp"

namespace esc::checks {
namespace {

// The labels from `first` to `last` in the agency's own order of lines, or the
// numbers between them when both are numbers.
std::vector<std::string> labels_between(const model::LineRange& range, const std::vector<std::string>& all_labels) {
  auto is_number = [](const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), ::isdigit); };
  if (is_number(range.first) && is_number(range.last)) {
    std::vector<std::string> labels;
    for (int n = std::stoi(range.first); n <= std::stoi(range.last) && n < 1000; ++n) labels.push_back(std::to_string(n));
    return labels;
  }
  auto from = std::find(all_labels.begin(), all_labels.end(), range.first);
  auto to = std::find(all_labels.begin(), all_labels.end(), range.last);
  if (from == all_labels.end() || to == all_labels.end() || to < from) return {range.first, range.last};
  return {from, to + 1};
}

// "2", "2 or 3", "initial, 2 or 3"
std::string spoken_list(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

// Every line label, ordered as the agencies order their lines ("initial" before "1"
// when an agency declares it first), merging the agencies' orders; ties keep the
// order labels are first seen in.
std::vector<std::string> line_order(const model::Model& model) {
  std::vector<std::string> labels;
  std::map<std::string, std::set<std::string>> after;  // label -> labels that must follow it
  std::map<std::string, int> waiting;                  // label -> labels that must precede it
  for (const auto& agency : model.agencies) {
    for (std::size_t i = 0; i < agency.lines.size(); ++i) {
      const auto& label = agency.lines[i].label;
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
      waiting.emplace(label, 0);
      if (i == 0) continue;
      const auto& before = agency.lines[i - 1].label;
      if (before != label && after[before].insert(label).second) ++waiting[label];
    }
  }
  std::vector<std::string> ordered;
  std::vector<bool> placed(labels.size(), false);
  while (ordered.size() < labels.size()) {
    std::size_t next = 0;
    while (next < labels.size() && (placed[next] || waiting[labels[next]] > 0)) ++next;
    if (next == labels.size()) {  // the agencies disagree in a circle: keep first-seen order
      next = static_cast<std::size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
    }
    placed[next] = true;
    ordered.push_back(labels[next]);
    for (const auto& follower : after[labels[next]]) --waiting[follower];
  }
  return ordered;
}

}  // namespace

void stage_contacts(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  auto all_labels = line_order(model);
  bool first_formal = true;
  for (auto id : context.flow.main_path) {
    const auto& stage = model.stage(id);
    bool is_first = first_formal && stage.kind == model::StageKind::formal;
    if (stage.kind == model::StageKind::formal) first_formal = false;
    if (!stage.contacts.empty() || !stage.contact_lines.empty()) continue;
    // At the first stage practitioners deal directly with each other.
    if (is_first && !stage.parties.empty()) continue;
    if (stage.kind == model::StageKind::informal) continue;
    auto& d = sink.report(Code::C001, stage.span,
                          fmt::format("{} does not say whom to contact", stage.label()));
    d.suggestion = "list contacts in the stage, or point to the agencies' lines with 'contacts line 1'";
  }
  // Each distinct range of lines is judged once, at the first stage that uses it, so
  // the work grows with agencies times distinct ranges, not agencies times stages.
  std::set<std::pair<std::string, std::string>> judged;
  for (const auto& stage : model.stages) {
    for (const auto& range : stage.contact_lines) {
      if (!judged.insert({range.first, range.last}).second) continue;
      auto wanted = labels_between(range, all_labels);
      for (const auto& agency : model.agencies) {
        if (agency.lines.empty()) continue;
        std::vector<std::string> missing;
        for (const auto& label : wanted) {
          bool has = std::any_of(agency.lines.begin(), agency.lines.end(),
                                 [&](const model::Line& line) { return line.label == label; });
          if (!has) missing.push_back(label);
        }
        if (missing.empty()) continue;
        auto& d = sink.report(Code::C002, range.span,
                              fmt::format("{} sends people to {} of each agency, but {} has no line {}",
                                          stage.label(),
                                          range.first == range.last ? "line " + range.first
                                                                    : "lines " + range.first + " to " + range.last,
                                          agency.name, spoken_list(missing)));
        d.notes.push_back({agency.span, fmt::format("{} is declared here", agency.name)});
      }
    }
  }
}

}  // namespace esc::checks
