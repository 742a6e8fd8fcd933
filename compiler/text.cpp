#include "compiler/text.hpp"

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

// Feeds `take` the characters of normalise_words(words), without building it.
template <typename Take>
void normalised_characters(std::string_view words, Take&& take) {
  bool started = false, pending_space = false;
  for (char c : words) {
    if (c == ' ' || c == '\t') {
      pending_space = started;
      continue;
    }
    if (pending_space) take(' ');
    pending_space = false;
    started = true;
    take(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

}  // namespace

std::string normalise_words(std::string_view words) {
  std::string text;
  normalised_characters(words, [&](char c) { text.push_back(c); });
  return text;
}

std::uint64_t normalised_hash(std::string_view words) {
  std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a
  normalised_characters(words, [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  });
  return hash;
}

}  // namespace esc
