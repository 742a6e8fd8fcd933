// G014: one abbreviation given for two different names (a partnership `as HSCP`, and
// `term "HSCP" means` something else): the document names one body two ways, or two
// bodies one way, and a reader cannot tell which it means.
#include <fmt/format.h>

#include <map>
#include <string>

#include "compiler/checks/abbreviations.hpp"
#include "compiler/checks/checks.hpp"

namespace esc::checks {

void one_body_two_names(const Context& context, DiagnosticSink& sink) {
  std::map<std::string_view, Abbreviation> first;
  for (const auto& abbreviation : abbreviations_of(context.model)) {
    auto [seen, added] = first.emplace(abbreviation.letters, abbreviation);
    if (added) continue;
    const auto& earlier = seen->second;
    if (same_name_key(earlier.name) == same_name_key(abbreviation.name)) continue;
    auto& d = sink.report(Code::G014, abbreviation.span,
                          fmt::format("'{}' stands for '{}' here, but for '{}' where it is given before",
                                      abbreviation.letters, abbreviation.name, earlier.name));
    d.notes.push_back({earlier.span, "given here"});
    d.suggestion = "if both names mean one body, use one name and write the other with 'also called'";
  }
}

}  // namespace esc::checks
