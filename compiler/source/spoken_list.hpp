// Lists as a sentence says them: "a", "a or b", "a, b and c". Shared by messages and
// descriptions of every layer.
#pragma once

#include <string>
#include <string_view>

namespace esc {

// `last` joins the last two items: "and" or "or".
template <typename Items>
std::string spoken_list(const Items& items, std::string_view last) {
  std::string text;
  std::size_t i = 0;
  for (const auto& item : items) {
    if (i > 0) {
      if (i + 1 == std::size(items)) {
        text += ' ';
        text += last;
        text += ' ';
      } else {
        text += ", ";
      }
    }
    text += item;
    ++i;
  }
  return text;
}

}  // namespace esc
