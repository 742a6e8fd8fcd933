#include "compiler/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/resolve_context.hpp"

namespace esc {
namespace {

using ast::Keyword;
using ast::Tag;

bool belongs_to_protocol_file(Keyword keyword) {
  switch (keyword) {
    case Keyword::protocol:
    case Keyword::stage:
    case Keyword::informal_stage:
    case Keyword::route:
    case Keyword::immediate_risk:
    case Keyword::figure:
    case Keyword::allow: return true;
    default: return false;
  }
}

void read_allow(model::Model& model, const ast::Statement& statement, DiagnosticSink& sink,
                resolving::Context& context) {
  const auto* code = statement.find(Tag::name);
  const auto* reason = statement.find(Tag::text);
  if (code == nullptr || reason == nullptr) return;
  auto known = find_code(code->text);
  if (!known) {
    sink.report(Code::N007, code->span, fmt::format("there is no finding with the code '{}'", code->text));
    return;
  }
  // What stops escc reading the protocol cannot be waved through.
  auto area = code->text.front();
  if (area == 'P' || area == 'I' || area == 'N') {
    sink.report(Code::N007, code->span,
                fmt::format("{} cannot be allowed: escc cannot read the protocol correctly until it is fixed",
                            code->text));
    return;
  }
  model.allows.push_back({std::string(code->text), resolving::text_of(*reason, context), statement.span});
}

// `releasing`, when given, is the same program: each statement's syntax is freed once
// it is resolved, so that the model is built in memory the syntax tree gave back.
model::Model resolve_program(const Program& program, DiagnosticSink& sink, Program* releasing) {
  model::Model model;
  const ast::File* main = nullptr;
  std::vector<const ast::File*> files;
  for (const auto& unit : program.units) {
    files.push_back(&unit.syntax);
    if (unit.is_main) main = &unit.syntax;
  }
  if (main == nullptr) return model;
  model.file = main->file;

  resolving::Context context(sink, *model.texts);
  resolving::collect_symbols(files, *main, context);
  model.stages.reserve(context.routes.spans.size() + context.stage_numbers.size() + 1);
  model.agencies.reserve(context.agencies.spans.size());

  for (std::size_t u = 0; u < program.units.size(); ++u) {
    const auto& unit = program.units[u];
    if (!unit.is_main) model.imported.push_back(unit.file);
    for (std::size_t s = 0; s < unit.syntax.statements.size(); ++s) {
      const auto& statement = unit.syntax.statements[s];
      struct Release {
        Program* program;
        std::size_t unit, statement;
        ~Release() {
          if (!program) return;
          // Keyword and span stay: the check for a missing protocol block reads them.
          auto& syntax = program->units[unit].syntax.statements[statement];
          std::vector<ast::Value>().swap(syntax.values);
          std::vector<ast::Statement>().swap(syntax.body);
        }
      } release{releasing, u, s};
      if (!unit.is_main && belongs_to_protocol_file(statement.keyword)) {
        sink.report(Code::N006, statement.span,
                    "a used file can only share definitions (agencies, kinds, hours, levels, calendars, forms); this "
                    "belongs in the protocol's own file");
        continue;
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
        case Keyword::stage:
        case Keyword::informal_stage:
        case Keyword::route: model.stages.push_back(resolving::stage_of(statement, context)); break;
        case Keyword::figure: model.figures.push_back(resolving::figure_of(statement, context)); break;
        case Keyword::allow: read_allow(model, statement, sink, context); break;
        case Keyword::immediate_risk:
          if (model.immediate_risk) {
            auto& d = sink.report(Code::N002, statement.span, "there are two immediate risk rules");
            d.notes.push_back({model.immediate_risk->span, "the first is here"});
            break;
          }
          model.immediate_risk = resolving::immediate_risk_of(statement, context);
          break;
        case Keyword::protocol:
          if (model.protocol) {
            auto& d = sink.report(Code::N008, statement.span,
                                  "a file holds one protocol; this is a second protocol block");
            d.notes.push_back({model.protocol->span, "the first protocol block is here"});
            break;
          }
          model.protocol = resolving::protocol_of(statement, context);
          break;
        default: break;
      }
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
