#include "compiler/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "compiler/parallel.hpp"
#include "compiler/resolve_context.hpp"
#include "compiler/text.hpp"

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

// Where each top-level statement's result goes: its place in the model's vector for
// its kind, given before pass 2 so that statements can be resolved in any order.
struct Placed {
  std::uint32_t unit = 0;
  std::uint32_t statement = 0;
  std::uint32_t slot = 0;
};

struct Plan {
  std::vector<Placed> statements;  // in file order
  std::size_t calendars = 0, hours = 0, levels = 0, kinds = 0, agencies = 0, forms = 0, stages = 0, figures = 0,
              allows = 0;
  const ast::Statement* first_protocol = nullptr;
  const ast::Statement* first_immediate_risk = nullptr;
};

Plan plan_of(const Program& program) {
  Plan plan;
  for (std::uint32_t u = 0; u < program.units.size(); ++u) {
    const auto& unit = program.units[u];
    for (std::uint32_t s = 0; s < unit.syntax.statements.size(); ++s) {
      const auto& statement = unit.syntax.statements[s];
      std::size_t slot = 0;
      if (!unit.is_main && belongs_to_protocol_file(statement.keyword)) {
        plan.statements.push_back({u, s, 0});
        continue;
      }
      switch (statement.keyword) {
        case Keyword::calendar: slot = statement.has_block ? plan.calendars++ : 0; break;
        case Keyword::hours: slot = plan.hours++; break;
        case Keyword::level: slot = plan.levels++; break;
        case Keyword::kind: slot = plan.kinds++; break;
        case Keyword::agency: slot = plan.agencies++; break;
        case Keyword::form: slot = plan.forms++; break;
        case Keyword::stage:
        case Keyword::informal_stage:
        case Keyword::route: slot = plan.stages++; break;
        case Keyword::figure: slot = plan.figures++; break;
        case Keyword::allow: slot = plan.allows++; break;
        case Keyword::protocol:
          if (plan.first_protocol == nullptr) plan.first_protocol = &statement;
          break;
        case Keyword::immediate_risk:
          if (plan.first_immediate_risk == nullptr) plan.first_immediate_risk = &statement;
          break;
        default: break;
      }
      plan.statements.push_back({u, s, static_cast<std::uint32_t>(slot)});
    }
  }
  return plan;
}

// Pass 2 for one statement. Touches only its own slot of the model, so that runs of
// statements can be resolved on different threads.
void resolve_statement(const ast::Statement& statement, bool in_main, std::uint32_t slot, const Plan& plan,
                       model::Model& model, std::vector<std::optional<model::Allow>>& allows,
                       resolving::Context& context) {
  if (!in_main && belongs_to_protocol_file(statement.keyword)) {
    context.sink.report(Code::N006, statement.span,
                        "a used file can only share definitions (agencies, kinds, hours, levels, calendars, forms); "
                        "this belongs in the protocol's own file");
    return;
  }
  switch (statement.keyword) {
    case Keyword::calendar:
      if (statement.has_block) model.calendars[slot] = resolving::calendar_of(statement, context);
      break;
    case Keyword::hours: model.hours[slot] = resolving::hours_of(statement, context); break;
    case Keyword::level: model.levels[slot] = resolving::level_of(statement, context); break;
    case Keyword::kind: model.kinds[slot] = resolving::kind_of(statement, context); break;
    case Keyword::agency: model.agencies[slot] = resolving::agency_of(statement, context); break;
    case Keyword::form: model.forms[slot] = resolving::form_of(statement, context); break;
    case Keyword::stage:
    case Keyword::informal_stage:
    case Keyword::route: resolving::read_stage(model.stages[slot], statement, context); break;
    case Keyword::figure: model.figures[slot] = resolving::figure_of(statement, context); break;
    case Keyword::allow: allows[slot] = allow_of(statement, context); break;
    case Keyword::immediate_risk:
      if (&statement != plan.first_immediate_risk) {
        auto& d = context.sink.report(Code::N002, statement.span, "there are two immediate risk rules");
        d.notes.push_back({plan.first_immediate_risk->span, "the first is here"});
        break;
      }
      model.immediate_risk = resolving::immediate_risk_of(statement, context);
      break;
    case Keyword::protocol:
      if (&statement != plan.first_protocol) {
        auto& d = context.sink.report(Code::N008, statement.span,
                                      "a file holds one protocol; this is a second protocol block");
        d.notes.push_back({plan.first_protocol->span, "the first protocol block is here"});
        break;
      }
      model.protocol = resolving::protocol_of(statement, context);
      break;
    default: break;
  }
}

