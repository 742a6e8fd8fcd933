// "Did you mean ...?": the closest word to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace esc {

// The candidate closest to `word` by edit distance (a swap of two neighbouring letters
// counts as one edit), or "" when none is close enough to be a likely typo.
std::string closest_word(std::string_view word, const std::vector<std::string_view>& candidates);

// The words "did you mean" offers for a statement's first word (the statement table's),
// and for a word inside a statement.
const std::vector<std::string_view>& statement_keywords();
const std::vector<std::string_view>& all_keywords();

}  // namespace esc
