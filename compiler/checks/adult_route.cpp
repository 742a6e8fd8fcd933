// G008: a protocol that covers adults needs a way to escalate within adult services.
#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"
#include "compiler/checks/unknowns.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {

void adult_route(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.protocol || !model.protocol->scope.has(model::Scope::adults)) return;
  // A title names adult services when it names adults and is not the board or
  // partnership: "Barnet Safeguarding Adults Board" oversees adult safeguarding, but is
  // no service to escalate within, and its name once silenced this check.
  auto names_adults = [](std::string_view title) {
    auto words = normalise_words(title);
    return words.find("adult") != std::string::npos && words.find("board") == std::string::npos &&
           words.find("partnership") == std::string::npos;
  };
  bool adult_route = std::any_of(model.agencies.begin(), model.agencies.end(), [&](const model::Agency& agency) {
    if (agency.kind && normalise_words(agency.kind->value) == "adult_social_care") return true;
    if (agency.kind && normalise_words(agency.kind->value) == "partnership") return false;
    if (names_adults(agency.title.value)) return true;
    return std::any_of(agency.roles.begin(), agency.roles.end(),
                       [&](const model::Role& role) { return names_adults(role.title.value); });
  });
  // A contact for adult services ("Adult SLOs") is a route within them too.
  for_each_contact(model, [&](const model::Contact& contact, const ContactPlace&) {
    adult_route = adult_route || names_adults(contact.title.value);
  });
  if (adult_route) return;
  auto* d = report_unless_unknown(context, sink, Code::G008, model.protocol->scope_span,
                                  "the protocol covers adults, but no agency, role or contact for adult services is "
                                  "listed, so there is no route to escalate within adult services",
                                  {}, "whether there is a route to escalate within adult services");
  if (d != nullptr) {
    d->suggestion = "add the adult social care agency with its escalation lines, and 'kind adult_social_care'";
  }
}

}  // namespace esc::checks
