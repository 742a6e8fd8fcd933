// C003: a contact with no phone, email, call sign, switchboard or go-between cannot
// be reached from the directory.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void contact_means(const Context& context, DiagnosticSink& sink) {
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    if (!contact.phones.empty() || !contact.emails.empty() || !contact.call_signs.empty() ||
        !contact.switchboards.empty() || contact.via) {
      return;
    }
    auto& d = sink.report(Code::C003, contact.span,
                          fmt::format("'{}' ({}) has no phone number, email or other way to reach them",
                                      contact.title.value, place.describe()));
    d.suggestion = "add a phone or email, or 'via \"...\"' saying who gives out the details";
  });
}

}  // namespace esc::checks
