// `escc diff`: what changed in meaning between two versions of a protocol, for a
// board's sign-off: stages added, removed, renumbered or renamed; timeframes and their
// effect on running totals and the overall target; contacts added, removed or changed
// (numbers, emails, availability), and out-of-hours cover lost; routes and conditions;
// scope, status, approvals and review dates. Layout, comments and the order of
// declarations are not changes.
#pragma once

#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

// Every kind of change, with the name `--fail-on` knows it by.
enum class ChangeKind {
  stage_added,
  stage_removed,
  stage_renumbered,
  stage_renamed,
  timeframe_longer,
  timeframe_shorter,
  timeframe_changed,  // one side has no countable timeframe
  target_longer,
  target_shorter,
  route_changed,      // where an outcome leads
  condition_changed,  // the condition of an outcome, route entry or contact
  contact_added,
  contact_removed,
  contact_changed,    // number, email, call sign or person
  availability_changed,
  out_of_hours_lost,  // a stage or line now has nobody outside office hours when it had
  scope_changed,
  status_changed,
  approval_changed,
  review_changed,
  calendar_changed,
  // Any other statement, found by comparing the resolved models whole (backends/
  // meaning_diff.hpp), so that no change in meaning goes unreported.
  statement_added,
  statement_removed,
  statement_changed,
};

std::string_view change_kind_name(ChangeKind kind);  // "timeframe-longer"
const std::vector<ChangeKind>& all_change_kinds();

struct Change {
  ChangeKind kind;
  std::string subject;      // "stage 2", "police line 1: Duty Inspector", "the protocol"
  std::string description;  // one sentence in plain English
};

// Which stage of `after` each stage of `before` is (model::no_id: none): by kind and
// title first, so that a renumbered stage is the same stage, then formal stages by
// number (a renamed stage), then routes by name.
std::vector<std::uint32_t> match_stages(const model::Model& before, const model::Model& after);

// In a fixed order: the protocol, then stages in the new version's order, then agencies.
std::vector<Change> semantic_diff(const model::Model& before, const Analyses& before_analyses,
                                  const model::Model& after, const Analyses& after_analyses);

}  // namespace esc::analysis
