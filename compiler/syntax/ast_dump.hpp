// A stable, readable text form of the syntax tree, for golden tests and for
// `escc parse`. Every statement and value is shown with its line and column.
#pragma once

#include <string>

#include "compiler/source/source.hpp"
#include "compiler/syntax/ast.hpp"

namespace esc {

std::string dump_ast(const ast::File& file, const SourceFile& source);

}  // namespace esc
