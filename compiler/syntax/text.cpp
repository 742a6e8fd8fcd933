#include "compiler/syntax/text.hpp"

#include <algorithm>
#include <utility>

namespace esc {

std::string decode_text(std::string_view raw) {
  if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) ++i;
    text.push_back(raw[i]);
  }
  return text;
}

namespace {

// Feeds `take` the characters of normalise_words(words), without building it, until
// `take` returns false.
template <typename Take>
void normalised_characters(std::string_view words, Take&& take) {
  bool started = false, pending_space = false;
  for (char c : words) {
    if (c == ' ' || c == '\t') {
      pending_space = started;
      continue;
    }
    if (pending_space && !take(' ')) return;
    pending_space = false;
    started = true;
    if (!take(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)) return;
  }
}

}  // namespace

std::string normalise_words(std::string_view words) {
  std::string text;
  normalised_characters(words, [&](char c) {
    text.push_back(c);
    return true;
  });
  return text;
}

namespace {

// Whether normalise_words(words) starts with `prefix`, and whether it has more after it.
// Stops at the first difference: resolution tries each of a few words in turn.
std::pair<bool, bool> compare_normalised(std::string_view words, std::string_view prefix) {
  std::size_t matched = 0;
  bool same = true, longer = false;
  normalised_characters(words, [&](char c) {
    if (matched == prefix.size()) {
      longer = true;
      return false;
    }
    same = c == prefix[matched++];
    return same;
  });
  return {same && matched == prefix.size(), longer};
}

}  // namespace

bool normalised_starts_with(std::string_view words, std::string_view prefix) {
  if (words.starts_with(prefix)) return true;  // as most protocols write it
  return compare_normalised(words, prefix).first;
}

bool normalised_equals(std::string_view words, std::string_view normal) {
  if (words == normal) return true;  // as most protocols write it
  auto [starts, longer] = compare_normalised(words, normal);
  return starts && !longer;
}

bool is_blank(std::string_view text) {
  // Spaces a reader cannot tell from nothing: a text made of them says nothing either.
  static constexpr std::string_view spaces[] = {
      "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
      "\u2007", "\u2008", "\u2009", "\u200A", "\u200B", "\u2028", "\u2029", "\u202F", "\u205F",
      "\u2060", "\u3000", "\uFEFF"};
  while (!text.empty()) {
    if (text.front() == ' ' || text.front() == '\t') {
      text.remove_prefix(1);
      continue;
    }
    auto space = std::find_if(std::begin(spaces), std::end(spaces),
                              [&](std::string_view s) { return text.starts_with(s); });
    if (space == std::end(spaces)) return false;
    text.remove_prefix(space->size());
  }
  return true;
}

}  // namespace esc
