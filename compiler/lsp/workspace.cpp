#include "compiler/lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>

#include "compiler/findings/explain.hpp"
#include "compiler/source/stdlib.hpp"

namespace esc::lsp {
namespace {

namespace fs = std::filesystem;
using grammar::Keyword;

std::string normal_path(const std::string& path) {
  if (path.find(':') != std::string::npos && path.find("file:") != 0 && path.front() != '/') return path;
  std::error_code error;
  auto absolute = fs::absolute(fs::path(path), error);
  return (error ? fs::path(path) : absolute).lexically_normal().string();
}

// The open documents' text first: what the author is typing is what is checked, in the
// document and in every file it uses.
class OpenDocumentsReader final : public FileReader {
 public:
  explicit OpenDocumentsReader(const std::map<std::string, Document>& documents) {
    for (const auto& [uri, document] : documents) open_[normal_path(document.path)] = &document.text;
  }
  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    auto key = normal_path(path);
    read_.insert(key);
    if (auto found = open_.find(key); found != open_.end()) return *found->second;
    return disk_.read(path, problem);
  }
  std::optional<std::string> real_path(const std::string& path) override {
    if (open_.contains(normal_path(path))) return normal_path(path);
    return disk_.real_path(path);
  }
  std::set<std::string> read_;

 private:
  std::map<std::string, const std::string*> open_;
  DiskFileReader disk_;
};

bool is_declaration(const ast::Statement& statement, bool at_top) {
  switch (statement.keyword) {
    case Keyword::agency:
    case Keyword::hours:
    case Keyword::line:
    case Keyword::route:
    case Keyword::form:
      return true;
    // `calendar NAME { ... }` declares one at the top of a file; in the protocol block
    // it names the one the protocol uses. So do `level` (in a stage or route, its level)
    // and `kind` (in an agency, its kind).
    case Keyword::calendar:
    case Keyword::level:
    case Keyword::kind:
      return at_top;
    default:
      return false;
  }
}

// Values that may name something declared elsewhere (quoted text never does).
bool may_name(ast::Tag tag) {
  using ast::Tag;
  switch (tag) {
    case Tag::name:
    case Tag::ref:
    case Tag::of:
    case Tag::level:
    case Tag::line:
    case Tag::window:
    case Tag::to:
    case Tag::by:
    case Tag::on:
    case Tag::via:
    case Tag::under:
    case Tag::part_of:
    case Tag::word:
      return true;
    default:
      return false;
  }
}

class Indexer {
 public:
  explicit Indexer(Index& index) : index_(index) {}

  void declarations(const std::vector<ast::Statement>& statements, bool at_top) {
    for (const auto& statement : statements) {
      if (is_declaration(statement, at_top)) {
        if (const auto* name = statement.find(ast::Tag::name)) {
          index_.symbols.push_back({std::string(name->text), statement.keyword, name->span, &statement});
        }
      }
      if (statement.keyword == Keyword::stage) {
        if (const auto* number = statement.find(ast::Tag::number)) {
          index_.stages.push_back({number->low, number->span, true});
        }
      }
      declarations(statement.body, false);
    }
  }

  void mentions(const std::vector<ast::Statement>& statements, const std::set<std::string, std::less<>>& declared) {
    for (const auto& statement : statements) {
      if (statement.keyword == Keyword::allow) {
        if (const auto* code = statement.find(ast::Tag::name)) {
          index_.allowed_codes.push_back({std::string(code->text), code->span});
        }
      } else if (statement.keyword != Keyword::use) {
        for (const auto& value : statement.values) {
          if (statement.keyword == Keyword::go_to && value.tag == ast::Tag::number) {
            index_.stages.push_back({value.low, value.span, false});
          } else if (may_name(value.tag) && declared.contains(value.text)) {
            index_.names.push_back({std::string(value.text), value.span});
          }
        }
      }
      mentions(statement.body, declared);
    }
  }

