#include "compiler/lsp/server.hpp"

#include <csignal>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/findings/explain.hpp"
#include "compiler/lsp/transport.hpp"
#include "compiler/lsp/workspace.hpp"
#include "compiler/syntax/format.hpp"

namespace esc::lsp {
namespace {

using json = nlohmann::json;
using grammar::Keyword;

// The error codes JSON-RPC and the protocol define.
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int server_not_initialized = -32002;

struct RequestError {
  int code;
  std::string message;
};

const std::string allow_reason_placeholder = "say why this finding is accepted";

bool contains(Span span, FileId file, std::uint32_t offset) {
  return span.file == file && span.begin <= offset && offset <= span.end;
}

class Server {
 public:
  Server(int input, int output, const ServerOptions& options)
      : transport_(input, output), workspace_(options.check), debounce_ms_(options.debounce_ms) {}

  int run() {
    while (!exited_) {
      // With findings to send, the editor is given a moment to send more keystrokes.
      bool waiting = !workspace_.unpublished().empty() && initialized_;
      auto incoming = transport_.next(waiting ? debounce_ms_ : -1);
      if (!incoming) {
        publish_all();
        continue;
      }
      if (incoming->kind == Incoming::Kind::eof) break;
      if (incoming->kind == Incoming::Kind::bad_header) {
        reply_error(nullptr, parse_error, "the message has no Content-Length header that can be read");
        continue;
      }
      handle(incoming->body);
    }
    return shutdown_ && exited_ ? 0 : 1;
  }

 private:
  void send(const json& message) { transport_.send(message.dump(-1, ' ', false, json::error_handler_t::replace)); }
  void reply(const json& id, json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void reply_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void handle(const std::string& body) {
    json message;
    try {
      message = json::parse(body);
    } catch (const json::exception&) {
      reply_error(nullptr, parse_error, "the message is not JSON");
      return;
    }
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
      // Replies to requests the server never makes are the only other messages a client sends.
      if (message.is_object() && message.contains("id") && !message.contains("result") && !message.contains("error")) {
        reply_error(message["id"], invalid_request, "the message names no method");
      } else if (!message.is_object()) {
        reply_error(nullptr, invalid_request, "the message is not a JSON object");
      }
      return;
    }
    auto method = message["method"].get<std::string>();
    bool is_request = message.contains("id");
    json id = is_request ? message["id"] : json();
    json params = message.value("params", json::object());
    try {
      if (is_request) {
        if (!initialized_ && method != "initialize") {
          reply_error(id, server_not_initialized, "the editor has not sent 'initialize' yet");
          return;
        }
        if (shutdown_) {
          reply_error(id, invalid_request, "the server is shutting down");
          return;
        }
        reply(id, request(method, params));
      } else {
        notification(method, params);
      }
    } catch (const RequestError& error) {
      if (is_request) reply_error(id, error.code, error.message);
    } catch (const json::exception&) {
      if (is_request) reply_error(id, invalid_params, "the request's parameters are not as the protocol defines them");
    }
  }

  void notification(const std::string& method, const json& params) {
    if (method == "exit") {
      exited_ = true;
    } else if (method == "textDocument/didOpen") {
      const auto& document = params.at("textDocument");
      workspace_.open(document.at("uri").get<std::string>(), document.at("text").get<std::string>(),
                      document.value("version", 0));
    } else if (method == "textDocument/didChange") {
      // The whole text each time (the server asks for full synchronisation): the last change is it.
      const auto& changes = params.at("contentChanges");
      if (changes.empty()) return;
      workspace_.change(params.at("textDocument").at("uri").get<std::string>(),
                        changes.back().at("text").get<std::string>(),
                        params.at("textDocument").value("version", 0));
    } else if (method == "textDocument/didClose") {
      auto uri = params.at("textDocument").at("uri").get<std::string>();
      if (workspace_.close(uri)) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    }
    // Other notifications (`initialized`, `$/cancelRequest`, settings) ask nothing of escc.
  }

