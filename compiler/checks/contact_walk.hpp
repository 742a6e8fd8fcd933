// Visits every contact in a model with where it is listed, so that contact checks
// need not know the model's layout.
#pragma once

#include <string>

#include "compiler/model/model.hpp"

namespace esc::checks {

// Where a contact is listed. Described in words only when a finding needs it.
struct ContactPlace {
  const model::Stage* stage = nullptr;
  const model::Agency* agency_listing = nullptr;  // the agency whose block lists it
  const model::Line* line = nullptr;
  const model::Form* form = nullptr;
  const model::Complaints* complaints = nullptr;
  bool protocol_block = false;
  bool immediate_risk = false;
  model::AgencyId agency;  // the agency it belongs to, when known

  std::string describe() const;  // "police line 2", "stage 3", "the protocol block"
};

template <typename Visit>
void for_each_contact(const model::Model& model, Visit&& visit) {
  if (model.protocol) {
    for (const auto& contact : model.protocol->contacts) visit(contact, ContactPlace{.protocol_block = true, .agency = contact.of});
  }
  if (model.immediate_risk) {
    for (const auto& contact : model.immediate_risk->contacts) {
      visit(contact, ContactPlace{.immediate_risk = true, .agency = contact.of});
    }
  }
  for (const auto& stage : model.stages) {
    for (const auto& contact : stage.contacts) visit(contact, ContactPlace{.stage = &stage, .agency = contact.of});
  }
  for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
    const auto& agency = model.agencies[a];
    for (const auto& contact : agency.contacts) visit(contact, ContactPlace{.agency_listing = &agency, .agency = {a}});
    for (const auto& line : agency.lines) {
      for (const auto& contact : line.contacts) {
        visit(contact, ContactPlace{.agency_listing = &agency, .line = &line, .agency = {a}});
      }
    }
  }
  for (const auto& form : model.forms) {
    for (const auto& contact : form.send_to) visit(contact, ContactPlace{.form = &form, .agency = contact.of});
  }
  for (const auto& complaints : model.complaints) {
    for (const auto& contact : complaints.contacts) {
      visit(contact, ContactPlace{.complaints = &complaints, .agency = contact.of});
    }
  }
}

}  // namespace esc::checks