 private:
  Index& index_;
};

void index_program(const Program& program, const SourceManager& sources, Index& index) {
  Indexer indexer(index);
  for (const auto& unit : program.units) indexer.declarations(unit.syntax.statements, true);
  std::set<std::string, std::less<>> declared;
  for (const auto& symbol : index.symbols) declared.insert(symbol.name);
  for (const auto& unit : program.units) indexer.mentions(unit.syntax.statements, declared);
  // Each `use` leads to the unit read for it: the standard library's by module name,
  // the author's own files by the path they were read from.
  for (const auto& unit : program.units) {
    for (const auto& statement : unit.syntax.statements) {
      if (statement.keyword != Keyword::use || statement.values.empty()) continue;
      const auto& named = statement.values.front();
      for (const auto& target : program.units) {
        const auto& path = sources.file(target.file).path();
        bool found = false;
        if (target.is_stdlib) {
          for (const auto& module : stdlib_modules()) found = found || (module.name == named.text && module.path == path);
        } else if (!named.text.empty()) {
          found = fs::path(path).filename() == fs::path(std::string(named.text)).filename() ||
                  path.ends_with(std::string(named.text));
        }
        if (found) {
          index.uses.push_back({named.span, target.file});
          break;
        }
      }
    }
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto line = static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
  std::uint32_t units = 0;
  for (auto i = starts_[line]; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(text_[i]);
    if ((byte & 0xC0) == 0x80) continue;
    units += byte >= 0xF0 ? 2 : 1;  // characters beyond the first 65,536 take two UTF-16 units
  }
  return {line, units};
}

std::uint32_t LineIndex::offset(Position position) const {
  if (position.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  auto at = starts_[position.line];
  std::uint32_t units = 0;
  while (at < text_.size() && text_[at] != '\n' && text_[at] != '\r' && units < position.character) {
    auto byte = static_cast<unsigned char>(text_[at]);
    units += byte >= 0xF0 ? 2 : 1;
    ++at;
    while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

bool Analysis::is_stdlib(FileId file) const {
  const auto* checked_file = checked();
  if (checked_file == nullptr) return false;
  for (const auto& unit : checked_file->program.units) {
    if (unit.file == file) return unit.is_stdlib;
  }
  return false;
}

const LineIndex& Analysis::lines(FileId file) const {
  auto found = lines_.find(file);
  if (found == lines_.end()) found = lines_.emplace(file, LineIndex(sources.file(file).text())).first;
  return found->second;
}

std::string path_to_uri(const std::string& path) {
  if (path.find(':') != std::string::npos && path.front() != '/') return path;  // not a file of the disk
  std::string uri = "file://";
  for (unsigned char c : normal_path(path)) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      static constexpr char digits[] = "0123456789ABCDEF";
      uri += '%';
      uri += digits[c >> 4];
      uri += digits[c & 15];
    }
  }
  return uri;
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::nullopt;
  uri.remove_prefix(7);
  auto slash = uri.find('/');  // file://host/path: only the local host is a file here
  if (slash == std::string_view::npos) return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() + 0 && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

std::string explanation_uri(std::string_view code) {
  return std::string(explanation_scheme) + "/" + std::string(code) + ".md";
}

Span extent(const ast::Statement& statement) {
  auto span = statement.span;
  for (const auto& value : statement.values) span.end = std::max(span.end, value.span.end);
  for (const auto& inner : statement.body) span.end = std::max(span.end, extent(inner).end);
  return span;
}

void Workspace::open(const std::string& uri, std::string text, std::int64_t version) {
  auto& document = documents_[uri];
  document.uri = uri;
  document.path = uri_to_path(uri).value_or(uri);
  document.text = std::move(text);
  document.version = version;
  edited(document.path);
}

bool Workspace::change(const std::string& uri, std::string text, std::int64_t version) {
  auto* document = find(uri);
  if (document == nullptr) return false;
  document->text = std::move(text);
  document->version = version;
  edited(document->path);
  return true;
}

bool Workspace::close(const std::string& uri) {
  auto found = documents_.find(uri);
  if (found == documents_.end()) return false;
  auto path = found->second.path;
  documents_.erase(found);
  // The files that use it now read it from the disk.
  edited(path);
  return true;
}

void Workspace::edited(const std::string& path) {
  auto key = normal_path(path);
  for (auto& [uri, document] : documents_) {
    if (normal_path(document.path) == key || !document.analysis || document.analysis->paths_read.contains(key)) {
      document.analysis.reset();
      document.published = false;
    }
  }
}

Document* Workspace::find(const std::string& uri) {
  auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

const Analysis& Workspace::analysis(Document& document) {
  if (document.analysis) return *document.analysis;
  auto analysis = std::make_unique<Analysis>();
  OpenDocumentsReader reader(documents_);
  auto options = options_;
  options.keep_models = true;
  options.keep_syntax = true;
  options.jobs = 1;
  options.dictionary = &dictionary_;
  analysis->run = check_files({document.path}, reader, analysis->sources, analysis->sink, options);
  analysis->paths_read = std::move(reader.read_);
  if (const auto* checked = analysis->checked(); checked != nullptr && !checked->program.units.empty()) {
    analysis->main_file = checked->program.units.back().file;
    index_program(checked->program, analysis->sources, analysis->index);
  }
  document.analysis = std::move(analysis);
  return *document.analysis;
}

std::vector<Document*> Workspace::unpublished() {
  std::vector<Document*> waiting;
  for (auto& [uri, document] : documents_) {
    if (!document.published) waiting.push_back(&document);
  }
  return waiting;
}

std::string Workspace::uri_of(const Analysis& analysis, FileId file) const {
  const auto& path = analysis.sources.file(file).path();
  if (analysis.is_stdlib(file) && path.starts_with("stdlib/")) {
    return std::string(stdlib_scheme) + path.substr(std::string_view("stdlib").size());
  }
  for (const auto& [uri, document] : documents_) {
    if (normal_path(document.path) == normal_path(path)) return uri;
  }
  return path_to_uri(path);
}

std::optional<std::string> Workspace::content(std::string_view uri) const {
  if (uri.starts_with(stdlib_scheme)) {
    auto path = "stdlib" + std::string(uri.substr(stdlib_scheme.size()));
    for (const auto& module : stdlib_modules()) {
      if (module.path == path) return std::string(module.text);
    }
    return std::nullopt;
  }
  if (uri.starts_with(explanation_scheme)) {
    auto name = uri.substr(explanation_scheme.size());
    if (name.starts_with("/")) name.remove_prefix(1);
    if (name.ends_with(".md")) name.remove_suffix(3);
    if (auto page = explanation(name)) return std::string(*page);
    return std::nullopt;
  }
  if (auto found = documents_.find(std::string(uri)); found != documents_.end()) return found->second.text;
  return std::nullopt;
}

}  // namespace esc::lsp
