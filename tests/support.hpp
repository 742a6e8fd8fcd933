// Helpers shared by the tests: parse text held in memory, read repository files.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostics.hpp"
#include "compiler/source.hpp"

namespace esc::test {

struct Parsed {
  SourceManager sources;
  DiagnosticSink sink;
  ast::File file;
};

// Parses `text` as if it were the file `path`; diagnostics are sorted.
Parsed parse_text(const std::string& text, const std::string& path = "test.esc");

// "P002 3:7" for each diagnostic, in order.
std::vector<std::string> codes_and_places(const Parsed& parsed);

std::string read_repository_file(const std::string& relative_path);
std::vector<std::string> files_in(const std::string& relative_directory, const std::string& extension);

}  // namespace esc::test
