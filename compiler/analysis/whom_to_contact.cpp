#include "compiler/analysis/whom_to_contact.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "compiler/analysis/lines.hpp"

namespace esc::analysis {

WhomToContact whom_to_contact(const model::Model& model) {
  auto labels = line_order(model);
  WhomToContact whom;
  whom.stages.resize(model.stages.size());
  std::map<std::vector<std::string>, std::uint32_t> list_of_lines;
  for (std::size_t s = 0; s < model.stages.size(); ++s) {
    const auto& stage = model.stages[s];
    auto& listed = whom.stages[s];
    for (const auto& contact : stage.contacts) listed.named.push_back({&contact, contact.of});
    for (const auto& range : stage.contact_lines) {
      if (!range.agency.valid()) continue;
      auto only = labels_between(range, labels);
      const auto& agency = model.agency(range.agency);
      for (const auto& line : agency.lines) {
        if (std::find(only.begin(), only.end(), line.label) == only.end()) continue;
        for (const auto& contact : line.contacts) listed.named.push_back({&contact, range.agency});
      }
    }
    auto wanted = stage_line_labels(stage, labels);
    if (wanted.empty()) continue;
    auto [known, added] = list_of_lines.try_emplace(wanted, static_cast<std::uint32_t>(whom.line_lists.size()));
    listed.lines = known->second;
    if (!added) continue;
    auto& contacts = whom.line_lists.emplace_back();
    for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
      const auto& agency = model.agencies[a];
      for (const auto& contact : agency.contacts) contacts.push_back({&contact, {a}});
      for (const auto& line : agency.lines) {
        if (std::find(wanted.begin(), wanted.end(), line.label) == wanted.end()) continue;
        for (const auto& contact : line.contacts) contacts.push_back({&contact, {a}});
      }
    }
  }
  // A contact a stage names and also reaches through its lines, or through two of its
  // ranges of lines, is listed once: where it first comes, in the lines' list when it is
  // there, so that every output shows each contact of a stage once.
  for (auto& listed : whom.stages) {
    std::vector<const model::Contact*> seen;
    if (listed.lines) {
      for (const auto& entry : whom.line_lists[*listed.lines]) seen.push_back(entry.contact);
    }
    std::erase_if(listed.named, [&](const StageContact& entry) {
      if (std::find(seen.begin(), seen.end(), entry.contact) != seen.end()) return true;
      seen.push_back(entry.contact);
      return false;
    });
  }
  return whom;
}

}  // namespace esc::analysis
