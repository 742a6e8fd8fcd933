// The `check` pipeline for a set of files, without any terminal or argv concerns:
// read each file through the injected reader, parse it, and collect diagnostics.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics.hpp"
#include "compiler/source.hpp"

namespace esc {

struct CheckedFile {
  std::string path;
  bool readable = false;
  ast::File syntax;
};

struct CheckRun {
  std::vector<CheckedFile> files;
  bool io_problem = false;  // some file could not be read at all
};

CheckRun check_files(const std::vector<std::string>& paths, FileReader& reader, SourceManager& sources,
                     DiagnosticSink& sink);

}  // namespace esc
