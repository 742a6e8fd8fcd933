// escc runtime: applies a stage's deadline rule, as escc compiled it into the tables.
// The runtime decides nothing about deadlines: what a stage's date counts from and how
// many working days it counts are the compiler's decision (tables::DeadlineRule), the
// same that `escc deadlines`, the chart and the page show. Header-only, C++17.
#ifndef ESCC_DEADLINE_RULE_HPP
#define ESCC_DEADLINE_RULE_HPP

#include <optional>

#include "date.hpp"
#include "tables.hpp"

namespace escc {

// What to count on the protocol's calendar: `working_days` working days after `from`
// (with 0, `from` itself when it is a working day, else the next working day).
struct DeadlineCount {
  Date from;
  int working_days = 0;
};

// The count a rule gives for a stage, in a case raised on `raised` that reached the
// stage on `reached`. Empty when the rule gives no date.
inline std::optional<DeadlineCount> deadline_count(const tables::DeadlineRule& rule, Date raised,
                                                   Date reached) {
  if (rule.basis == tables::DeadlineBasis::not_countable || !rule.days.known) return std::nullopt;
  // The longer end of a range, as every running total of escc is counted.
  return DeadlineCount{rule.from == tables::CountedFrom::raised ? raised : reached, rule.days.high};
}

}  // namespace escc

#endif  // ESCC_DEADLINE_RULE_HPP
