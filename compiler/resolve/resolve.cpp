#include "compiler/resolve/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "compiler/resolve/resolve_context.hpp"
#include "compiler/syntax/text.hpp"

namespace esc {
namespace {

using ast::Keyword;
using ast::Tag;

bool belongs_to_protocol_file(Keyword keyword) { return grammar::row_of(keyword).only_in_protocol_file; }

std::optional<model::Allow> allow_of(const ast::Statement& statement, resolving::Context& context) {
  const auto* code = statement.find(Tag::name);
  const auto* reason = statement.find(Tag::text);
  if (code == nullptr || reason == nullptr) return std::nullopt;
  auto known = find_code(code->text);
  if (!known) {
    context.sink.report(Code::N007, code->span, fmt::format("there is no finding with the code '{}'", code->text));
    return std::nullopt;
  }
  // What stops escc reading the protocol cannot be waved through.
  auto area = code->text.front();
  if (area == 'P' || area == 'I' || area == 'N') {
    context.sink.report(
        Code::N007, code->span,
        fmt::format("{} cannot be allowed: escc cannot read the protocol correctly until it is fixed", code->text));
    return std::nullopt;
  }
  auto why = resolving::text_of(*reason, context);
  // An allow is the board's record that a finding was considered; without a reason it
  // records nothing anyone can check.
  if (is_blank(why.value)) {
    auto& d = context.sink.report(Code::N007, reason->span,
                                  fmt::format("the allow for {} gives no reason: say why the board accepts it",
                                              code->text));
    d.suggestion = fmt::format("write the reason in the quotes, as in: allow {} \"agreed by the board on 2026-01-15\"",
                               code->text);
    return std::nullopt;
  }
  return model::Allow{std::string(code->text), std::move(why), statement.span};
}

// The first protocol block and the first immediate risk rule count; a second of
// either is reported against the first.
struct Firsts {
  const ast::Statement* protocol = nullptr;
  const ast::Statement* immediate_risk = nullptr;
  const ast::Statement* extends = nullptr;
  bool regional_immediate_risk = false;  // the rule is the regional protocol's, which a local one adds to
};

// Which file a statement stands in: the protocol's own, the regional protocol it
// extends, or a file of shared definitions one of them uses.
enum class FileRole { protocol, regional, used };

// A local stage numbered as a regional one, or a local immediate-risk rule where the
// regional protocol gives one, is read on its own and laid on the regional one.
bool layers_on_regional(const ast::Statement& statement, const resolving::Context& context) {
  if (statement.keyword != Keyword::stage) return false;
  const auto* number = statement.find(Tag::number);
  return number != nullptr && context.symbols.regional_stage_numbers.contains(number->low);
}

// Pass 2 for one statement, in file order: what it declares goes at the end of the
// model's list for its kind, which is the id pass 1 gave it.
void resolve_statement(const ast::Statement& statement, FileRole role, Firsts& firsts, model::Model& model,
                       resolving::Context& context) {
  if (role == FileRole::used && belongs_to_protocol_file(statement.keyword)) {
    context.sink.report(Code::N006, statement.span,
                        "a used file can only share definitions (agencies, kinds, hours, levels, calendars, forms); "
                        "this belongs in the protocol's own file");
    return;
  }
  switch (statement.keyword) {
    case Keyword::calendar:
      if (statement.has_block) model.calendars.push_back(resolving::calendar_of(statement, context));
      break;
    case Keyword::hours: model.hours.push_back(resolving::hours_of(statement, context)); break;
    case Keyword::level: model.levels.push_back(resolving::level_of(statement, context)); break;
    case Keyword::kind: model.kinds.push_back(resolving::kind_of(statement, context)); break;
    case Keyword::agency: model.agencies.push_back(resolving::agency_of(statement, context)); break;
    case Keyword::form: model.forms.push_back(resolving::form_of(statement, context)); break;
    case Keyword::complaints: model.complaints.push_back(resolving::complaints_of(statement, context)); break;
    case Keyword::stage:
      if (role == FileRole::protocol && layers_on_regional(statement, context)) {
        model::Stage local;
        resolving::read_stage(local, statement, context);
        auto slot = context.symbols.stage_numbers.at(local.number);
        auto& layered = model.stages[slot];
        resolving::layer_stage(layered, std::move(local), layered.label(), context);
        break;
      }
      [[fallthrough]];
    case Keyword::informal_stage:
    case Keyword::route: resolving::read_stage(model.stages.emplace_back(), statement, context); break;
    case Keyword::figure: model.figures.push_back(resolving::figure_of(statement, context)); break;
    case Keyword::allow:
      if (auto allow = allow_of(statement, context)) model.allows.push_back(std::move(*allow));
      break;
    case Keyword::extends:
      if (role == FileRole::regional) {
        context.sink.report(Code::N011, statement.span,
                            "a regional protocol cannot itself extend another: escc lays one local protocol on one "
                            "regional protocol");
        break;
      }
      if (firsts.extends != nullptr) {
        auto& d = context.sink.report(Code::N011, statement.span, "a protocol extends one regional protocol");
        d.notes.push_back({firsts.extends->span, "it already extends the one named here"});
        break;
      }
      firsts.extends = &statement;
      if (!model.regional) model.regional.emplace();
      if (const auto* named = statement.find(Tag::text)) model.regional->named = resolving::text_of(*named, context);
      break;
    case Keyword::immediate_risk:
      if (firsts.immediate_risk != nullptr && firsts.regional_immediate_risk && role == FileRole::protocol) {
        firsts.regional_immediate_risk = false;  // a second local rule is a second rule
        resolving::layer_stage(*model.immediate_risk, resolving::immediate_risk_of(statement, context),
                               "the immediate-risk rule", context);
        firsts.immediate_risk = &statement;
        break;
      }
      if (firsts.immediate_risk != nullptr) {
        auto& d = context.sink.report(Code::N002, statement.span, "there are two immediate risk rules");
        d.notes.push_back({firsts.immediate_risk->span, "the first is here"});
        break;
      }
      firsts.immediate_risk = &statement;
      firsts.regional_immediate_risk = role == FileRole::regional;
      model.immediate_risk = resolving::immediate_risk_of(statement, context);
      break;
    case Keyword::protocol:
      if (role == FileRole::regional) {
        // Its first protocol block; a second is the regional file's own error, reported
        // when it is checked on its own.
        if (model.regional && !model.regional->protocol.title.value.empty()) break;
        if (!model.regional) model.regional.emplace();
        model.regional->protocol = resolving::protocol_of(statement, context);
        break;
      }
      if (firsts.protocol != nullptr) {
        auto& d = context.sink.report(Code::N008, statement.span,
                                      "a file holds one protocol; this is a second protocol block");
        d.notes.push_back({firsts.protocol->span, "the first protocol block is here"});
        break;
      }
      firsts.protocol = &statement;
      model.protocol = resolving::protocol_of(statement, context);
      break;
    default: break;
  }
}

// The regional protocol's block, kept apart, and what of it holds for the whole a
// practitioner follows: its duties and contacts, and, where the local protocol says
// nothing of them, its targets, scope, calendar and what it calls its timeframes.
void join_regional(model::Model& model, const Program& program, FileId file) {
  if (!model.regional) model.regional.emplace();
  auto& regional = *model.regional;
  regional.file = file;
  if (regional.protocol.document) {
    if (program.regional_document) {
      regional.protocol.document->text = program.regional_document->text;
      regional.protocol.document->file = program.regional_document->file;
    } else {
      regional.protocol.document.reset();
    }
  }
  if (!model.protocol) return;
  auto& local = *model.protocol;
  // Moved, not copied: each part is in the model once, so that its quotes are verified
  // and shown once.
  auto& shared = regional.protocol;
  auto move_to_front = [](auto& into, auto& from) {
    into.insert(into.begin(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    from.clear();
  };
  move_to_front(local.duties, shared.duties);
  move_to_front(local.contacts, shared.contacts);
  if (local.targets.empty()) move_to_front(local.targets, shared.targets);
  if (local.scope.empty()) local.scope = shared.scope;
  if (!local.calendar_name) {
    local.calendar_name = shared.calendar_name;
    local.calendar = shared.calendar;
  }
  if (!local.timeframes_mandatory && !local.timeframes_indicative) {
    local.timeframes_mandatory = shared.timeframes_mandatory;
    local.timeframes_indicative = shared.timeframes_indicative;
  }
}

// `releasing`, when given, is the same program: each statement's syntax is freed once
// it is resolved, so that the model is built in memory the syntax tree gave back.
model::Model resolve_program(const Program& program, DiagnosticSink& sink, Program* releasing) {
  model::Model model;
  const ast::File* main = nullptr;
  const ast::File* regional = nullptr;
  std::vector<const ast::File*> files;
  for (const auto& unit : program.units) {
    files.push_back(&unit.syntax);
    if (unit.is_main) main = &unit.syntax;
    if (unit.is_regional) regional = &unit.syntax;
    if (!unit.is_main) model.imported.push_back(unit.file);
  }
  if (main == nullptr) return model;
  model.file = main->file;

  resolving::Symbols symbols;
  resolving::Context context(sink, *model.texts, symbols);
  resolving::collect_symbols(files, *main, regional, context);
  // Stages are most of a large protocol: growing their list one at a time would move
  // each of them again.
  model.stages.reserve(resolving::count_of(main->statements, Keyword::stage) +
                       resolving::count_of(main->statements, Keyword::informal_stage) +
                       resolving::count_of(main->statements, Keyword::route));
  Firsts firsts;
  for (std::size_t u = 0; u < program.units.size(); ++u) {
    const auto& unit = program.units[u];
    for (std::size_t s = 0; s < unit.syntax.statements.size(); ++s) {
      auto role = unit.is_main ? FileRole::protocol : unit.is_regional ? FileRole::regional : FileRole::used;
      resolve_statement(unit.syntax.statements[s], role, firsts, model, context);
      if (releasing == nullptr) continue;
      // Keyword and span stay: the check for a missing protocol block reads them.
      auto& syntax = releasing->units[u].syntax.statements[s];
      std::vector<ast::Value>().swap(syntax.values);
      std::vector<ast::Statement>().swap(syntax.body);
    }
  }
  resolving::report_hours_circles(model, sink);
  if (regional != nullptr) join_regional(model, program, regional->file);
  // The readings first: a contact in a reading may name one listed elsewhere, too.
  model.ambiguities = std::move(context.ambiguities);
  resolving::resolve_listed_contacts(model, sink);
  // The loader read the document the protocol names; without it (it could not be read,
  // an error already reported) there is nothing to verify quotes against.
  if (model.protocol && model.protocol->document) {
    if (program.document) {
      model.protocol->document->text = program.document->text;
      model.protocol->document->file = program.document->file;
    } else {
      model.protocol->document.reset();
    }
  }

  // A file of shared definitions only (a library for `use`) needs no protocol block.
  auto needs_protocol = std::find_if(main->statements.begin(), main->statements.end(), [](const ast::Statement& s) {
    return belongs_to_protocol_file(s.keyword) && s.keyword != Keyword::protocol && s.keyword != Keyword::allow;
  });
  if (!model.protocol && needs_protocol != main->statements.end()) {
    auto& d = sink.report(Code::N008, needs_protocol->span,
                          "this file has stages but no protocol block, so escc does not know which protocol they "
                          "belong to");
    d.suggestion = "add a block such as: protocol \"Escalation and resolution protocol\" { ... }";
  }
  return model;
}

}  // namespace

model::Model resolve(const Program& program, const SourceManager& sources, DiagnosticSink& sink) {
  (void)sources;
  return resolve_program(program, sink, nullptr);
}

model::Model resolve_releasing_syntax(Program& program, DiagnosticSink& sink) {
  return resolve_program(program, sink, &program);
}

}  // namespace esc
