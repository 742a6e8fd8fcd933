// How messages say where a statement belongs and name it. The facts are the statement
// table's (grammar/statements.hpp); this file only words them.
#pragma once

#include <string>

#include "compiler/syntax/ast.hpp"

namespace esc {

// "the protocol block, a stage or a route": where a statement belongs, for messages.
std::string where_it_belongs(ast::Keyword keyword);
// How a statement is named in messages: "'step'", "'immediate risk'", "a timeframe".
std::string statement_words(ast::Keyword keyword);

}  // namespace esc
