#include "compiler/syntax/block_rules.hpp"

#include <vector>

#include "compiler/source/spoken_list.hpp"

namespace esc {

std::string where_it_belongs(ast::Keyword keyword) {
  std::vector<std::string_view> places;
  for (const auto& block : grammar::block_table) {
    if (grammar::stands_in(block.block, keyword)) places.push_back(block.description);
  }
  return spoken_list(places, "or");
}

std::string statement_words(ast::Keyword keyword) {
  const auto& row = grammar::row_of(keyword);
  if (!row.named.empty()) return std::string(row.named);
  auto first_spelling = row.spellings.substr(0, row.spellings.find(" | "));
  return "'" + std::string(first_spelling) + "'";
}

}  // namespace esc
