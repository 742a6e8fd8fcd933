// Which statements may stand in which block, and which statements open a block.
// Kept apart from the parser so the table reads as the language reference does.
#pragma once

#include <string>

#include "compiler/ast.hpp"

namespace esc {

enum class BlockKind { file, protocol, calendar, immediate_risk, stage, route, agency, line, form, section };

// The block a statement opens, if it opens one in this parent.
bool opens_block(BlockKind parent, ast::Keyword keyword, BlockKind& opened);
bool allowed_in(BlockKind parent, ast::Keyword keyword);
// "a stage, an informal stage or a route": where a statement belongs, for messages.
std::string where_it_belongs(ast::Keyword keyword);
std::string block_description(BlockKind kind);
// How a statement is named in messages: "'step'", "'immediate risk'".
std::string statement_words(ast::Keyword keyword);

}  // namespace esc
