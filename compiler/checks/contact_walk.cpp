#include "compiler/checks/contact_walk.hpp"

#include <fmt/format.h>

namespace esc::checks {

void for_each_contact(const model::Model& model,
                      const std::function<void(const model::Contact&, const ContactPlace&)>& visit) {
  if (model.protocol) {
    for (const auto& contact : model.protocol->contacts) visit(contact, {"the protocol block", contact.of});
  }
  if (model.immediate_risk) {
    for (const auto& contact : model.immediate_risk->contacts) visit(contact, {"the immediate risk rule", contact.of});
  }
  for (const auto& stage : model.stages) {
    for (const auto& contact : stage.contacts) visit(contact, {stage.label(), contact.of});
  }
  for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
    const auto& agency = model.agencies[a];
    for (const auto& contact : agency.contacts) visit(contact, {agency.name, {a}});
    for (const auto& line : agency.lines) {
      for (const auto& contact : line.contacts) visit(contact, {fmt::format("{} line {}", agency.name, line.label), {a}});
    }
  }
  for (const auto& form : model.forms) {
    for (const auto& contact : form.send_to) visit(contact, {fmt::format("form {}", form.name), contact.of});
  }
}

}  // namespace esc::checks
