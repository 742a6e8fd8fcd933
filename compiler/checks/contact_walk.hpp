// Visits every contact in a model with a description of where it is listed, so that
// contact checks need not know the model's layout.
#pragma once

#include <functional>
#include <string>

#include "compiler/model.hpp"

namespace esc::checks {

struct ContactPlace {
  std::string where;  // "police line 2", "stage 3", "the protocol block"
  model::AgencyId agency;  // the agency it belongs to, when known
};

void for_each_contact(const model::Model& model,
                      const std::function<void(const model::Contact&, const ContactPlace&)>& visit);

}  // namespace esc::checks
