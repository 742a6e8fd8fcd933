// C011: one service given different hours in different places. The same post (or
// person) of the same agency, for the same cases and under the same condition, can be
// reached at one set of hours only; when the document gives two, a reader cannot tell
// which is right.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "compiler/analysis/availability.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {

void different_hours(const Context& context, DiagnosticSink& sink) {
  analysis::ContactHours hours(context.model);
  using Key = std::tuple<std::uint32_t, std::string, std::uint8_t, std::string>;
  std::map<Key, const model::Contact*> first_stated;
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    if (contact.windows.empty()) return;  // a listing that says nothing of hours does not disagree
    auto who = contact.person ? contact.person->value : contact.title.value;
    Key key{place.agency.index, normalise_words(who), contact.case_kinds.bits(),
            contact.condition ? normalise_words(contact.condition->value) : std::string()};
    auto [seen, added] = first_stated.emplace(key, &contact);
    if (added) return;
    const auto* earlier = seen->second;
    const auto* later = &contact;
    if (later->span.begin < earlier->span.begin) std::swap(earlier, later);
    auto was = hours.of(*earlier);
    auto now = hours.of(*later);
    if (was == now) return;
    auto& d = sink.report(Code::C011, later->span,
                          fmt::format("'{}' is available {} here, but {} where it is listed before", who,
                                      now.describe(), was.describe()));
    d.notes.push_back({earlier->span, "the other listing is here"});
    d.suggestion = "give the hours the document means in both places, or record the disagreement with 'ambiguous'";
  });
}

}  // namespace esc::checks