  json request(const std::string& method, const json& params) {
    if (method == "initialize") return initialize();
    if (method == "shutdown") {
      shutdown_ = true;
      return nullptr;
    }
    if (method == "workspace/textDocumentContent") {
      auto uri = params.at("uri").get<std::string>();
      auto text = workspace_.content(uri);
      if (!text) throw RequestError{invalid_params, "escc has no file at " + uri};
      return {{"text", *text}};
    }
    using Handler = json (Server::*)(Document&, const Analysis&, const json&);
    static const std::map<std::string, Handler> on_documents = {
        {"textDocument/hover", &Server::hover},
        {"textDocument/definition", &Server::definition},
        {"textDocument/references", &Server::references},
        {"textDocument/completion", &Server::completion},
        {"textDocument/documentSymbol", &Server::symbols},
        {"textDocument/formatting", &Server::formatting},
        {"textDocument/codeAction", &Server::code_actions},
        {"textDocument/rename", &Server::rename},
    };
    auto handler = on_documents.find(method);
    if (handler == on_documents.end()) throw RequestError{method_not_found, "escc does not answer '" + method + "'"};
    auto uri = params.at("textDocument").at("uri").get<std::string>();
    auto* document = workspace_.find(uri);
    if (document == nullptr) throw RequestError{invalid_params, "the document " + uri + " is not open"};
    return (this->*handler->second)(*document, workspace_.analysis(*document), params);
  }

  json initialize() {
    initialized_ = true;
    return {{"capabilities",
             {{"textDocumentSync", {{"openClose", true}, {"change", 1}}},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"referencesProvider", true},
              {"completionProvider", {{"triggerCharacters", json::array({" "})}}},
              {"documentSymbolProvider", true},
              {"documentFormattingProvider", true},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
              {"renameProvider", true}}},
            {"serverInfo", {{"name", "escc"}}}};
  }

  // ---- places ----

  json range(const Analysis& analysis, Span span) {
    return range_in(analysis.lines(span.file), span.begin, span.end);
  }
  static json range_in(const LineIndex& lines, std::uint32_t begin, std::uint32_t end) {
    auto from = lines.position(begin);
    auto to = lines.position(end);
    return {{"start", {{"line", from.line}, {"character", from.character}}},
            {"end", {{"line", to.line}, {"character", to.character}}}};
  }
  json location(const Analysis& analysis, Span span) {
    return {{"uri", workspace_.uri_of(analysis, span.file)}, {"range", range(analysis, span)}};
  }
  static std::uint32_t cursor(const Document& document, const json& params) {
    const auto& at = params.at("position");
    return LineIndex(document.text).offset({at.at("line").get<std::uint32_t>(), at.at("character").get<std::uint32_t>()});
  }
  // The analysis reads the document as it was checked, which is its text now.
  static FileId main_file(const Analysis& analysis) { return analysis.main_file; }

  // ---- findings ----

  void publish_all() {
    for (auto* document : workspace_.unpublished()) {
      const auto& analysis = workspace_.analysis(*document);
      json diagnostics = json::array();
      for (const auto& finding : analysis.sink.diagnostics()) {
        if (!finding.counts()) continue;  // accepted with `allow`
        diagnostics.push_back(diagnostic(analysis, finding));
      }
      document->published = true;
      notify("textDocument/publishDiagnostics",
             {{"uri", document->uri}, {"version", document->version}, {"diagnostics", std::move(diagnostics)}});
    }
  }

  json diagnostic(const Analysis& analysis, const Diagnostic& finding) {
    const auto& info = code_info(finding.code);
    json out;
    auto message = finding.message;
    if (finding.span && finding.span->file == main_file(analysis)) {
      out["range"] = range(analysis, *finding.span);
    } else {
      // A finding in a file the protocol uses is shown at the file's top, saying where it is.
      out["range"] = range_in(LineIndex(""), 0, 0);
      if (finding.span) {
        const auto& file = analysis.sources.file(finding.span->file);
        message = file.path() + ":" + std::to_string(file.locate(finding.span->begin).line) + ": " + message;
      } else if (!finding.file_path.empty()) {
        message = finding.file_path + ": " + message;
      }
    }
    out["severity"] = finding.severity == Severity::error ? 1 : finding.severity == Severity::warning ? 2 : 3;
    out["code"] = info.id;
    out["codeDescription"] = {{"href", explanation_uri(info.id)}};
    out["source"] = "escc";
    json related = json::array();
    for (const auto& note : finding.notes) {
      if (note.span) {
        related.push_back({{"location", location(analysis, *note.span)}, {"message", note.message}});
      } else {
        message += "\nnote: " + note.message;
      }
    }
    if (!finding.suggestion.empty()) message += "\nhelp: " + finding.suggestion;
    out["message"] = message;
    if (!related.empty()) out["relatedInformation"] = std::move(related);
    return out;
  }

  // ---- what is under the cursor ----

