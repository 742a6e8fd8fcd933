// Source text -> syntax tree. Reports every syntax error it finds (recovering at the
// next line), never throws, and never recurses per statement or per block.
#pragma once

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"
#include "compiler/syntax/ast.hpp"

namespace esc {

struct ParseOptions {
  // After this many errors in one file the rest of the file is not read.
  std::size_t most_errors = 100;
};

ast::File parse(const SourceFile& source, FileId file, DiagnosticSink& sink, const ParseOptions& options = {});

}  // namespace esc
