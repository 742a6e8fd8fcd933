// The property of the saved-case fuzz target, shared with the regression test like
// properties.hpp: the runtime's reader of a caseworker's saved case (Escalation::restore)
// under two protocols' generated tables, Wolverhampton's (with a route from any stage)
// and Enfield's (entered only by a route). Built by the escc of the same build
// (tests/fuzz/CMakeLists.txt, tests/CMakeLists.txt).
#pragma once

#include <string>
#include <string_view>

#include "enfield.hpp"
#include "escc/runtime.hpp"
#include "wolverhampton.hpp"

namespace esc::fuzz {

// `{{hash}}` in an input stands for the protocol's hash, so that the seeds (saved cases)
// still restore after a change to the compiler changes every protocol's tables.
template <typename P>
std::string with_hash_of(const P& protocol, std::string text) {
  constexpr std::string_view hole = "{{hash}}";
  const auto hash = escc::ProtocolTypes<P>::tables(protocol).hash;
  for (auto at = text.find(hole); at != std::string::npos; at = text.find(hole, at + hash.size())) {
    text.replace(at, hole.size(), hash);
  }
  return text;
}

template <typename P>
const char* saved_case_under(const P& protocol, const std::string& input) {
  auto text = with_hash_of(protocol, input);
  auto restored = escc::Escalation<P>::restore(protocol, text);
  if (!restored.ok()) {
    return restored.reason() == escc::Reason::none || restored.why() == "an unknown reason" ? "a refusal without its reason"
                                                                                              : nullptr;
  }
  // A case it accepts is a valid case: saved again, it restores to the same case.
  auto saved = restored->to_json();
  auto again = escc::Escalation<P>::restore(protocol, saved);
  if (!again.ok()) return "a restored case, saved again, is refused";
  if (again->to_json() != saved) return "a restored case saved again reads differently";
  if (again->history().size() != restored->history().size()) return "a restored case lost its history";
  return nullptr;
}

inline const char* saved_case_property(const std::string& text) {
  if (const char* broken = saved_case_under(escc_wolverhampton::protocol, text)) return broken;
  return saved_case_under(escc_enfield::protocol, text);
}

}  // namespace esc::fuzz
