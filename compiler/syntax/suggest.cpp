#include "compiler/syntax/suggest.hpp"

#include <algorithm>
#include <numeric>

#include "grammar/statements.hpp"

namespace esc {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over three rolling rows.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string closest_word(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.empty() || word.size() > 64) return {};
  std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (auto candidate : candidates) {
    auto distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

const std::vector<std::string_view>& statement_keywords() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> list;
    for (const auto& row : grammar::rows) {
      grammar::for_each_part(row.offered, " ", [&](std::string_view word) {
        if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
      });
    }
    return list;
  }();
  return words;
}

const std::vector<std::string_view>& all_keywords() {
  static const std::vector<std::string_view> words = [] {
    auto list = statement_keywords();
    // The words inside statements; tests/statements_test.cpp holds each to the grammar.
    for (std::string_view word :
         {"phone", "email", "call", "sign", "callsign", "switchboard", "person", "of", "via", "available", "for", "if",
          "always", "weekdays", "weekends", "bank", "holidays", "except", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "working", "days", "calendar", "hours", "weeks", "further", "from", "or",
          "sooner", "cumulative", "then", "end", "go", "to", "resolved", "unresolved", "response", "binding",
          "covering", "stages", "draft", "live", "withdrawn", "annually", "quarterly", "monthly", "every", "due",
          "months", "years", "children", "adults", "before", "on", "open", "cases", "new", "referrals", "at", "must",
          "should", "may", "guide", "indicative", "mandatory"}) {
      list.push_back(word);
    }
    return list;
  }();
  return words;
}

}  // namespace esc
