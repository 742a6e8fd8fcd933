// Ambiguities: each reading is read as the block the ambiguity stands in would read it,
// into an entity of that kind that holds only what the reading says.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "compiler/resolve/resolve_context.hpp"

namespace esc::resolving {
namespace {

using ast::Keyword;
using ast::Tag;

bool describes(const ast::Statement& statement) {
  return grammar::row_of(statement.keyword).describes_statement_above || statement.keyword == Keyword::context;
}

// The same statement, as written: its words and values, and its block's, without where
// it stands or what is quoted about it.
bool same_statement(const ast::Statement& a, const ast::Statement& b) {
  if (a.keyword != b.keyword || a.has_block != b.has_block || a.values.size() != b.values.size()) return false;
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    const auto& x = a.values[i];
    const auto& y = b.values[i];
    if (x.tag != y.tag || x.unit != y.unit || x.flags != y.flags || x.text != y.text || x.low != y.low ||
        x.high != y.high) {
      return false;
    }
  }
  std::vector<const ast::Statement*> left;
  std::vector<const ast::Statement*> right;
  for (const auto& child : a.body) {
    if (!describes(child)) left.push_back(&child);
  }
  for (const auto& child : b.body) {
    if (!describes(child)) right.push_back(&child);
  }
  if (left.size() != right.size()) return false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (!same_statement(*left[i], *right[i])) return false;
  }
  return true;
}

// A copy without what is quoted about it: the readings keep those quotes already.
ast::Statement without_quotes(const ast::Statement& statement) {
  ast::Statement copy;
  copy.keyword = statement.keyword;
  copy.span = statement.span;
  copy.has_block = statement.has_block;
  copy.values = statement.values;
  for (const auto& child : statement.body) {
    if (!describes(child)) copy.body.push_back(without_quotes(child));
  }
  return copy;
}

// What every reading of an ambiguity says alike, as one block's body: it holds however
// the document is read, and the outputs show it. An ambiguity with one reading has no
// other to agree with.
ast::Statement said_by_every_reading(const ast::Statement& ambiguity) {
  ast::Statement common;
  common.keyword = Keyword::reading;
  common.span = ambiguity.span;
  std::vector<const ast::Statement*> readings;
  for (const auto& child : ambiguity.body) {
    if (child.keyword == Keyword::reading) readings.push_back(&child);
  }
  if (readings.size() < 2) return common;
  for (const auto& statement : readings.front()->body) {
    if (describes(statement)) continue;
    bool everywhere = std::all_of(readings.begin() + 1, readings.end(), [&](const ast::Statement* reading) {
      return std::any_of(reading->body.begin(), reading->body.end(),
                         [&](const ast::Statement& other) { return same_statement(statement, other); });
    });
    if (everywhere) common.body.push_back(without_quotes(statement));
  }
  return common;
}

// `blank` carries what names the enclosing block (a stage's number, an agency's name),
// which the readers of a block's body may need (a line's readings name its agency).
// `holds` is the block the ambiguity stands in, whose statements its readings hold.
template <typename Entity, typename ReadInto>
void read_ambiguity_as(const ast::Statement& statement, std::string place, grammar::Block holds, const Entity& blank,
                       Entity& within, ReadInto read_into, Context& context) {
  model::Ambiguity ambiguity;
  ambiguity.span = statement.span;
  ambiguity.place = std::move(place);
  if (const auto* about = statement.find(Tag::title)) ambiguity.about = text_of(*about, context);
  for (const auto& child : statement.body) {
    if (child.keyword != Keyword::reading) continue;
    model::Reading reading;
    reading.span = child.span;
    if (const auto* label = child.find(Tag::title)) reading.label = text_of(*label, context);
    Entity says = blank;
    read_into(says, child);
    // The reading keeps the quotes written in it, of its own and of what it says that is
    // no entity (a timeframe), as the block would; entities (a step, a contact) keep theirs.
    static_cast<model::Described&>(says) = model::Described();
    describe_block(reading, child, holds, context);
    reading.says = std::move(says);
    ambiguity.readings.push_back(std::move(reading));
  }
  describe_block(ambiguity, statement, grammar::Block::ambiguity, context);
  context.ambiguities.push_back(std::move(ambiguity));
  auto common = said_by_every_reading(statement);
  if (!common.body.empty()) read_into(within, common);
}

}  // namespace

void read_ambiguity(const ast::Statement& statement, model::Protocol& within, Context& context) {
  read_ambiguity_as(
      statement, "the protocol", grammar::Block::protocol, model::Protocol(), within,
      [&](model::Protocol& protocol, const ast::Statement& reading) { read_protocol_body(protocol, reading, context); },
      context);
}

void read_ambiguity(const ast::Statement& statement, model::Stage& within, Context& context) {
  model::Stage blank;
  blank.kind = within.kind;
  blank.number = within.number;
  blank.name = within.name;
  blank.title = within.title;
  read_ambiguity_as(
      statement, within.label(), within.kind == model::StageKind::route ? grammar::Block::route : grammar::Block::stage,
      blank, within,
      [&](model::Stage& stage, const ast::Statement& reading) { read_stage_body(stage, reading, context); }, context);
}

void read_ambiguity(const ast::Statement& statement, model::Agency& within, Context& context) {
  model::Agency blank;
  blank.name = within.name;
  blank.title = within.title;
  read_ambiguity_as(
      statement, fmt::format("agency {}", within.name), grammar::Block::agency, blank, within,
      [&](model::Agency& agency, const ast::Statement& reading) { read_agency_body(agency, reading, context); },
      context);
}

void read_ambiguity(const ast::Statement& statement, model::Line& within, std::string_view agency,
                    Context& context) {
  model::Line blank;
  blank.label = within.label;
  read_ambiguity_as(
      statement, fmt::format("line {} of agency {}", within.label, agency), grammar::Block::line, blank, within,
      [&](model::Line& line, const ast::Statement& reading) { read_line_body(line, reading, agency, context); },
      context);
}

}  // namespace esc::resolving
