#include "compiler/analysis/lines.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

namespace esc::analysis {
namespace {

// Line numbers are small; a label of digits too long for a line number is a name.
std::optional<int> small_number(const std::string& label) {
  int value = 0;
  auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), value);
  if (error != std::errc() || end != label.data() + label.size() || value < 0 || value >= 1000) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::string> labels_between(const model::LineRange& range, const std::vector<std::string>& all_labels) {
  auto first = small_number(range.first);
  auto last = small_number(range.last);
  if (first && last) {
    std::vector<std::string> labels;
    for (int n = *first; n <= *last; ++n) labels.push_back(std::to_string(n));
    return labels;
  }
  auto from = std::find(all_labels.begin(), all_labels.end(), range.first);
  auto to = std::find(all_labels.begin(), all_labels.end(), range.last);
  if (from == all_labels.end() || to == all_labels.end() || to < from) return {range.first, range.last};
  return {from, to + 1};
}

// "initial" comes before "1" when an agency declares it first; the agencies' orders
// are merged, and ties keep the order labels are first seen in.
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

std::vector<std::string> stage_line_labels(const model::Stage& stage, const std::vector<std::string>& all_labels) {
  std::vector<std::string> labels;
  for (const auto& range : stage.contact_lines) {
    if (range.agency.valid()) continue;  // one agency's lines are that agency's contacts, not every agency's
    for (auto& label : labels_between(range, all_labels)) {
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(std::move(label));
    }
  }
  return labels;
}

}  // namespace esc::analysis
