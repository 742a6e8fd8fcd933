// C015: no arrangement out of hours, when the protocol covers risk that can arise at any
// hour. An immediate-risk rule that names the route a concern takes (or whom to call)
// is for a child or adult at risk at night and at weekends too; a protocol that names
// nobody to contact then, or an agency of which it names nobody then while it does for
// others, leaves the practitioner without a way.
// C007 judges each line's hours once an agency states some; this judges the agency and
// the protocol as a whole, and reads an agency that states no hours as the document
// leaves it: reachable in office hours only.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/availability.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void out_of_hours(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.protocol || !model.immediate_risk) return;
  analysis::ContactHours hours(model);
  const auto outside = analysis::Availability::office_hours().missing();
  // A number the document says is not for escalation is no arrangement for escalating
  // out of hours, whenever it answers; one the immediate-risk rule itself names is the
  // route the rule gives for risk, which is what it is for.
  auto answers_outside = [&](const model::Contact& contact) { return !hours.of(contact).within(outside).empty(); };
  auto reachable_outside = [&](const model::Contact& contact) {
    return !contact.not_for_escalation && answers_outside(contact);
  };
  bool covered = false;
  for_each_contact(model, [&](const model::Contact& contact, const ContactPlace& place) {
    covered = covered || (place.immediate_risk ? answers_outside(contact) : reachable_outside(contact));
  });
  // A rule that names the route a concern takes, or whom to call, makes an arrangement
  // for risk at any hour; one that names neither makes none to judge.
  const auto& rule = *model.immediate_risk;
  bool rule_names_a_way = rule.through || rule.actor || !rule.contacts.empty();
  if (!covered && rule_names_a_way) {
    auto* d = report_unless_unknown(
        context, sink, Code::C015, model.immediate_risk->span,
        "the protocol has an immediate-risk rule, for risk that can arise at any hour, but names nobody who can be "
        "contacted out of hours (outside weekdays 09:00-17:00)",
        {}, "who can be contacted out of hours");
    if (d != nullptr) {
      if (model.immediate_risk->through) {
        d->notes.push_back({model.immediate_risk->through->span,
                            fmt::format("the rule sends the concern through \"{}\"; the protocol does not say who "
                                        "answers out of hours",
                                        model.immediate_risk->through->value)});
      }
      d->suggestion = "if the document names an out-of-hours service (an emergency duty team, the police on 999), "
                      "add it: contact \"...\" available out_of_hours";
    }
  }
  if (!covered) return;
  for (const auto& agency : model.agencies) {
    std::vector<const model::Contact*> contacts;
    for (const auto& contact : agency.contacts) contacts.push_back(&contact);
    for (const auto& line : agency.lines) {
      for (const auto& contact : line.contacts) contacts.push_back(&contact);
    }
    if (contacts.empty()) continue;  // whom to contact at all is C002's
    if (std::any_of(contacts.begin(), contacts.end(), [&](const model::Contact* c) { return reachable_outside(*c); })) {
      continue;
    }
    auto* d = report_unless_unknown(
        context, sink, Code::C015, agency.span,
        fmt::format("the protocol names nobody at {} who can be contacted out of hours (outside weekdays "
                    "09:00-17:00), though it names others who can, and its immediate-risk rule covers risk that can "
                    "arise at any hour",
                    agency.title.value),
        {nullptr, &agency, nullptr}, fmt::format("who can be contacted at {} out of hours", agency.title.value));
    if (d == nullptr) continue;
    auto unstated = std::count_if(contacts.begin(), contacts.end(), [](const model::Contact* c) { return c->windows.empty(); });
    if (unstated > 0) {
      d->notes.push_back({std::nullopt, fmt::format("{} of its {} contacts {} no hours stated, so escc counts {} in "
                                                    "office hours only",
                                                    unstated, contacts.size(), unstated == 1 ? "has" : "have",
                                                    unstated == 1 ? "it" : "them")});
    }
    auto not_for_escalation =
        std::count_if(contacts.begin(), contacts.end(), [](const model::Contact* c) { return c->not_for_escalation; });
    if (not_for_escalation > 0) {
      d->notes.push_back({std::nullopt, fmt::format("{} of its contacts {} not for escalation, so escc counts {} at no "
                                                    "hour",
                                                    not_for_escalation, not_for_escalation == 1 ? "is" : "are",
                                                    not_for_escalation == 1 ? "it" : "them")});
    }
    d->suggestion = "if the document names whom to contact at this agency out of hours, add them with "
                    "'available out_of_hours'";
  }
}

}  // namespace esc::checks
