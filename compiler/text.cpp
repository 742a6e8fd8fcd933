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

std::string normalise_words(std::string_view words) {
  std::string text;
  bool pending_space = false;
  for (char c : words) {
    if (c == ' ' || c == '\t') {
      pending_space = !text.empty();
      continue;
    }
    if (pending_space) text.push_back(' ');
    pending_space = false;
    text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return text;
}

}  // namespace esc
