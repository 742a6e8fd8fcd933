// C010: a number the document says is not for escalation (a referral line, a
// switchboard) listed where a practitioner escalates: on an agency's escalation line, or
// among a stage's contacts.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void not_for_escalation(const Context& context, DiagnosticSink& sink) {
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    if (!contact.not_for_escalation) return;
    bool escalated_to = place.line != nullptr || (place.stage != nullptr && place.stage->kind != model::StageKind::informal);
    if (!escalated_to) return;
    auto& d = sink.report(Code::C010, contact.span,
                          fmt::format("'{}' is listed as a contact to escalate to ({}), but the protocol says it is "
                                      "not for escalation{}",
                                      contact.title.value, place.describe(),
                                      contact.purpose ? fmt::format(" ('{}')", contact.purpose->value) : ""));
    if (contact.listed_at) d.notes.push_back({*contact.listed_at, "its listing, which says so, is here"});
    d.suggestion = "list it where the document gives it (the agency's block, the immediate risk rule), or name the "
                   "contact to escalate to instead";
  });
}

}  // namespace esc::checks
