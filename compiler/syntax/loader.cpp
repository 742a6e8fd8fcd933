#include "compiler/syntax/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "compiler/source/encoding.hpp"
#include "compiler/source/stdlib.hpp"
#include "compiler/syntax/parser.hpp"
#include "compiler/syntax/suggest.hpp"
#include "compiler/syntax/text.hpp"

namespace esc {
namespace {

namespace fs = std::filesystem;

enum class Visit { in_progress, done };

// What one `use` asks for, before it is found.
struct Request {
  std::string stdlib_name;    // "std.hours", when it names the standard library
  std::string relative_path;  // "shared/contacts.esc" otherwise
  Span span;
  bool regional = false;  // named by `extends`
};

class Loader {
 public:
  Loader(FileReader& reader, SourceManager& sources, DiagnosticSink& sink, const LoadOptions& options)
      : reader_(reader), sources_(sources), sink_(sink), options_(options) {}

  Program load(const std::string& main_path) {
    Program program;
    std::string problem;
    auto text = reader_.read(main_path, problem);
    if (!text) {
      auto& d = sink_.report(Code::I001, std::nullopt, fmt::format("cannot read {}: {}", main_path, problem));
      d.file_path = main_path;
      return program;
    }
    program.main_readable = true;
    roots_.push_back(fs::path(main_path).parent_path());
    if (roots_.back().empty()) roots_.back() = ".";
    for (const auto& root : options_.search_roots) roots_.emplace_back(root);

    auto id = sources_.add(main_path, std::move(*text));
    auto key = key_for_file(main_path);
    visit(program, id, key, /*is_main=*/true, /*is_stdlib=*/false);
    if (const auto* named = document_statement(program.units.empty() ? nullptr : &program.units.back()))
      program.document = load_document(*named);
    for (const auto& unit : program.units) {
      if (!unit.is_regional) continue;
      if (const auto* named = document_statement(&unit)) program.regional_document = load_document(*named);
    }
    program.import_unreadable = import_unreadable_;
    return program;
  }

 private:
  struct Pending {
    std::size_t unit;   // index in `parsed_`
    std::size_t next;   // next top-level statement to look at
    std::string key;
  };

  // Depth-first over the imports with an explicit stack, so a long chain of files
  // cannot exhaust the call stack; each file is added after the files it uses.
  void visit(Program& program, FileId first, const std::string& first_key, bool is_main, bool is_stdlib) {
    std::vector<Pending> stack;
    start(stack, first, first_key, is_main, is_stdlib);
    while (!stack.empty()) {
      auto& top = stack.back();
      auto& statements = parsed_[top.unit].syntax.statements;
      if (top.next == statements.size()) {
        visits_[top.key] = Visit::done;
        program.units.push_back(std::move(parsed_[top.unit]));
        stack.pop_back();
        continue;
      }
      const auto& statement = statements[top.next++];
      // Only the protocol's own file extends, and only once (resolution reports the rest).
      bool extends = statement.keyword == ast::Keyword::extends && parsed_[top.unit].is_main && !extended_;
      if ((statement.keyword != ast::Keyword::use && !extends) || statement.values.empty()) continue;
      auto request = read_request(statement.values.front());
      request.regional = extends;
      auto found = find(request);
      if (!found) continue;
      auto state = visits_.find(found->key);
      if (state != visits_.end() && state->second == Visit::done) continue;
      if (state != visits_.end()) {
        report_cycle(stack, found->key, request.span);
        continue;
      }
      auto id = sources_.add(found->display_path, std::move(found->text));
      extended_ = extended_ || extends;
      start(stack, id, found->key, false, !request.stdlib_name.empty(), extends);
    }
  }

