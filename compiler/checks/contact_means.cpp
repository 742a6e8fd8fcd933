// C003: a contact with no phone, email, call sign, switchboard or go-between cannot
// be reached from the directory. A post in the reader's own agency is reached inside
// that agency, and needs none.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void contact_means(const Context& context, DiagnosticSink& sink) {
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    if (contact.has_number() || !contact.emails.empty() || !contact.call_signs.empty() || contact.via ||
        contact.address || contact.reached_in_own_agency()) {
      return;
    }
    auto message = fmt::format("'{}' ({}) has no phone number, email or other way to reach them", contact.title.value,
                               place.describe());
    auto what = fmt::format("how to reach '{}'", contact.title.value);
    if (contact.details_unknown) {
      // Recorded on the contact itself, read as an `unknown` on a block is.
      report_as_unknown(sink, Code::C003, contact.span, message, *contact.details_unknown, "its details", what);
      return;
    }
    const auto* agency = place.agency_listing;
    if (agency == nullptr && place.agency.valid()) agency = &context.model.agency(place.agency);
    auto* d = report_unless_unknown(context, sink, Code::C003, contact.span, message, {place.stage, agency, place.line},
                                    what);
    if (d != nullptr) d->suggestion = "add a phone or email, or 'via \"...\"' saying who gives out the details";
  });
}

}  // namespace esc::checks
