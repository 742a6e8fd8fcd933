// The protocol stated in full, in plain English, as HTML for the board's page: who
// publishes it and its standing, its scope, the immediate-risk rule, each stage with
// its steps, timeframes, running totals, duties and contacts, routes, forms and
// monitoring, with the document's own words quoted beside each part. It says only what
// the protocol says: what the protocol records as unknown is shown as unknown, and
// nothing is added.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

struct ProtocolText {
  // The facts under the page's title: partnerships, status, version, dates, approvals
  // and review.
  std::string standing;
  // The sections from "About this protocol" to "Forms", each an <h2> section.
  std::string in_full;
};

ProtocolText protocol_text(const model::Model& model, const analysis::Analyses& analyses, const Chart& chart);

// Parts the contact directory shows too: what is said of an entity (its quotes, notes
// and context), what the protocol records as unknown, and duties.
std::string passages_html(const model::Described& described);
std::string unknown_html(const model::Unknown& unknown);
std::string duties_html(const std::vector<model::Duty>& duties, const model::Model& model);
// A phone number as a tel: link, or as written when escc reports it cannot be dialled
// (C004): a link would dial something else.
std::string phone_html(std::string_view number);

}  // namespace esc::backends