  void start(std::vector<Pending>& stack, FileId id, const std::string& key, bool is_main, bool is_stdlib,
             bool is_regional = false) {
    visits_[key] = Visit::in_progress;
    SourceUnit unit;
    unit.file = id;
    unit.is_main = is_main;
    unit.is_stdlib = is_stdlib;
    unit.is_regional = is_regional;
    unit.syntax = parse(sources_.file(id), id, sink_);
    parsed_.push_back(std::move(unit));
    names_.push_back(sources_.file(id).path());
    stack.push_back(Pending{parsed_.size() - 1, 0, key});
  }

  Request read_request(const ast::Value& value) {
    Request request;
    request.span = value.span;
    if (value.tag == ast::Tag::text) {
      request.relative_path = decode_text(value.text);
      return request;
    }
    std::string name(value.text);
    if (name.rfind("std.", 0) == 0) {
      request.stdlib_name = name;
      return request;
    }
    std::replace(name.begin(), name.end(), '.', '/');
    request.relative_path = name + ".esc";
    return request;
  }

  struct Found {
    std::string key;
    std::string display_path;
    std::string text;
  };

  // How messages speak of what is looked for: files a protocol uses, or its document.
  struct Sought {
    std::string_view plural;  // "imports are looked up ..."
    std::string_view missing;  // "cannot find {}"
  };
  static constexpr Sought an_import{"imports", "cannot find '{}' to use"};
  static constexpr Sought the_document{"documents", "cannot find the document '{}'"};
  static constexpr Sought a_regional_protocol{"regional protocols", "cannot find the regional protocol '{}'"};

  std::optional<Found> find(const Request& request) {
    if (!request.stdlib_name.empty()) return find_stdlib(request);
    auto found = find_in_roots(request.relative_path, request.span, request.regional ? a_regional_protocol : an_import);
    // Only what is used is visited, and known by its key; a document is read once.
    if (found) found->key = key_for_file(found->display_path);
    return found;
  }

  std::optional<Found> find_in_roots(const std::string& relative_path, Span span, const Sought& sought) {
    fs::path relative(relative_path);
    if (relative.is_absolute() || relative_path.empty()) {
      sink_.report(Code::N005, span,
                   fmt::format("{} are looked up inside the protocol's folder and the -I folders; write a path "
                               "relative to them, not an absolute path",
                               sought.plural));
      return std::nullopt;
    }
    auto normal = relative.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..") {
      sink_.report(Code::N005, span,
                   fmt::format("'{}' leads outside the folders {} are looked up in", relative_path, sought.plural));
      return std::nullopt;
    }
    std::vector<std::string> tried;
    for (const auto& root : roots_) {
      auto candidate = (root / normal).lexically_normal();
      std::string problem;
      auto text = reader_.read(candidate.string(), problem);
      if (!text && problem != no_such_file) {
        // There, but not a file escc can read (a pipe, a device, too large): looking on
        // in the next folder would quietly use another file of the same name.
        sink_.report(Code::I001, span, fmt::format("cannot read {}: {}", candidate.string(), problem));
        import_unreadable_ = true;
        return std::nullopt;
      }
      if (!text) {
        tried.push_back(candidate.string());
        continue;
      }
      auto real = reader_.real_path(candidate.string());
      auto real_root = reader_.real_path(root.string());
      if (real && real_root && !is_inside(*real_root, *real)) {
        sink_.report(Code::N005, span,
                     fmt::format("'{}' is a link that leads outside the folders {} are looked up in",
                                 candidate.string(), sought.plural));
        return std::nullopt;
      }
      return Found{{}, candidate.string(), std::move(*text)};
    }
    auto& d = sink_.report(Code::N003, span, fmt::format(fmt::runtime(sought.missing), relative_path));
    for (const auto& path : tried) d.notes.push_back({std::nullopt, fmt::format("looked for {}", path)});
    d.suggestion = "give the folder that holds it with -I FOLDER, or correct the name";
    return std::nullopt;
  }

