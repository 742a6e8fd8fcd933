// `escc diff`, complete: the changes analysis::semantic_diff words for a board (stages,
// timeframes and their running totals, routes, contacts and out-of-hours cover, scope,
// status, approvals, review dates), and then every other difference between the two
// resolved models as the JSON back-end states them. A statement that reaches the JSON
// is covered without more code: a new statement of the language cannot change a
// protocol's meaning unseen.
#pragma once

#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/analysis/semantic_diff.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

std::vector<analysis::Change> changes_in_meaning(const model::Model& before, const analysis::Analyses& before_analyses,
                                                 const model::Model& after, const analysis::Analyses& after_analyses);

}  // namespace esc::backends
