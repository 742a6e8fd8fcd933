#include "compiler/text.hpp"

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

std::uint64_t normalised_hash(std::string_view words) {
  std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a
  normalised_characters(words, [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
    return true;
  });
  return hash;
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

}  // namespace esc
