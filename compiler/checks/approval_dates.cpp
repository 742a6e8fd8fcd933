// G010: an approval dated in the future, or after the review that should follow it,
// cannot be right as written: the date is mistyped, or the review date was not moved
// on when the protocol was approved.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/protocol_date.hpp"

namespace esc::checks {

void approval_dates(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  for (const auto& approval : protocol.approvals) {
    if (!approval.date) continue;
    const auto& date = *approval.date;
    // A month-only approval may have been given on the first of the month (a year-only
    // one on the first of the year).
    auto earliest = first_day_meant(date);
    std::vector<std::string> after;
    if (earliest > context.today) after.push_back(fmt::format("today ({})", long_date(civil_date(context.today))));
    bool after_review = protocol.review_due && earliest > last_day_meant(*protocol.review_due);
    if (after_review) after.push_back(fmt::format("the review due by {}", spoken(*protocol.review_due)));
    if (after.empty()) continue;
    std::vector<std::string> names;
    for (const auto& name : approval.names) names.emplace_back(name.value);
    auto& d = sink.report(Code::G010, date.span,
                          fmt::format("the approval by {} is dated {}, after {}", fmt::join(names, " and "),
                                      spoken(date), fmt::join(after, " and after ")));
    if (after_review) d.notes.push_back({protocol.review_due->span, "the review date is here"});
    d.suggestion = after_review && after.size() == 1
                       ? "check the approval date; if it is right, record the next review date with 'review due'"
                       : "check the approval date: record an approval once it has been given";
  }
}

}  // namespace esc::checks
