#include <fmt/format.h>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

const std::vector<Registered>& registry() {
  static const std::vector<Registered> checks = {
      {"review-date", review_date},
      {"approval", approval},
      {"approval-dates", approval_dates},
      {"status", status},
      {"title", title},
      {"immediate-risk", immediate_risk},
      {"immediate-risk-rule-incomplete", immediate_risk_rule_incomplete},
      {"no-stages", no_stages},
      {"unreachable", unreachable},
      {"dead-end", dead_end},
      {"escalation-cycle", escalation_cycle},
      {"conflicting-moves", conflicting_moves},
      {"final-stage", final_stage},
      {"binding-stage-escalates", binding_stage_escalates},
      {"final-decision", final_decision},
      {"formal-start", formal_start},
      {"stage-numbering", stage_numbering},
      {"figure-order", figure_order},
      {"running-total", running_total},
      {"overall-target", overall_target},
      {"target-exceeded-by-known", target_exceeded_by_known},
      {"missing-timeframe", missing_timeframe},
      {"steps-and-stage", steps_and_stage},
      {"clock-start", clock_start},
      {"mandatory-and-indicative", mandatory_and_indicative},
      {"unit-not-stated", unit_not_stated},
      {"two-units", two_units},
      {"stage-contacts", stage_contacts},
      {"contact-means", contact_means},
      {"phone-numbers", phone_numbers},
      {"email-addresses", email_addresses},
      {"conflicting-details", conflicting_details},
      {"line-coverage", line_coverage},
      {"repeated-availability", repeated_availability},
      {"not-for-escalation", not_for_escalation},
      {"different-hours", different_hours},
      {"local-contradicts-regional", local_contradicts_regional},
      {"abbreviation-letters", abbreviation_letters},
      {"one-abbreviation-two-names", one_body_two_names},
      {"versions-cited", versions_cited},
      {"adult-route", adult_route},
      {"children-only", children_only},
      {"out-of-hours", out_of_hours},
      {"document-links", document_links},
      {"bank-holidays", bank_holidays},
      {"ambiguity", ambiguity},
      {"excluded-subject", excluded_subject},
      {"contradicting-triggers", contradicting_triggers},
      {"quotes-in-document", quotes_in_document},
      {"spelling", spelling},
      {"abbreviation-not-spelt-out", abbreviation_not_spelt_out},
      {"clause-numbering", clause_numbering},
      {"duty-strengths", duty_strengths},
  };
  return checks;
}

void run_checks(const model::Model& model, const analysis::Analyses& analyses, std::int64_t today,
                DiagnosticSink& sink) {
  Context context{model, today, analyses.flow, analyses.durations, analyses.totals, analyses.quotes,
                  analyses.unfamiliar_words};
  DiagnosticSink found;
  for (const auto& check : registry()) check.run(context, found);
  std::vector<bool> used(model.allows.size(), false);
  for (auto& diagnostic : found.editable()) {
    for (std::size_t i = 0; i < model.allows.size(); ++i) {
      const auto& allow = model.allows[i];
      if (allow.code != code_info(diagnostic.code).id) continue;
      diagnostic.allowed_because = allow.reason.value;
      used[i] = true;
    }
    sink.add(std::move(diagnostic));
  }
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (used[i]) continue;
    const auto& allow = model.allows[i];
    auto& d = sink.report(Code::A001, allow.span,
                          fmt::format("nothing here is reported as {}, so this allow has no effect", allow.code));
    d.suggestion = "remove it, so that a future finding is not hidden";
  }
}

}  // namespace esc::checks
