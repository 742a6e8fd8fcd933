// Shared by the resolve_*.cpp files only: the symbol tables and the conversions
// from syntax values to model values.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"
#include "compiler/model/unknowns.hpp"
#include "compiler/syntax/ast.hpp"

namespace esc::resolving {

// One kind of name: where each is declared, in declaration order. Names are views of
// the source text, which outlives resolution.
struct Names {
  explicit Names(std::string kind) : kind_words(std::move(kind)) {}
  std::string kind_words;  // "agency", "hours definition": used in messages
  std::unordered_map<std::string_view, std::uint32_t> index;  // the name's first declaration
  std::vector<std::string_view> in_order;
  std::vector<Span> spans;  // where each declaration is
  // What each declaration stands for in the model: its place among its kind, except a
  // route's, which is its slot among the stages.
  std::vector<std::uint32_t> ids;

  std::optional<std::uint32_t> find(std::string_view name) const;
};

// Every declared name, gathered by pass 1; pass 2 only reads it.
struct Symbols {
  Names calendars{"calendar"};
  Names hours{"hours definition"};
  Names levels{"level"};
  Names kinds{"kind of agency"};
  Names agencies{"agency"};
  Names forms{"form"};
  Names routes{"route"};
  std::unordered_map<std::int64_t, std::uint32_t> stage_numbers;  // formal stages
  // Those of the regional protocol the protocol extends: a local stage of the same number
  // adds to the regional stage.
  std::set<std::int64_t> regional_stage_numbers;
  std::set<std::string, std::less<>> line_labels;       // every distinct agency line label
};

// What resolving needs besides the statement at hand: where findings go, where decoded
// texts are kept, and the names pass 1 gathered.
struct Context {
  Context(DiagnosticSink& diagnostics, model::TextStore& store, Symbols& names)
      : sink(diagnostics), texts(store), symbols(names) {}
  DiagnosticSink& sink;
  model::TextStore& texts;
  Symbols& symbols;
  std::vector<model::Ambiguity> ambiguities;  // every ambiguity read so far, for the model
  // Whether a stage's body is being read: only there is there a step a time can count from.
  bool in_stage = false;

  // Looks a name up; reports N001 with a suggestion when it is not there.
  std::uint32_t lookup(const Names& names, std::string_view name, Span span);
};

model::Text text_of(const ast::Value& value, Context& context);
std::optional<model::Text> optional_text(const ast::Statement& statement, ast::Tag tag, Context& context);
std::vector<model::Text> texts_of(const ast::Statement& statement, ast::Tag tag, Context& context);
model::Date date_of(const ast::Value& value);
model::Duration duration_of(const ast::Value& value);
// The `must`, `should` or `may` written before a statement or an outcome action.
model::Modality modality_of(const ast::Statement& statement);
// A timeframe value and the clock start that may follow it.
model::Timeframe timeframe_of(const ast::Statement& statement, const ast::Value& value, Context& context);
std::vector<model::Window> windows_of(const ast::Statement& statement, Context& context);
model::Contact contact_of(const ast::Statement& statement, Context& context);
model::Duty duty_of(const ast::Statement& statement, Context& context);
// Gives each contact written `as listed` the details of the contact of its title listed
// elsewhere in the protocol, once every contact is read; reports one listed nowhere, or
// in several places with different details.
void resolve_listed_contacts(model::Model& model, DiagnosticSink& sink);
// The `source`, `note` and `context` statements written under `statement`, for a
// statement that opens no block.
void describe(model::Described& described, const ast::Statement& statement, Context& context);
// The same for a statement that opens `opened`, and those written under each statement
// in its block that is no entity of its own (a timeframe, `parties`, a form's section),
// as being about that statement. The statement table says which are entities.
void describe_block(model::Described& described, const ast::Statement& statement, grammar::Block opened,
                    Context& context);
// An `unknown` of a subject escc knows, standing where that subject may be recorded;
// nothing (and N010) otherwise.
std::optional<model::Unknown> unknown_of(const ast::Statement& statement, model::UnknownPlace place, Context& context);

// Pass 1: every declared name, with duplicates reported.
// Ids are positions in declaration order, duplicates included, so the model's
// vectors, filled in the same order, line up with them. `main` is the protocol's
// own file: only it, and the regional protocol it extends (if any), contribute stages.
void collect_symbols(const std::vector<const ast::File*>& files, const ast::File& main, const ast::File* regional,
                     Context& context);

// How many statements of a block say `keyword`: lists are sized before they are filled,
// since a large protocol has tens of thousands of blocks and growing each list one
// statement at a time moves every contact and duty again.
inline std::size_t count_of(const std::vector<ast::Statement>& body, ast::Keyword keyword) {
  std::size_t count = 0;
  for (const auto& child : body) count += child.keyword == keyword;
  return count;
}

// Reads a stage or route into the model's slot for it (empty until then).
void read_stage(model::Stage& stage, const ast::Statement& statement, Context& context);
// Adds what a local protocol says of a stage (or of the immediate-risk rule) to the
// regional protocol's: every part keeps the span of its own file.
// `label` names it in messages: "stage 2", "the immediate-risk rule".
void layer_stage(model::Stage& regional, model::Stage local, std::string_view label, Context& context);
// What the body of a block says, into an entity of its kind: a stage's, the protocol's,
// an agency's or a line's (of the agency named `agency`). A reading of an ambiguity is
// read by the reader of the block its ambiguity stands in.
void read_stage_body(model::Stage& stage, const ast::Statement& statement, Context& context);
void read_protocol_body(model::Protocol& protocol, const ast::Statement& statement, Context& context);
void read_agency_body(model::Agency& agency, const ast::Statement& statement, Context& context);
void read_line_body(model::Line& line, const ast::Statement& statement, std::string_view agency, Context& context);
// An `ambiguous` block within each kind of block, kept in the context's list with each
// of its readings read as that block would read it.
void read_ambiguity(const ast::Statement& statement, model::Protocol& within, Context& context);
void read_ambiguity(const ast::Statement& statement, model::Stage& within, Context& context);
void read_ambiguity(const ast::Statement& statement, model::Agency& within, Context& context);
void read_ambiguity(const ast::Statement& statement, model::Line& within, std::string_view agency,
                    Context& context);
model::Stage immediate_risk_of(const ast::Statement& statement, Context& context);
model::Protocol protocol_of(const ast::Statement& statement, Context& context);
model::Agency agency_of(const ast::Statement& statement, Context& context);
model::Calendar calendar_of(const ast::Statement& statement, Context& context);
model::Hours hours_of(const ast::Statement& statement, Context& context);
// N009 on every definition of hours in a circle of definitions naming one another,
// once the model holds them all.
void report_hours_circles(const model::Model& model, DiagnosticSink& sink);
model::Level level_of(const ast::Statement& statement, Context& context);
model::Kind kind_of(const ast::Statement& statement, Context& context);
model::Form form_of(const ast::Statement& statement, Context& context);
model::Complaints complaints_of(const ast::Statement& statement, Context& context);
model::Figure figure_of(const ast::Statement& statement, Context& context);

}  // namespace esc::resolving
