// C007 and C008: on each agency's escalation line, is there someone to call at every
// hour of the week, and for every kind of case the line distinguishes?
#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/availability.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void line_coverage(const Context& context, DiagnosticSink& sink) {
  auto any_hours = [](const model::Line& line) {
    return std::any_of(line.contacts.begin(), line.contacts.end(),
                       [](const model::Contact& c) { return !c.windows.empty(); });
  };
  analysis::ContactHours contact_hours(context.model);
  for (const auto& agency : context.model.agencies) {
    // An agency whose lines say nothing about hours is not judged on them; once one of
    // its lines names who to call out of hours, every line of it is.
    bool states_hours = std::any_of(agency.lines.begin(), agency.lines.end(), any_hours);
    for (const auto& line : agency.lines) {
      const auto& contacts = line.contacts;
      if (contacts.empty()) continue;
      // Each contact's hours are worked out once; everything else is unions of them.
      std::vector<analysis::Availability> hours;
      hours.reserve(contacts.size());
      analysis::Availability whole;
      // A number the document says is not for escalation covers no hour of an escalation
      // line, whenever it answers (C010 reports it being there at all).
      for (const auto& contact : contacts) {
        hours.push_back(contact.not_for_escalation ? analysis::Availability() : contact_hours.of(contact));
        whole.add(hours.back());
      }
      if (states_hours) {
        auto gaps = whole.missing();
        if (!gaps.empty()) {
          // Said of the document, not of the service: escc knows what the protocol names,
          // not whether someone would answer.
          auto* d = report_unless_unknown(
              context, sink, Code::C007, line.span,
              fmt::format("on {} line {} the protocol names nobody who can be contacted {}", agency.name, line.label,
                          gaps.describe()),
              {nullptr, &agency, &line},
              fmt::format("who can be contacted on {} line {} ({})", agency.name, line.label, gaps.describe()));
          if (d != nullptr) {
            auto unstated = std::count_if(contacts.begin(), contacts.end(),
                                          [](const model::Contact& c) { return c.windows.empty(); });
            if (unstated > 0) {
              d->notes.push_back(
                  {std::nullopt,
                   fmt::format("{} of the line's {} contacts {} no hours stated; the protocol does not say {} can be "
                               "reached outside office hours (weekdays 09:00-17:00), so escc counts {} only then",
                               unstated, contacts.size(), unstated == 1 ? "has" : "have",
                               unstated == 1 ? "it" : "they", unstated == 1 ? "it" : "them")});
            }
            auto not_for_escalation = std::count_if(contacts.begin(), contacts.end(),
                                                    [](const model::Contact& c) { return c.not_for_escalation; });
            if (not_for_escalation > 0) {
              d->notes.push_back({std::nullopt, fmt::format("{} of the line's contacts {} not for escalation, so escc "
                                                            "counts {} at no hour",
                                                            not_for_escalation, not_for_escalation == 1 ? "is" : "are",
                                                            not_for_escalation == 1 ? "it" : "them")});
            }
            d->suggestion = "add who to contact at those times, such as: contact \"...\" available out_of_hours";
          }
        }
      }
      // Kinds of case: when the line names whom to call for open cases or new
      // referrals, each kind must be covered whenever the line as a whole is.
      bool distinguishes = std::any_of(contacts.begin(), contacts.end(),
                                       [](const model::Contact& c) { return !c.case_kinds.empty(); });
      if (!distinguishes) continue;
      for (auto kind : {model::CaseKind::open_cases, model::CaseKind::new_referrals}) {
        analysis::Availability for_kind;
        for (std::size_t i = 0; i < contacts.size(); ++i) {
          if (contacts[i].case_kinds.empty() || contacts[i].case_kinds.has(kind)) for_kind.add(hours[i]);
        }
        auto uncovered = for_kind.missing().within(whole);
        if (uncovered.empty()) continue;
        auto kind_words = kind == model::CaseKind::open_cases ? "open cases" : "new referrals";
        auto* d = report_unless_unknown(
            context, sink, Code::C008, line.span,
            fmt::format("{} line {} says nobody to contact for {} {}", agency.name, line.label, kind_words,
                        uncovered.describe()),
            {nullptr, &agency, &line},
            fmt::format("whom to contact on {} line {} for {}", agency.name, line.label, kind_words));
        if (d != nullptr) d->suggestion = fmt::format("add a contact 'for {}'", kind_words);
      }
    }
  }
}

}  // namespace esc::checks
