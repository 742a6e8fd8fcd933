#include "compiler/analysis/whom_to_contact.hpp"

#include <algorithm>

#include "compiler/analysis/lines.hpp"

namespace esc::analysis {

std::vector<std::vector<StageContact>> whom_to_contact(const model::Model& model) {
  auto labels = line_order(model);
  std::vector<std::vector<StageContact>> listed(model.stages.size());
  for (std::size_t s = 0; s < model.stages.size(); ++s) {
    const auto& stage = model.stages[s];
    auto& contacts = listed[s];
    for (const auto& contact : stage.contacts) contacts.push_back({&contact, contact.of});
    auto wanted = stage_line_labels(stage, labels);
    if (wanted.empty()) continue;
    for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
      const auto& agency = model.agencies[a];
      for (const auto& contact : agency.contacts) contacts.push_back({&contact, {a}});
      for (const auto& line : agency.lines) {
        if (std::find(wanted.begin(), wanted.end(), line.label) == wanted.end()) continue;
        for (const auto& contact : line.contacts) contacts.push_back({&contact, {a}});
      }
    }
  }
  return listed;
}

}  // namespace esc::analysis
