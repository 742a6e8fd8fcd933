// The checks: each reads the resolved model and reports findings into a sink. They
// never change the model, never print, and never do I/O. One check per file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"

namespace esc::checks {

struct Context {
  const model::Model& model;
  std::int64_t today;  // day number (see compiler/model/dates.hpp)
  const analysis::Flow& flow;
  const analysis::Durations& durations;
  const std::vector<analysis::PathPoint>& totals;  // the running totals on the main path
  const std::optional<analysis::QuoteVerification>& quotes;
  const std::vector<analysis::UnfamiliarWord>& unfamiliar_words;
};

using Check = void (*)(const Context&, DiagnosticSink&);

struct Registered {
  std::string_view name;
  Check run;
};

const std::vector<Registered>& registry();

// Runs every check on a model and what was worked out from it, then applies the
// file's `allow` statements.
void run_checks(const model::Model& model, const analysis::Analyses& analyses, std::int64_t today,
                DiagnosticSink& sink);

// The checks, one per file in this folder.
void review_date(const Context&, DiagnosticSink&);
void approval(const Context&, DiagnosticSink&);
void approval_dates(const Context&, DiagnosticSink&);
void status(const Context&, DiagnosticSink&);
void title(const Context&, DiagnosticSink&);
void immediate_risk(const Context&, DiagnosticSink&);
void immediate_risk_rule_incomplete(const Context&, DiagnosticSink&);
void no_stages(const Context&, DiagnosticSink&);
void unreachable(const Context&, DiagnosticSink&);
void dead_end(const Context&, DiagnosticSink&);
void escalation_cycle(const Context&, DiagnosticSink&);
void conflicting_moves(const Context&, DiagnosticSink&);
void final_stage(const Context&, DiagnosticSink&);
void binding_stage_escalates(const Context&, DiagnosticSink&);
void final_decision(const Context&, DiagnosticSink&);
void formal_start(const Context&, DiagnosticSink&);
void stage_numbering(const Context&, DiagnosticSink&);
void figure_order(const Context&, DiagnosticSink&);
void running_total(const Context&, DiagnosticSink&);
void overall_target(const Context&, DiagnosticSink&);
void target_exceeded_by_known(const Context&, DiagnosticSink&);
void missing_timeframe(const Context&, DiagnosticSink&);
void steps_and_stage(const Context&, DiagnosticSink&);
void clock_start(const Context&, DiagnosticSink&);
void mandatory_and_indicative(const Context&, DiagnosticSink&);
void unit_not_stated(const Context&, DiagnosticSink&);
void two_units(const Context&, DiagnosticSink&);
void stage_contacts(const Context&, DiagnosticSink&);
void contact_means(const Context&, DiagnosticSink&);
void phone_numbers(const Context&, DiagnosticSink&);
void email_addresses(const Context&, DiagnosticSink&);
void conflicting_details(const Context&, DiagnosticSink&);
void line_coverage(const Context&, DiagnosticSink&);
void repeated_availability(const Context&, DiagnosticSink&);
void not_for_escalation(const Context&, DiagnosticSink&);
void different_hours(const Context&, DiagnosticSink&);
void local_contradicts_regional(const Context&, DiagnosticSink&);
void abbreviation_letters(const Context&, DiagnosticSink&);
void one_body_two_names(const Context&, DiagnosticSink&);
void versions_cited(const Context&, DiagnosticSink&);
void adult_route(const Context&, DiagnosticSink&);
void document_links(const Context&, DiagnosticSink&);
void bank_holidays(const Context&, DiagnosticSink&);
void ambiguity(const Context&, DiagnosticSink&);
void quotes_in_document(const Context&, DiagnosticSink&);
void spelling(const Context&, DiagnosticSink&);
void abbreviation_not_spelt_out(const Context&, DiagnosticSink&);
void clause_numbering(const Context&, DiagnosticSink&);
void duty_strengths(const Context&, DiagnosticSink&);
void excluded_subject(const Context&, DiagnosticSink&);
void contradicting_triggers(const Context&, DiagnosticSink&);
void out_of_hours(const Context&, DiagnosticSink&);
void children_only(const Context&, DiagnosticSink&);

}  // namespace esc::checks
