// Helpers shared by the tests: parse text held in memory, read repository files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/check.hpp"
#include "compiler/driver/output.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"
#include "compiler/syntax/ast.hpp"

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

// Serves one file's text from memory and the rest from the disk, so that a text made
// in a test is checked with the files it uses.
class OneFileReader final : public FileReader {
 public:
  OneFileReader(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}
  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    if (path == path_) return text_;
    return disk_.read(path, problem);
  }
  std::optional<std::string> real_path(const std::string& path) override {
    return path == path_ ? std::optional<std::string>(path) : disk_.real_path(path);
  }

 private:
  std::string path_;
  std::string text_;
  DiskFileReader disk_;
};

struct Checked {
  SourceManager sources;
  DiagnosticSink sink;
  CheckRun run;
};

// Checks `text` as if it were the file `path` (the files it uses come from the disk),
// judging review dates as of 2026-11-23.
Checked check_text(const std::string& text, const std::string& path = "test.esc");

// A protocol block and an immediate-risk rule no check finds fault with, for stages to follow.
extern const char* const clean_header;

// "warning[T001] 12:3 message" for each finding, in order; after each, "  note 9:3 message"
// for each of its notes whose message starts with `notes_starting` (none when empty).
std::vector<std::string> findings_of(const Checked& checked, const std::string& notes_starting = {});

std::string read_repository_file(const std::string& relative_path);

// Keeps what a build writes, by path, instead of writing it.
class MemoryWriter final : public OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override {
    files[path] = bytes;
    return std::nullopt;
  }
  std::map<std::string, std::string> files;
};
std::vector<std::string> files_in(const std::string& relative_directory, const std::string& extension);

}  // namespace esc::test