  static const NameMention* name_at(const Analysis& analysis, std::uint32_t offset) {
    for (const auto& mention : analysis.index.names) {
      if (contains(mention.span, main_file(analysis), offset)) return &mention;
    }
    for (const auto& symbol : analysis.index.symbols) {
      if (contains(symbol.name_span, main_file(analysis), offset)) {
        for (const auto& mention : analysis.index.names) {
          if (mention.span == symbol.name_span) return &mention;
        }
      }
    }
    return nullptr;
  }
  static const StageMention* stage_at(const Analysis& analysis, std::uint32_t offset) {
    for (const auto& mention : analysis.index.stages) {
      if (contains(mention.span, main_file(analysis), offset)) return &mention;
    }
    return nullptr;
  }
  static const model::Stage* stage_numbered(const model::Model& model, std::int64_t number) {
    for (const auto& stage : model.stages) {
      if (stage.kind == model::StageKind::formal && stage.number == number) return &stage;
    }
    return nullptr;
  }

  json hover(Document& document, const Analysis& analysis, const json& params) {
    auto offset = cursor(document, params);
    auto text = hover_text(analysis, offset);
    if (text.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", text}}}};
  }

  std::string hover_text(const Analysis& analysis, std::uint32_t offset) {
    for (const auto& code : analysis.index.allowed_codes) {
      if (!contains(code.span, main_file(analysis), offset)) continue;
      auto page = explanation(code.name);
      if (!page) return {};
      return first_paragraph(*page);
    }
    const auto* checked = analysis.checked();
    if (checked == nullptr || !checked->resolved) return {};
    const auto& model = checked->model;
    if (const auto* mention = stage_at(analysis, offset)) {
      if (const auto* stage = stage_numbered(model, mention->number)) return stage_words(*checked, *stage);
    }
    if (auto words = contact_words(model, offset, main_file(analysis)); !words.empty()) return words;
    for (const auto& stage : model.stages) {
      if (contains(stage.span, main_file(analysis), offset)) return stage_words(*checked, stage);
    }
    if (const auto* mention = name_at(analysis, offset)) return declaration_words(analysis, mention->name);
    return {};
  }

  static std::string first_paragraph(std::string_view page) {
    // The page opens with its heading; the first paragraph of prose after it explains.
    std::string paragraph;
    std::size_t at = 0;
    bool past_heading = false;
    while (at < page.size()) {
      auto end = page.find('\n', at);
      auto line = page.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      at = end == std::string_view::npos ? page.size() : end + 1;
      if (line.starts_with("#")) {
        if (!paragraph.empty()) break;
        past_heading = true;
        continue;
      }
      if (line.empty()) {
        if (!paragraph.empty()) break;
        continue;
      }
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    (void)past_heading;
    return paragraph;
  }

  std::string stage_words(const CheckedFile& checked, const model::Stage& stage) {
    const auto& analyses = checked.analyses;
    auto index = static_cast<std::size_t>(&stage - checked.model.stages.data());
    std::string words = "**" + stage.heading() + "**\n\n";
    if (index < analyses.durations.stages.size()) {
      const auto& time = analyses.durations.stages[index];
      if (time.own) {
        words += "Timeframe: " + analysis::days_words(*time.own);
        if (time.terms.size() > 1) words += " (" + analysis::arithmetic(time.terms, *time.own) + ")";
        words += "\n\n";
      } else {
        words += "Timeframe: not stated in working days\n\n";
      }
    }
    const analysis::PathPoint* point = nullptr;
    for (const auto& each : analyses.totals) {
      if (each.stage.index == index) point = &each;
    }
    if (point && point->end) words += "Running total: " + analysis::days_words(*point->end) + "\n\n";
    if (auto by_day = analysis::by_day_of(stage, point)) {
      words += "Due by working day " + analysis::number_words(*by_day) + " of the escalation\n";
    } else {
      words += "Not on the main path: no working day it is due by\n";
    }
    return words;
  }

  static std::string contact_words(const model::Model& model, std::uint32_t offset, FileId file) {
    std::string words;
    auto look = [&](const std::vector<model::Contact>& contacts) {
      for (const auto& contact : contacts) {
        if (words.empty() && contains(contact.span, file, offset)) {
          words = "**" + std::string(contact.title.value) + "**\n\nCan be reached: " + analysis::availability_words(contact, model);
        }
      }
    };
    for (const auto& stage : model.stages) look(stage.contacts);
    if (model.immediate_risk) look(model.immediate_risk->contacts);
    for (const auto& agency : model.agencies) {
      look(agency.contacts);
      for (const auto& line : agency.lines) look(line.contacts);
    }
    return words;
  }

  std::string declaration_words(const Analysis& analysis, const std::string& name) {
    for (const auto& symbol : analysis.index.symbols) {
      if (symbol.name != name) continue;
      const auto& file = analysis.sources.file(symbol.name_span.file);
      auto line = file.locate(symbol.statement->span.begin).line;
      std::string where = analysis.is_stdlib(symbol.name_span.file) ? "the standard library's " : "";
      return "`" + std::string(file.line_text(line)).erase(0, std::string(file.line_text(line)).find_first_not_of(' ')) +
             "`\n\nDeclared in " + where + file.path() + ", line " + std::to_string(line);
    }
    return {};
  }

  // ---- definitions and references ----

  json definition(Document& document, const Analysis& analysis, const json& params) {
    auto offset = cursor(document, params);
    json found = json::array();
    for (const auto& use : analysis.index.uses) {
      if (contains(use.span, main_file(analysis), offset)) {
        found.push_back({{"uri", workspace_.uri_of(analysis, use.target)}, {"range", range_in(LineIndex(""), 0, 0)}});
        return found;
      }
    }
    if (const auto* mention = stage_at(analysis, offset)) {
      for (const auto& stage : analysis.index.stages) {
        if (stage.declaration && stage.number == mention->number) found.push_back(location(analysis, stage.span));
      }
      return found;
    }
    if (const auto* mention = name_at(analysis, offset)) {
      for (const auto& symbol : analysis.index.symbols) {
        if (symbol.name == mention->name) found.push_back(location(analysis, symbol.name_span));
      }
    }
    return found;
  }

  // Every place the name or stage number under the cursor is written.
  std::vector<Span> mentions_at(const Analysis& analysis, std::uint32_t offset, bool with_declarations) {
    std::vector<Span> spans;
    if (const auto* mention = stage_at(analysis, offset)) {
      for (const auto& stage : analysis.index.stages) {
        if (stage.number == mention->number && (with_declarations || !stage.declaration)) spans.push_back(stage.span);
      }
      return spans;
    }
    if (const auto* mention = name_at(analysis, offset)) {
      for (const auto& each : analysis.index.names) {
        bool declaration = false;
        for (const auto& symbol : analysis.index.symbols) declaration = declaration || symbol.name_span == each.span;
        if (each.name == mention->name && (with_declarations || !declaration)) spans.push_back(each.span);
      }
    }
    return spans;
  }

  json references(Document& document, const Analysis& analysis, const json& params) {
    bool with_declarations = params.value("context", json::object()).value("includeDeclaration", true);
    json found = json::array();
    for (auto span : mentions_at(analysis, cursor(document, params), with_declarations)) {
      found.push_back(location(analysis, span));
    }
    return found;
  }

  json rename(Document& document, const Analysis& analysis, const json& params) {
    auto new_name = params.at("newName").get<std::string>();
    static const std::regex a_name("[a-z][a-z0-9_]*");
    auto offset = cursor(document, params);
    if (stage_at(analysis, offset) || !name_at(analysis, offset)) {
      throw RequestError{invalid_params, "only the name of an agency, line, hours, level, calendar, route, kind or form can be renamed"};
    }
    if (!std::regex_match(new_name, a_name)) {
      throw RequestError{invalid_params, "a name is written in small letters, digits and '_', starting with a letter"};
    }
    json changes = json::object();
    for (auto span : mentions_at(analysis, offset, true)) {
      if (analysis.is_stdlib(span.file)) {
        throw RequestError{invalid_params, "the name is declared in the standard library, which cannot be changed"};
      }
      changes[workspace_.uri_of(analysis, span.file)].push_back({{"range", range(analysis, span)}, {"newText", new_name}});
    }
    return {{"changes", changes}};
  }

  // ---- completion ----

  // The blocks open at the cursor, read from the text up to it (which, while the author
  // types, seldom parses): each '{' at a line's end opens the block its first word names.
  static std::vector<grammar::Block> blocks_at(std::string_view text) {
    std::vector<grammar::Block> open{grammar::Block::file};
    std::size_t at = 0;
    while (at < text.size()) {
      auto end = text.find('\n', at);
      auto line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      at = end == std::string_view::npos ? text.size() : end + 1;
      auto first = line.find_first_not_of(" \t");
      if (first == std::string_view::npos) continue;
      line.remove_prefix(first);
      if (line.starts_with("#")) continue;
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
      if (line == "}") {
        if (open.size() > 1) open.pop_back();
      } else if (line.ends_with("{")) {
        auto word = line.substr(0, line.find(' '));
        std::optional<grammar::Block> opened;
        for (const auto& row : grammar::table::rows) {
          if (row.opens && row.spellings.substr(0, row.spellings.find(' ')) == word &&
              row.stands_in.contains(open.back())) {
            opened = row.opens;
          }
        }
        open.push_back(opened.value_or(open.back()));
      }
    }
    return open;
  }

  json completion(Document& document, const Analysis& analysis, const json& params) {
    auto offset = cursor(document, params);
    std::string_view text(document.text);
    auto line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
    auto before = text.substr(line_start, offset - line_start);
    auto indent = before.find_first_not_of(" \t");
    auto typed = indent == std::string_view::npos ? std::string_view{} : before.substr(indent);
    json items = json::array();
    auto item = [&](const std::string& label, int kind, const std::string& detail) {
      json entry{{"label", label}, {"kind", kind}};
      if (!detail.empty()) entry["detail"] = detail;
      items.push_back(std::move(entry));
    };
    constexpr int keyword_kind = 14, value_kind = 12, reference_kind = 18, enum_kind = 20;
    if (typed.starts_with("allow ") && typed.find('"') == std::string_view::npos) {
      for (const auto& info : all_codes()) item(std::string(info.id), value_kind, std::string(info.summary));
    } else if (typed.find("go to stage ") != std::string_view::npos) {
      for (const auto& stage : analysis.index.stages) {
        if (!stage.declaration) continue;
        std::string detail;
        if (const auto* checked = analysis.checked(); checked && checked->resolved) {
          if (const auto* found = stage_numbered(checked->model, stage.number)) detail = found->heading();
        }
        item(std::to_string(stage.number), enum_kind, detail);
      }
    } else if (typed.find(' ') == std::string_view::npos) {
      // The first word: the statements that may stand in this block.
      auto block = blocks_at(text.substr(0, line_start)).back();
      for (const auto& row : grammar::table::rows) {
        if (!row.stands_in.contains(block)) continue;
        std::string_view spellings = row.spellings;
        while (!spellings.empty()) {
          auto bar = spellings.find(" | ");
          item(std::string(spellings.substr(0, bar)), keyword_kind, std::string(row.example));
          spellings = bar == std::string_view::npos ? std::string_view{} : spellings.substr(bar + 3);
        }
      }
    } else {
      std::set<std::string> seen;
      for (const auto& symbol : analysis.index.symbols) {
        if (seen.insert(symbol.name).second) item(symbol.name, reference_kind, std::string(ast::keyword_name(symbol.keyword)));
      }
    }
    return {{"isIncomplete", false}, {"items", std::move(items)}};
  }

  // ---- the outline ----

  json symbols(Document& document, const Analysis& analysis, const json&) {
    (void)document;
    json outline = json::array();
    const auto* checked = analysis.checked();
    if (checked == nullptr) return outline;
    for (const auto& unit : checked->program.units) {
      if (unit.file != main_file(analysis)) continue;
      for (const auto& statement : unit.syntax.statements) {
        if (auto symbol = outline_symbol(analysis, statement)) outline.push_back(std::move(*symbol));
      }
    }
    return outline;
  }

  std::optional<json> outline_symbol(const Analysis& analysis, const ast::Statement& statement) {
    constexpr int module_kind = 2, class_kind = 5, enum_member_kind = 22, event_kind = 24, field_kind = 8,
                  constant_kind = 14;
    int kind = 0;
    std::string name;
    auto value_text = [&](ast::Tag tag) {
      const auto* value = statement.find(tag);
      return value ? std::string(value->text) : std::string();
    };
    switch (statement.keyword) {
      case Keyword::protocol: kind = module_kind; name = "protocol \"" + value_text(ast::Tag::title) + "\""; break;
      case Keyword::stage: {
        kind = enum_member_kind;
        const auto* number = statement.find(ast::Tag::number);
        name = "stage " + (number ? std::to_string(number->low) : std::string());
        if (auto title = value_text(ast::Tag::title); !title.empty()) name += " \"" + title + "\"";
        break;
      }
      case Keyword::informal_stage: kind = enum_member_kind; name = "informal stage"; break;
      case Keyword::immediate_risk: kind = event_kind; name = "immediate risk"; break;
      case Keyword::route: kind = enum_member_kind; name = "route " + value_text(ast::Tag::name); break;
      case Keyword::agency: kind = class_kind; name = "agency " + value_text(ast::Tag::name); break;
      case Keyword::line: kind = field_kind; name = "line " + value_text(ast::Tag::name); break;
      case Keyword::hours: kind = constant_kind; name = "hours " + value_text(ast::Tag::name); break;
      case Keyword::level: kind = constant_kind; name = "level " + value_text(ast::Tag::name); break;
      case Keyword::calendar: kind = constant_kind; name = "calendar " + value_text(ast::Tag::name); break;
      default: return std::nullopt;
    }
    auto whole = extent(statement);
    json symbol{{"name", name}, {"kind", kind}, {"range", range(analysis, whole)},
                {"selectionRange", range(analysis, statement.span)}};
    json children = json::array();
    for (const auto& inner : statement.body) {
      if (auto child = outline_symbol(analysis, inner)) children.push_back(std::move(*child));
    }
    if (!children.empty()) symbol["children"] = std::move(children);
    return symbol;
  }

  // ---- formatting and fixes ----

  json formatting(Document& document, const Analysis&, const json&) {
    SourceFile source(document.path, document.text);
    DiagnosticSink ignored;  // the findings of text that does not read are published already
    auto formatted = format_protocol(source, 0, ignored);
    if (!formatted || formatted->text == document.text) return json::array();
    LineIndex lines(document.text);
    return json::array({{{"range", range_in(lines, 0, static_cast<std::uint32_t>(document.text.size()))},
                         {"newText", formatted->text}}});
  }

  json code_actions(Document& document, const Analysis& analysis, const json& params) {
    LineIndex lines(document.text);
    const auto& wanted = params.at("range");
    auto from = lines.offset({wanted.at("start").at("line").get<std::uint32_t>(), wanted.at("start").at("character").get<std::uint32_t>()});
    auto to = lines.offset({wanted.at("end").at("line").get<std::uint32_t>(), wanted.at("end").at("character").get<std::uint32_t>()});
    json actions = json::array();
    static const std::regex did_you_mean("did you mean '([^']+)'\\?");
    for (const auto& finding : analysis.sink.diagnostics()) {
      if (!finding.counts() || !finding.span || finding.span->file != main_file(analysis)) continue;
      if (finding.span->end < from || finding.span->begin > to) continue;
      const auto id = std::string(code_info(finding.code).id);
      auto published = diagnostic(analysis, finding);
      std::smatch match;
      if (std::regex_search(finding.suggestion, match, did_you_mean)) {
        json edit{{"range", range_in(lines, finding.span->begin, finding.span->end)}, {"newText", match[1].str()}};
        actions.push_back({{"title", "Change to '" + match[1].str() + "'"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({published})},
                           {"isPreferred", true},
                           {"edit", {{"changes", {{document.uri, json::array({edit})}}}}}});
      }
      auto at = allow_position(analysis);
      json insert{{"range", range_in(lines, at, at)},
                  {"newText", "allow " + id + " \"" + allow_reason_placeholder + "\"\n"}};
      actions.push_back({{"title", "Allow " + id + " in this protocol, with the reason"},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({published})},
                         {"edit", {{"changes", {{document.uri, json::array({insert})}}}}}});
    }
    return actions;
  }

  // Where a new `allow` goes: after the file's last `use` or `allow`, else before its first statement.
  static std::uint32_t allow_position(const Analysis& analysis) {
    const auto* checked = analysis.checked();
    if (checked == nullptr) return 0;
    const auto& main = analysis.sources.file(main_file(analysis));
    for (const auto& unit : checked->program.units) {
      if (unit.file != main_file(analysis)) continue;
      std::optional<std::uint32_t> after;
      for (const auto& statement : unit.syntax.statements) {
        if (statement.keyword == Keyword::use || statement.keyword == Keyword::allow) after = extent(statement).end;
      }
      if (!after) return unit.syntax.statements.empty() ? 0 : unit.syntax.statements.front().span.begin;
      auto line_end = main.text().find('\n', *after);
      return line_end == std::string_view::npos ? static_cast<std::uint32_t>(main.text().size())
                                                : static_cast<std::uint32_t>(line_end + 1);
    }
    return 0;
  }

  Transport transport_;
  Workspace workspace_;
  int debounce_ms_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

}  // namespace

int serve(int input, int output, const ServerOptions& options) {
  // An editor that closes its end while a reply is being written must end the server
  // through reading its end of input, not through a signal.
  std::signal(SIGPIPE, SIG_IGN);
  Server server(input, output, options);
  return server.run();
}

}  // namespace esc::lsp
