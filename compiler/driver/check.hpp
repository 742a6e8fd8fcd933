// The `check` pipeline for a set of protocol files, without any terminal or argv
// concerns: load each with its imports, parse, resolve and check, collecting
// diagnostics in one sink.
#pragma once

#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"
#include "compiler/source/source.hpp"
#include "compiler/syntax/loader.hpp"

namespace esc {

struct CheckOptions {
  LoadOptions load;
  std::int64_t today = 0;  // day number of the date review dates are judged against
  // Protocols checked at the same time, each on its own thread (and, in a build, drawn
  // and written at the same time). The reader, and a build's writer, must then be safe
  // to use from several threads (DiskFileReader and AtomicFileWriter are). Output does
  // not depend on it.
  unsigned jobs = 1;
  // `check` needs only the findings: dropping each syntax tree and model on the thread
  // that made it spares the main thread from freeing them all at the end.
  bool keep_models = true;
  // The language server answers questions about the text (where a name is declared, what
  // is under the cursor) from the same run that found the findings: it keeps the syntax
  // trees, which are otherwise freed as the model is built.
  bool keep_syntax = false;
  // The dictionary the quotes' words are looked up in (D002); one of the run's own,
  // loaded when first needed, when none is given.
  const analysis::Dictionary* dictionary = nullptr;
};

struct CheckedFile {
  std::string path;
  Program program;
  bool resolved = false;  // false when the file could not be read or has syntax errors
  model::Model model;
  analysis::Analyses analyses;  // worked out once when the model is resolved
  // The findings on this protocol alone, in order, kept with its model (keep_models) for
  // the outputs that show them.
  std::vector<Diagnostic> findings;
};

struct CheckRun {
  std::vector<CheckedFile> files;
  bool io_problem = false;  // some file could not be read at all
};

CheckRun check_files(const std::vector<std::string>& paths, FileReader& reader, SourceManager& sources,
                     DiagnosticSink& sink, const CheckOptions& options = {});

}  // namespace esc
