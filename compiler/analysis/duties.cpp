#include "compiler/analysis/duties.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/source/spoken_list.hpp"

namespace esc::analysis {
namespace {

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string listed(const std::vector<model::Text>& texts, std::string_view conjunction) {
  std::vector<std::string_view> words;
  for (const auto& text : texts) words.push_back(text.value);
  return spoken_list(words, conjunction);
}

}  // namespace

std::vector<StageDuty> duties_at(const model::Model& model, const model::Stage& stage) {
  std::vector<StageDuty> duties;
  for (const auto& duty : stage.duties) duties.push_back({&duty, false});
  if (!model.protocol || (model.immediate_risk && &stage == &*model.immediate_risk)) return duties;
  for (const auto& duty : model.protocol->duties) {
    if (duty.formal_stages_only && !stage.formal_under(model.protocol->formal_start)) continue;
    duties.push_back({&duty, true});
  }
  return duties;
}

std::string duty_words(const model::Duty& duty, const model::Model& model) {
  // A duty in the document's own words has its verb in its object.
  std::vector<std::string_view> said;
  if (duty.modality != model::Modality::unstated) said.push_back(model::modality_name(duty.modality));
  if (duty.verb != model::duty_in_own_words || !duty.object) said.push_back(duty.verb);
  if (duty.form.valid()) {
    said.push_back(model.forms.at(duty.form.index).title.value);
  } else if (duty.object) {
    said.push_back(duty.object->value);
  }
  std::string words = capitalised(fmt::format("{}", fmt::join(said, " ")));
  if (!duty.to.empty()) words += " to " + listed(duty.to, duty.to_one_of ? "or" : "and");
  if (duty.on) words += fmt::format(" on {}", duty.on->value);
  if (duty.via) words += fmt::format(" via {}", duty.via->value);
  if (!duty.emails.empty()) words += " (email " + listed(duty.emails, "and") + ")";
  if (duty.by) words += fmt::format(", by {}", duty.by->value);
  if (duty.timeframe) words += ", " + duty.timeframe->describe();
  if (duty.before_stage) words += fmt::format(", before stage {}", *duty.before_stage);
  if (duty.condition) words += fmt::format(", if {}", duty.condition->value);
  if (duty.under) words += fmt::format(", under {}", duty.under->value);
  return words;
}

std::string_view where_duty_holds(const model::Duty& duty) {
  return duty.formal_stages_only ? "at every formal stage" : "at every stage";
}

}  // namespace esc::analysis
