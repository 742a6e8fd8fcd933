// Turning quoted text as written into the text it means.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace esc {

// `raw` is what stood between the quotes; `\"` and `\\` become `"` and `\`.
std::string decode_text(std::string_view raw);

// Collapses runs of spaces and tabs to one space and lowercases ASCII letters, so that
// "Open  Cases" and "open cases" compare equal.
std::string normalise_words(std::string_view words);
// Whether normalise_words(words) starts with `prefix` (itself normalised), without
// building it: resolution asks this of every contact and duty of a large protocol.
bool normalised_starts_with(std::string_view words, std::string_view prefix);
bool normalised_equals(std::string_view words, std::string_view normal);

// Whether the text shows nothing when printed: only spaces, tabs, and the Unicode
// spaces that look like them (no-break, ideographic, zero-width and the like).
bool is_blank(std::string_view text);

}  // namespace esc
