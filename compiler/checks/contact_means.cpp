// C003: a contact with no phone, email, call sign, switchboard or go-between cannot
// be reached from the directory.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void contact_means(const Context& context, DiagnosticSink& sink) {
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    if (!contact.phones.empty() || !contact.emails.empty() || !contact.call_signs.empty() ||
        !contact.switchboards.empty() || contact.via) {
      return;
    }
    const auto* agency = place.agency_listing;
    if (agency == nullptr && place.agency.valid()) agency = &context.model.agency(place.agency);
    auto* d = report_unless_unknown(context, sink, Code::C003, contact.span,
                                    fmt::format("'{}' ({}) has no phone number, email or other way to reach them",
                                                contact.title.value, place.describe()),
                                    {place.stage, agency, place.line},
                                    fmt::format("how to reach '{}'", contact.title.value));
    if (d != nullptr) d->suggestion = "add a phone or email, or 'via \"...\"' saying who gives out the details";
  });
}

}  // namespace esc::checks