// A run of statements for pass 2: [begin, end) in the plan.
struct Run {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Below a megabyte of statements, threads cost more than they save.
bool worth_threads(const Program& program) {
  std::size_t total = 0;
  for (const auto& unit : program.units) {
    const auto& statements = unit.syntax.statements;
    if (!statements.empty()) total += statements.back().span.end - statements.front().span.begin;
  }
  return total >= (1u << 20);
}

// Runs of about equal length in bytes; a few per thread, so that a thread that
// finishes early takes another. One run on one thread.
std::vector<Run> runs_of(const Program& program, const Plan& plan, unsigned threads) {
  auto count = plan.statements.size();
  if (threads <= 1) return {{0, count}};
  auto length = [&](const Placed& placed) {
    const auto& span = program.units[placed.unit].syntax.statements[placed.statement].span;
    return static_cast<std::size_t>(span.end - span.begin);
  };
  std::size_t total = 0;
  for (const auto& placed : plan.statements) total += length(placed);
  auto share = total / (threads * 4) + 1;
  std::vector<Run> runs{{0, 0}};
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < count; ++i) {
    bytes += length(plan.statements[i]);
    runs.back().end = i + 1;
    if (bytes >= share && i + 1 < count) {
      runs.push_back({i + 1, i + 1});
      bytes = 0;
    }
  }
  return runs;
}

// `releasing`, when given, is the same program: each statement's syntax is freed once
// it is resolved, so that the model is built in memory the syntax tree gave back.
model::Model resolve_program(const Program& program, DiagnosticSink& sink, Program* releasing, unsigned threads) {
  model::Model model;
  const ast::File* main = nullptr;
  std::vector<const ast::File*> files;
  for (const auto& unit : program.units) {
    files.push_back(&unit.syntax);
    if (unit.is_main) main = &unit.syntax;
    if (!unit.is_main) model.imported.push_back(unit.file);
  }
  if (main == nullptr) return model;
  model.file = main->file;

  if (!worth_threads(program)) threads = 1;
  // Pass 1 and laying out the model's vectors for pass 2 do not depend on each other.
  resolving::Symbols symbols;
  DiagnosticSink declared;  // pass 1's findings, which come before pass 2's
  Plan plan;
  std::vector<std::optional<model::Allow>> allows;
  run_tasks(2, threads, [&](std::size_t task) {
    if (task == 0) {
      resolving::Context context(declared, *model.texts, symbols);
      resolving::collect_symbols(files, *main, context);
      return;
    }
    plan = plan_of(program);
    model.calendars.resize(plan.calendars);
    model.hours.resize(plan.hours);
    model.levels.resize(plan.levels);
    model.kinds.resize(plan.kinds);
    model.agencies.resize(plan.agencies);
    model.forms.resize(plan.forms);
    model.stages.resize(plan.stages);
    model.figures.resize(plan.figures);
    allows.resize(plan.allows);
  });
  for (auto& diagnostic : declared.editable()) sink.add(std::move(diagnostic));

  auto runs = runs_of(program, plan, threads);
  std::vector<DiagnosticSink> found(runs.size());
  auto release = [&](const Placed& placed) {
    // Keyword and span stay: the check for a missing protocol block reads them.
    auto& syntax = releasing->units[placed.unit].syntax.statements[placed.statement];
    std::vector<ast::Value>().swap(syntax.values);
    std::vector<ast::Statement>().swap(syntax.body);
  };
  // Syntax is freed by the thread that read the file: the allocator gives memory back
  // to the thread that took it, so only there can the model of later statements reuse
  // it. That thread frees its own statements one by one as it resolves them, and the
  // runs other threads have finished whenever it finishes one of its own.
  auto reader = std::this_thread::get_id();
  std::vector<std::atomic<bool>> resolved(runs.size());
  std::vector<char> released(runs.size(), 0);  // read and written by the reading thread only
  auto release_run = [&](std::size_t r) {
    for (auto i = runs[r].begin; i < runs[r].end; ++i) release(plan.statements[i]);
    released[r] = 1;
  };
  run_tasks(runs.size(), threads, [&](std::size_t r) {
    resolving::Context run_context(found[r], *model.texts, symbols);
    bool frees = releasing != nullptr && std::this_thread::get_id() == reader;
    for (auto i = runs[r].begin; i < runs[r].end; ++i) {
      const auto& placed = plan.statements[i];
      const auto& unit = program.units[placed.unit];
      resolve_statement(unit.syntax.statements[placed.statement], unit.is_main, placed.slot, plan, model, allows,
                        run_context);
      if (frees) release(placed);
    }
    if (!frees) {
      resolved[r].store(true, std::memory_order_release);
      return;
    }
    released[r] = 1;
    for (std::size_t other = 0; other < runs.size(); ++other) {
      if (!released[other] && resolved[other].load(std::memory_order_acquire)) release_run(other);
    }
  });
  if (releasing != nullptr) {
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (!released[r]) release_run(r);
    }
  }
  for (auto& run : found) {
    for (auto& diagnostic : run.editable()) sink.add(std::move(diagnostic));
  }
  for (auto& allow : allows) {
    if (allow) model.allows.push_back(std::move(*allow));
  }
  resolving::report_hours_circles(model, sink);

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
  return resolve_program(program, sink, nullptr, 1);
}

model::Model resolve_releasing_syntax(Program& program, DiagnosticSink& sink, unsigned threads) {
  return resolve_program(program, sink, &program, threads);
}

}  // namespace esc
