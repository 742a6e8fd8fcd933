#include "compiler/analysis/review.hpp"

namespace esc::analysis {

std::optional<NextReview> next_review(const model::Protocol& protocol) {
  if (protocol.review_due) return NextReview{*protocol.review_due, last_day_meant(*protocol.review_due), nullptr, {}};
  if (!protocol.review_every_months) return std::nullopt;
  // "Review annually" says when, counted from the last review, else from the latest
  // approval, else from the date the protocol bears.
  const model::Date* from = protocol.last_reviewed ? &*protocol.last_reviewed : nullptr;
  std::string_view from_what = "its last review";
  if (from == nullptr) {
    for (const auto& approval : protocol.approvals) {
      if (approval.date && (from == nullptr || last_day_meant(*approval.date) > last_day_meant(*from))) {
        from = &*approval.date;
        from_what = "its approval";
      }
    }
  }
  if (from == nullptr && protocol.dated) {
    from = &*protocol.dated;
    from_what = "the date it bears";
  }
  if (from == nullptr) return std::nullopt;
  // A year alone is counted from its last month: the latest the review can be due.
  auto month_index = from->year * 12 + ((from->year_only() ? 12 : from->month) - 1) + protocol.review_every_months->value;
  model::Date due{static_cast<int>(month_index / 12), static_cast<int>(month_index % 12) + 1, 0, from->span};
  return NextReview{due, last_day_meant(due), from, from_what};
}

}  // namespace esc::analysis
