#include "compiler/block_rules.hpp"

#include <initializer_list>
#include <vector>

namespace esc {
namespace {

using K = ast::Keyword;

bool one_of(K keyword, std::initializer_list<K> keywords) {
  for (auto k : keywords) {
    if (k == keyword) return true;
  }
  return false;
}

constexpr BlockKind all_blocks[] = {BlockKind::file,  BlockKind::protocol, BlockKind::calendar, BlockKind::immediate_risk,
                                    BlockKind::stage, BlockKind::route,    BlockKind::agency,   BlockKind::line,
                                    BlockKind::form,  BlockKind::section};

}  // namespace

bool allowed_in(BlockKind parent, K keyword) {
  // Notes and source quotes may follow any statement.
  if (one_of(keyword, {K::note, K::source})) return true;
  switch (parent) {
    case BlockKind::file:
      return one_of(keyword, {K::use, K::allow, K::protocol, K::calendar, K::hours, K::level, K::kind, K::immediate_risk,
                              K::informal_stage, K::stage, K::route, K::agency, K::form, K::figure});
    case BlockKind::protocol:
      return one_of(keyword, {K::partnership, K::version, K::status, K::author, K::dated, K::approved,
                              K::last_reviewed, K::review, K::read_with, K::covers, K::excludes, K::calendar,
                              K::resolve, K::timeframes_from, K::report, K::term, K::link, K::contact, K::unknown});
    case BlockKind::calendar:
      return one_of(keyword, {K::working_days, K::bank_holiday, K::data_years});
    case BlockKind::immediate_risk:
      return one_of(keyword, {K::timeframe, K::through, K::actor, K::contact, K::duty});
    case BlockKind::stage:
    case BlockKind::route:
      return one_of(keyword, {K::parties, K::level, K::step, K::timeframe, K::cumulative, K::outcome, K::duty,
                              K::contacts, K::contact, K::final, K::through, K::actor, K::unknown}) ||
             (parent == BlockKind::route && keyword == K::entry);
    case BlockKind::agency:
      return one_of(keyword, {K::kind, K::role, K::contact, K::line, K::unknown});
    case BlockKind::line:
      return one_of(keyword, {K::contact, K::duty, K::unknown});
    case BlockKind::form:
      return one_of(keyword, {K::required_from, K::send_to, K::section, K::field, K::column});
    case BlockKind::section:
      return one_of(keyword, {K::field});
  }
  return false;
}

bool opens_block(BlockKind parent, K keyword, BlockKind& opened) {
  switch (keyword) {
    case K::protocol: opened = BlockKind::protocol; return true;
    case K::immediate_risk: opened = BlockKind::immediate_risk; return true;
    case K::informal_stage:
    case K::stage: opened = BlockKind::stage; return true;
    case K::route: opened = BlockKind::route; return true;
    case K::agency: opened = BlockKind::agency; return true;
    case K::line: opened = BlockKind::line; return true;
    case K::form: opened = BlockKind::form; return true;
    case K::section: opened = BlockKind::section; return true;
    // `calendar NAME` declares a calendar at the top of a file, and names the one a
    // protocol uses inside the protocol block.
    case K::calendar: opened = BlockKind::calendar; return parent == BlockKind::file;
    default: return false;
  }
}

std::string block_description(BlockKind kind) {
  switch (kind) {
    case BlockKind::file: return "the file itself, outside any block";
    case BlockKind::protocol: return "the protocol block";
    case BlockKind::calendar: return "a calendar";
    case BlockKind::immediate_risk: return "the immediate risk block";
    case BlockKind::stage: return "a stage";
    case BlockKind::route: return "a route";
    case BlockKind::agency: return "an agency";
    case BlockKind::line: return "an agency's line";
    case BlockKind::form: return "a form";
    case BlockKind::section: return "a form's section";
  }
  return "a block";
}

std::string where_it_belongs(K keyword) {
  std::vector<std::string> places;
  for (auto kind : all_blocks) {
    if (allowed_in(kind, keyword)) places.push_back(block_description(kind));
  }
  std::string text;
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (i > 0) text += i + 1 == places.size() ? " or " : ", ";
    text += places[i];
  }
  return text;
}

std::string statement_words(K keyword) {
  switch (keyword) {
    case K::immediate_risk: return "'immediate risk'";
    case K::informal_stage: return "'informal stage'";
    case K::last_reviewed: return "'last reviewed'";
    case K::read_with: return "'read with'";
    case K::timeframes_from: return "'timeframes from'";
    case K::working_days: return "'working days'";
    case K::bank_holiday: return "'bank holiday'";
    case K::data_years: return "'data from'";
    case K::timeframe: return "a timeframe";
    case K::outcome: return "'when'";
    case K::duty: return "a duty such as 'record' or 'notify'";
    case K::actor: return "'by'";
    case K::required_from: return "'required from'";
    case K::send_to: return "'send to'";
    case K::approved: return "'approved by'";
    default: return "'" + std::string(ast::keyword_name(keyword)) + "'";
  }
}

}  // namespace esc
