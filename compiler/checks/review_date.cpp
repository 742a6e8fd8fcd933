// G001, G002, G003: is the protocol's review date recorded, still ahead, and in line
// with the review interval the protocol itself states?
#include <fmt/format.h>

#include "compiler/analysis/review.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"
#include "compiler/checks/protocol_date.hpp"

namespace esc::checks {
namespace {

std::string how_long(std::int64_t from, std::int64_t to) {
  auto a = civil_date(from);
  auto b = civil_date(to);
  auto months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  if (months < 1) return fmt::format("{} days", to - from);
  auto years = months / 12;
  months %= 12;
  auto plural = [](int n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  if (years == 0) return plural(months, "month");
  if (months == 0) return plural(years, "year");
  return plural(years, "year") + " and " + plural(months, "month");
}

}  // namespace

void review_date(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  auto next = analysis::next_review(protocol);
  if (!protocol.review_due && protocol.review_every_months) {
    const auto months = protocol.review_every_months->value;
    if (!next) {
      auto* d = report_unless_unknown(
          context, sink, Code::G002, protocol.review_every_months->span,
          fmt::format("the protocol is to be reviewed every {} months, but gives no date to count them from, so when "
                      "it is next to be reviewed cannot be told",
                      months),
          {}, "when the protocol is next to be reviewed");
      if (d != nullptr) d->suggestion = "add the date of the last review (last reviewed 2025-03) or 'review due'";
      return;
    }
    if (next->last_day < context.today) {
      const auto& from = *next->counted_from;
      auto& d = sink.report(Code::G001, protocol.review_every_months->span,
                            fmt::format("the protocol is to be reviewed every {} months from {} ({}), so its review "
                                        "was due by {}, {} before today ({})",
                                        months, next->counted_from_what, spoken(from), spoken(next->due),
                                        how_long(next->last_day, context.today), long_date(civil_date(context.today))));
      d.notes.push_back({from.span, fmt::format("{} is recorded here", next->counted_from_what.substr(4))});
      d.suggestion = "review the protocol with the partners, then record the new date with 'review due'";
    }
    return;
  }
  if (!protocol.review_due) {
    auto* d = report_unless_unknown(context, sink, Code::G002, protocol.span,
                                    "the protocol does not say when it is next to be reviewed", {},
                                    "when the protocol is next to be reviewed");
    if (d != nullptr) d->suggestion = "add a line such as: review due 2027-11";
    return;
  }
  const auto& due = *protocol.review_due;
  auto due_day = next->last_day;
  if (due_day < context.today) {
    auto& d = sink.report(Code::G001, due.span,
                          fmt::format("the review of this protocol was due by {}, {} before today ({})", spoken(due),
                                      how_long(due_day, context.today), long_date(civil_date(context.today))));
    if (protocol.last_reviewed) {
      d.notes.push_back({protocol.last_reviewed->span, fmt::format("last reviewed {}", spoken(*protocol.last_reviewed))});
    }
    d.suggestion = "review the protocol with the partners, then record the new date with 'review due'";
  }
  // Months between a year alone and another date are not known: G003 is not judged.
  if (protocol.review_every_months && protocol.last_reviewed && !due.year_only() &&
      !protocol.last_reviewed->year_only()) {
    const auto& last = *protocol.last_reviewed;
    auto months_between = (due.year - last.year) * 12 + (due.month - last.month);
    if (months_between > protocol.review_every_months->value) {
      auto& d = sink.report(
          Code::G003, due.span,
          fmt::format("the protocol is to be reviewed every {} months, but the next review ({}) is set {} "
                      "months after the last ({})",
                      protocol.review_every_months->value, spoken(due), months_between, spoken(last)));
      d.notes.push_back({protocol.review_every_months->span, "the review interval is stated here"});
      d.notes.push_back({last.span, "the last review is recorded here"});
    }
  }
}

}  // namespace esc::checks
