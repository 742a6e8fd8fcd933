// Reads a protocol and everything it `use`s: the standard library (built in) and
// the author's own files, found only inside the search roots; and the document it
// states (`document "..."`), found the same way. Reports missing files, cycles and
// paths that try to leave the roots. Never resolves names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"
#include "compiler/syntax/ast.hpp"

namespace esc {

struct LoadOptions {
  // Folders searched for `use "file.esc"` and `use name.of.file`, after the folder
  // of the protocol itself.
  std::vector<std::string> search_roots;
};

struct SourceUnit {
  FileId file = 0;
  ast::File syntax;
  bool is_main = false;
  bool is_stdlib = false;
  // The regional protocol the protocol extends (`extends "regional.esc"`): a protocol of
  // its own, whose stages, contacts and quotes join the local protocol's.
  bool is_regional = false;
};

// The published document a protocol names with `document "..."`, as read.
struct LoadedDocument {
  FileId file = 0;
  std::string_view text;  // owned by the SourceManager
};

struct Program {
  // Every file read, each after the files it uses; the protocol itself is last.
  std::vector<SourceUnit> units;
  std::optional<LoadedDocument> document;
  // The document the regional protocol names, which its own quotes are verified against.
  std::optional<LoadedDocument> regional_document;
  bool main_readable = false;
  // A file it uses is there but cannot be read (a pipe, a device, too large): like a
  // protocol that cannot be read, a problem with the files rather than their text.
  bool import_unreadable = false;
};

Program load_program(const std::string& main_path, FileReader& reader, SourceManager& sources, DiagnosticSink& sink,
                     const LoadOptions& options = {});

}  // namespace esc
