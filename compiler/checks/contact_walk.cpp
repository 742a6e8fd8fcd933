#include "compiler/checks/contact_walk.hpp"

#include <fmt/format.h>

namespace esc::checks {

std::string ContactPlace::describe() const {
  if (protocol_block) return "the protocol block";
  if (immediate_risk) return "the immediate risk rule";
  if (stage != nullptr) return stage->label();
  if (form != nullptr) return fmt::format("form {}", form->name);
  if (complaints != nullptr) return fmt::format("complaints about {}", complaints->about.value);
  if (line != nullptr) return fmt::format("{} line {}", agency_listing->name, line->label);
  if (agency_listing != nullptr) return agency_listing->name;
  return "the protocol";
}

}  // namespace esc::checks
