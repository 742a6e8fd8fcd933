// The language server's one model of the documents an editor has open: their text as
// the editor last sent it, and for each, one check of it (with the files it uses, read
// from the open documents first and then from disk) kept until the text changes. Every
// request reads that check: the findings, the model and its analyses, and an index of
// where names, stage numbers and imports are written. Nothing here decides what a
// protocol means; the compiler has decided it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/analysis/spelling.hpp"
#include "compiler/driver/check.hpp"

namespace esc::lsp {

// A place as the protocol counts it: lines from 0, characters in UTF-16 code units.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Position position(std::uint32_t offset) const;
  // The byte offset of a position; past the end of a line is its end.
  std::uint32_t offset(Position position) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

// A name as declared: `agency police "..."`, `hours evenings = ...`.
struct Symbol {
  std::string name;
  grammar::Keyword keyword;
  Span name_span;
  const ast::Statement* statement = nullptr;
};

// Every place a name is written, its declaration included.
struct NameMention {
  std::string name;
  Span span;
};

// `stage 3 { ... }` (a declaration) and `go to stage 3`.
struct StageMention {
  std::int64_t number = 0;
  Span span;
  bool declaration = false;
};

// The name of a file in a `use`, and the file it brought in.
struct UseLink {
  Span span;
  FileId target = 0;
};

struct Index {
  std::vector<Symbol> symbols;
  std::vector<NameMention> names;
  std::vector<StageMention> stages;
  std::vector<UseLink> uses;
  std::vector<NameMention> allowed_codes;  // the code of each `allow`
};

struct Analysis {
  SourceManager sources;
  DiagnosticSink sink;
  CheckRun run;
  Index index;
  FileId main_file = 0;
  std::set<std::string> paths_read;  // for knowing whom an edit of another file concerns

  const CheckedFile* checked() const { return run.files.empty() ? nullptr : &run.files.front(); }
  bool is_stdlib(FileId file) const;
  // A file's lines, indexed once for every place shown in it: a long protocol's findings
  // are many, and each used to index the whole file again.
  const LineIndex& lines(FileId file) const;

 private:
  mutable std::map<FileId, LineIndex> lines_;
};

struct Document {
  std::string uri;
  std::string path;
  std::string text;
  std::int64_t version = 0;
  std::unique_ptr<Analysis> analysis;  // null until asked for, and again after an edit
  bool published = false;              // its findings since the last edit have been sent
};

// file:// URIs to paths and back; the standard library's files are `escc-stdlib:/hours.esc`
// and the explanations of the findings' codes `escc-explain:/T001.md`.
std::string path_to_uri(const std::string& path);
std::optional<std::string> uri_to_path(std::string_view uri);
inline constexpr std::string_view stdlib_scheme = "escc-stdlib:";
inline constexpr std::string_view explanation_scheme = "escc-explain:";
std::string explanation_uri(std::string_view code);

class Workspace {
 public:
  explicit Workspace(CheckOptions options) : options_(std::move(options)) {}

  void open(const std::string& uri, std::string text, std::int64_t version);
  // Gives false when the document is not open.
  bool change(const std::string& uri, std::string text, std::int64_t version);
  bool close(const std::string& uri);
  Document* find(const std::string& uri);
  const Analysis& analysis(Document& document);
  // Open documents whose findings have not been sent since their text, or a file they
  // use, last changed.
  std::vector<Document*> unpublished();

  std::string uri_of(const Analysis& analysis, FileId file) const;
  // The text a URI of the server's own schemes stands for, or an open document's.
  std::optional<std::string> content(std::string_view uri) const;

 private:
  void edited(const std::string& path);

  CheckOptions options_;
  analysis::Dictionary dictionary_;
  std::map<std::string, Document> documents_;  // by URI
};

// The extent of a statement, its block's contents included.
Span extent(const ast::Statement& statement);

}  // namespace esc::lsp
