// Whom to contact at each stage: decided here once. `escc deadlines`, the generated
// C++ tables (and so the runtime) use this list; none of them works it out again.
#pragma once

#include <vector>

#include "compiler/model.hpp"

namespace esc::analysis {

struct StageContact {
  const model::Contact* contact = nullptr;
  model::AgencyId agency;  // the agency it belongs to, when known
};

// For each stage, in the protocol's order:
// - the contacts the stage itself lists;
// - when the stage points to lines ("contacts line 1 to line 3"): every agency's
//   contacts on those lines, and the contacts the agency lists outside its lines.
// A stage that does neither says nobody, and its list is empty: escc does not choose
// for the document (C001 reports such a stage).
std::vector<std::vector<StageContact>> whom_to_contact(const model::Model& model);

}  // namespace esc::analysis
