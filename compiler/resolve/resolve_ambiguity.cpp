// Ambiguities: each reading is read as the block the ambiguity stands in would read it,
// into an entity of that kind that holds only what the reading says.
#include <fmt/format.h>

#include <utility>

#include "compiler/resolve/resolve_context.hpp"

namespace esc::resolving {
namespace {

using ast::Keyword;
using ast::Tag;

// `blank` carries what names the enclosing block (a stage's number, an agency's name),
// which the readers of a block's body may need (a line's readings name its agency).
// `holds` is the block the ambiguity stands in, whose statements its readings hold.
template <typename Entity, typename ReadInto>
void read_ambiguity_as(const ast::Statement& statement, std::string place, grammar::Block holds, const Entity& blank,
                       ReadInto read_into, Context& context) {
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
}

}  // namespace

void read_ambiguity(const ast::Statement& statement, const model::Protocol& within, Context& context) {
  (void)within;
  read_ambiguity_as(
      statement, "the protocol", grammar::Block::protocol, model::Protocol(),
      [&](model::Protocol& protocol, const ast::Statement& reading) { read_protocol_body(protocol, reading, context); },
      context);
}

void read_ambiguity(const ast::Statement& statement, const model::Stage& within, Context& context) {
  model::Stage blank;
  blank.kind = within.kind;
  blank.number = within.number;
  blank.name = within.name;
  blank.title = within.title;
  read_ambiguity_as(
      statement, within.label(), within.kind == model::StageKind::route ? grammar::Block::route : grammar::Block::stage,
      blank,
      [&](model::Stage& stage, const ast::Statement& reading) { read_stage_body(stage, reading, context); }, context);
}

void read_ambiguity(const ast::Statement& statement, const model::Agency& within, Context& context) {
  model::Agency blank;
  blank.name = within.name;
  blank.title = within.title;
  read_ambiguity_as(
      statement, fmt::format("agency {}", within.name), grammar::Block::agency, blank,
      [&](model::Agency& agency, const ast::Statement& reading) { read_agency_body(agency, reading, context); },
      context);
}

void read_ambiguity(const ast::Statement& statement, const model::Line& within, std::string_view agency,
                    Context& context) {
  model::Line blank;
  blank.label = within.label;
  read_ambiguity_as(
      statement, fmt::format("line {} of agency {}", within.label, agency), grammar::Block::line, blank,
      [&](model::Line& line, const ast::Statement& reading) { read_line_body(line, reading, agency, context); },
      context);
}

}  // namespace esc::resolving