  std::optional<Found> find_stdlib(const Request& request) {
    std::vector<std::string_view> names;
    for (const auto& module : stdlib_modules()) {
      if (module.name == request.stdlib_name) {
        return Found{"std:" + request.stdlib_name, module.path, std::string(module.text)};
      }
      names.push_back(module.name);
    }
    auto& d = sink_.report(Code::N003, request.span,
                           fmt::format("the standard library has no module '{}'", request.stdlib_name));
    if (auto best = closest_word(request.stdlib_name, names); !best.empty()) {
      d.suggestion = fmt::format("did you mean '{}'?", best);
    }
    return std::nullopt;
  }

  // The first `document` of a protocol file's first protocol block: a second of either
  // is an error that resolution reports.
  static const ast::Statement* document_statement(const SourceUnit* unit) {
    if (unit == nullptr || (!unit->is_main && !unit->is_regional)) return nullptr;
    for (const auto& statement : unit->syntax.statements) {
      if (statement.keyword != ast::Keyword::protocol) continue;
      for (const auto& child : statement.body) {
        if (child.keyword == ast::Keyword::document && !child.values.empty()) return &child;
      }
      return nullptr;
    }
    return nullptr;
  }

  // The document is read with the protocol, so that no check reads a file, and refused
  // when it is not text: quotes verified against a binary file would all fail, and say
  // nothing about the protocol.
  std::optional<LoadedDocument> load_document(const ast::Statement& statement) {
    const auto& value = statement.values.front();
    auto named = decode_text(value.text);
    auto found = find_in_roots(named, value.span, the_document);
    if (!found) return std::nullopt;
    if (found->text.empty()) {
      sink_.report(Code::I004, value.span, fmt::format("the document {} is empty", named));
      return std::nullopt;
    }
    if (auto bad = first_non_text_byte(found->text)) {
      auto line = 1 + std::count(found->text.begin(), found->text.begin() + static_cast<std::ptrdiff_t>(bad->offset), '\n');
      if (bad->nul) {
        sink_.report(Code::I003, value.span,
                     fmt::format("the document {} holds a NUL byte (line {}), so it is not text: name the plain-text "
                                 "extraction of the document, not the PDF or word-processor file",
                                 named, line));
      } else {
        sink_.report(Code::I002, value.span,
                     fmt::format("the document {} is not UTF-8 text: byte 0x{:02X} on line {} is not valid UTF-8; "
                                 "save the document as UTF-8 text",
                                 named, static_cast<unsigned char>(found->text[bad->offset]), line));
      }
      return std::nullopt;
    }
    auto id = sources_.add(found->display_path, std::move(found->text));
    return LoadedDocument{id, sources_.file(id).text()};
  }

  std::string key_for_file(const std::string& path) {
    auto real = reader_.real_path(path);
    return "file:" + (real ? *real : fs::path(path).lexically_normal().string());
  }

  void report_cycle(const std::vector<Pending>& stack, const std::string& key, Span span) {
    std::string chain;
    bool in_cycle = false;
    for (const auto& pending : stack) {
      in_cycle = in_cycle || pending.key == key;
      if (in_cycle) chain += names_[pending.unit] + " uses ";
    }
    for (const auto& pending : stack) {
      if (pending.key == key) chain += names_[pending.unit];
    }
    if (stack.back().key == key) {
      sink_.report(Code::N004, span, "this file uses itself");
      return;
    }
    sink_.report(Code::N004, span, fmt::format("this use goes round in a circle: {}", chain));
  }

  FileReader& reader_;
  SourceManager& sources_;
  DiagnosticSink& sink_;
  const LoadOptions& options_;
  std::vector<fs::path> roots_;
  std::map<std::string, Visit> visits_;
  std::vector<SourceUnit> parsed_;
  std::vector<std::string> names_;
  bool import_unreadable_ = false;
  bool extended_ = false;
};

}  // namespace

Program load_program(const std::string& main_path, FileReader& reader, SourceManager& sources, DiagnosticSink& sink,
                     const LoadOptions& options) {
  return Loader(reader, sources, sink, options).load(main_path);
}

}  // namespace esc
