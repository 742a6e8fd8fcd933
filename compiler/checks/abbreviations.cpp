#include "compiler/checks/abbreviations.hpp"

#include <string>

#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

bool is_abbreviation(std::string_view term) {
  int capitals = 0;
  for (std::size_t i = 0; i < term.size(); ++i) {
    char c = term[i];
    if (c >= 'A' && c <= 'Z') ++capitals;
    bool plural_s = c == 's' && i + 1 == term.size();
    if (c >= 'a' && c <= 'z' && !plural_s) return false;
    if (c == ' ') return false;
  }
  return capitals >= 2;
}

}  // namespace

std::vector<Abbreviation> abbreviations_of(const model::Model& model) {
  std::vector<Abbreviation> found;
  if (!model.protocol) return found;
  for (const auto& partnership : model.protocol->partnerships) {
    // Known only by its abbreviation: there is no name for the letters to match.
    if (!partnership.short_name || partnership.known_only_by_abbreviation()) continue;
    found.push_back({*partnership.short_name, partnership.name.value, partnership.short_name_span,
                     partnership.name.span});
  }
  for (const auto& term : model.protocol->terms) {
    if (!is_abbreviation(term.term.value)) continue;
    found.push_back({term.term.value, term.meaning.value, term.term.span, term.meaning.span});
  }
  return found;
}

std::string same_name_key(std::string_view name) {
  auto key = normalise_words(name);
  while (!key.empty() && key.front() == ' ') key.erase(0, 1);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

}  // namespace esc::checks
