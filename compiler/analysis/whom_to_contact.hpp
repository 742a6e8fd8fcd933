// Whom to contact at each stage: decided here once. `escc deadlines`, the generated
// C++ tables (and so the runtime) use this answer; none of them works it out again.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

struct StageContact {
  const model::Contact* contact = nullptr;
  model::AgencyId agency;  // the agency it belongs to, when known
};

// For each stage, in the protocol's order:
// - the contacts the stage itself lists, and those on the lines of one agency it points
//   to ("contacts line 2 of police");
// - when the stage points to lines ("contacts line 1 to line 3"): every agency's
//   contacts on those lines, and the contacts the agency lists outside its lines.
// A stage that does neither says nobody, and its list is empty: escc does not choose
// for the document (C001 reports such a stage).
//
// Stages that point to the same lines share one list of those lines' contacts, so
// that a protocol of many stages and many agencies costs stages plus contacts, not
// their product.
struct WhomToContact {
  struct Stage {
    std::vector<StageContact> named;    // by the stage itself
    std::optional<std::uint32_t> lines;  // its lines' contacts, in `line_lists`
  };
  std::vector<Stage> stages;
  std::vector<std::vector<StageContact>> line_lists;

  // Every contact for a stage, in order: those it names, then those of its lines.
  template <typename Visit>
  void for_each(std::size_t stage, Visit&& visit) const {
    for (const auto& listed : stages[stage].named) visit(listed);
    if (stages[stage].lines) {
      for (const auto& listed : line_lists[*stages[stage].lines]) visit(listed);
    }
  }
};

WhomToContact whom_to_contact(const model::Model& model);

}  // namespace esc::analysis
