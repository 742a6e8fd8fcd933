// The language's vocabulary: one row per statement, saying how it is spelt, where it may
// stand, which block it opens, what "did you mean" offers for it, and whether the model
// keeps a `source` or `note` written under it. The syntax tree's keywords, the block
// rules, the suggestions, the formatter's and resolution's lists of statements and the
// messages that name a statement are all read from here, so that a new statement is its
// grammar rule, its row and its resolution.
//
// The PEGTL rules in esc.hpp stay hand-written (they are the grammar); each statement's
// rule names its row, and tests/statements_test.cpp fails when the two disagree.
//
// Plain C++ with nothing of PEGTL or the compiler, so that the grammar, the syntax tree
// and the tests can all read it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace esc::grammar {

// In the order the grammar tries the statements, which is also the order "did you mean"
// weighs their words in. `go_to` and `end` are no statements of their own: they stand
// only after `when ...:`, and are keywords of the syntax tree.
enum class Keyword : std::uint8_t {
  use, extends, allow, protocol, calendar, hours, level, immediate_risk, informal_stage, stage, route, complaints, agency, form, figure,
  partnership, version, status, author, dated, approved, last_reviewed, review, read_with, covers, excludes,
  applies_to, counterpart, part_of, supersedes, amended, statutory, does_not_replace, via, overseen, used_when, resolve,
  timeframes_from, timeframes_called, formal_start, report, term, link, document, working_days, bank_holiday, data_years, parties, step, timeframe, cumulative,
  outcome, go_to, end, duty, contacts, contact, final, decided_by, entry, through, actor, unknown, ambiguous, reading, kind, role,
  line, required_from, send_to, section, field, column, context, note, source,
};

// A reading's block holds what the block its ambiguity stands in holds: the parser reads
// it as that block (a reading of an ambiguity in a stage holds a stage's statements).
enum class Block : std::uint8_t {
  file, protocol, calendar, immediate_risk, stage, route, complaint, agency, line, form, section, ambiguity, reading,
};

struct Blocks {
  std::uint16_t bits = 0;

  constexpr bool contains(Block block) const { return (bits >> static_cast<unsigned>(block) & 1u) != 0; }
  constexpr bool empty() const { return bits == 0; }
};

template <typename... Each>
constexpr Blocks blocks(Each... each) {
  return {static_cast<std::uint16_t>((0u | ... | (1u << static_cast<unsigned>(each))))};
}

struct BlockRow {
  Block block;
  std::string_view description;  // for messages: "it belongs in a stage or a route"
};

// In the order messages list the places a statement belongs in.
inline constexpr std::array block_table = {
    BlockRow{Block::file, "the file itself, outside any block"},
    BlockRow{Block::protocol, "the protocol block"},
    BlockRow{Block::calendar, "a calendar"},
    BlockRow{Block::immediate_risk, "the immediate risk block"},
    BlockRow{Block::stage, "a stage"},
    BlockRow{Block::route, "a route"},
    BlockRow{Block::complaint, "a block of complaints about the partnership"},
    BlockRow{Block::agency, "an agency"},
    BlockRow{Block::line, "an agency's line"},
    BlockRow{Block::form, "a form"},
    BlockRow{Block::section, "a form's section"},
    BlockRow{Block::ambiguity, "an ambiguity"},
    BlockRow{Block::reading, "a reading of an ambiguity"},
};

inline constexpr Blocks every_block = {static_cast<std::uint16_t>((1u << block_table.size()) - 1)};
// A passage quoted as context belongs to an entity: the file itself is none.
inline constexpr Blocks every_block_but_file = {static_cast<std::uint16_t>(every_block.bits & ~1u)};

struct StatementRow {
  Keyword keyword;
  // Its name in the syntax tree, as `escc parse` prints it.
  std::string_view name;
  // How it is written up to its first value; alternatives are separated by " | ".
  std::string_view spellings;
  // The words "did you mean" offers for a misspelt first word: not every first word is
  // worth offering ('as' of 'as soon as possible').
  std::string_view offered;
  // How messages name it, when its first spelling in quotes would not do.
  std::string_view named = {};
  Blocks stands_in = {};
  std::optional<Block> opens = {};
  // Where it opens that block, when not wherever it stands: `calendar NAME` declares a
  // calendar at the top of a file, and names the one a protocol uses in the protocol block.
  Blocks opens_only_in = {};
  // May follow `when ...:`.
  bool outcome_action = false;
  // May be preceded by `must`, `should` or `may`, the document's word for how binding it is.
  bool takes_modality = false;
  // A `source` or `note` itself, describing the statement above it or the block it opens.
  bool describes_statement_above = false;
  // Where it is an entity of its own in the model (a step, a contact), which keeps a
  // `source` or `note` written under it. Elsewhere the entity of the block it stands in
  // keeps them, as being about this statement.
  Blocks keeps_source_and_note_in = {};
  // A file brought in with `use` shares definitions; this belongs in the protocol's own.
  bool only_in_protocol_file = false;
  // The model keeps nothing of it that a `source` or `note` could describe (`use`,
  // `allow`): one written under it is an error, never dropped.
  bool cannot_be_described = false;
  // The shortest whole statement, without its '{': the tests write it in every block.
  std::string_view example = {};
};

namespace table {

using enum Block;
using K = Keyword;

inline constexpr Blocks stages = blocks(stage, route);
inline constexpr Blocks stage_like = blocks(immediate_risk, stage, route);

inline constexpr std::array rows = {
    // The file itself.
    StatementRow{.keyword = K::use, .name = "use", .spellings = "use", .offered = "use", .stands_in = blocks(file),
                 .cannot_be_described = true, .example = "use std.hours"},
    StatementRow{.keyword = K::extends, .name = "extends", .spellings = "extends", .offered = "extends",
                 .stands_in = blocks(file), .only_in_protocol_file = true, .cannot_be_described = true,
                 .example = R"(extends "regional.esc")"},
    StatementRow{.keyword = K::allow, .name = "allow", .spellings = "allow", .offered = "allow",
                 .stands_in = blocks(file), .only_in_protocol_file = true, .cannot_be_described = true,
                 .example = R"(allow G004 "agreed by the board")"},
    StatementRow{.keyword = K::protocol, .name = "protocol", .spellings = "protocol", .offered = "protocol",
                 .stands_in = blocks(file), .opens = protocol, .keeps_source_and_note_in = blocks(file),
                 .only_in_protocol_file = true, .example = R"(protocol "Resolving professional disagreements")"},
    StatementRow{.keyword = K::calendar, .name = "calendar", .spellings = "calendar", .offered = "calendar",
                 .stands_in = blocks(file, protocol), .opens = calendar, .opens_only_in = blocks(file),
                 .keeps_source_and_note_in = blocks(file), .example = "calendar england_and_wales"},
    StatementRow{.keyword = K::hours, .name = "hours", .spellings = "hours", .offered = "hours",
                 .stands_in = blocks(file), .keeps_source_and_note_in = blocks(file),
                 .example = "hours evenings = weekdays 17:00-21:00"},
    StatementRow{.keyword = K::level, .name = "level", .spellings = "level", .offered = "level",
                 .stands_in = blocks(file, stage, route), .keeps_source_and_note_in = blocks(file),
                 .example = "level line_manager"},
    StatementRow{.keyword = K::immediate_risk, .name = "immediate_risk", .spellings = "immediate risk",
                 .offered = "immediate", .stands_in = blocks(file), .opens = immediate_risk,
                 .keeps_source_and_note_in = blocks(file), .only_in_protocol_file = true,
                 .example = "immediate risk"},
    StatementRow{.keyword = K::informal_stage, .name = "informal_stage", .spellings = "informal stage",
                 .offered = "informal", .stands_in = blocks(file), .opens = stage, .takes_modality = true,
                 .keeps_source_and_note_in = blocks(file), .only_in_protocol_file = true,
                 .example = R"(informal stage "Practitioner discussion")"},
    StatementRow{.keyword = K::stage, .name = "stage", .spellings = "stage", .offered = "stage",
                 .stands_in = blocks(file), .opens = stage, .takes_modality = true,
                 .keeps_source_and_note_in = blocks(file), .only_in_protocol_file = true,
                 .example = R"(stage 1 "Practitioners")"},
    StatementRow{.keyword = K::route, .name = "route", .spellings = "route", .offered = "route",
                 .stands_in = blocks(file), .opens = route, .keeps_source_and_note_in = blocks(file),
                 .only_in_protocol_file = true, .example = R"(route exceptional "Exceptional route")"},
    // "If the complaint is about the decisions of the partnership, it should be directed to
    // the Executive Group": who handles it and their duties, at no stage of the escalation.
    StatementRow{.keyword = K::complaints, .name = "complaints", .spellings = "complaints about",
                 .offered = "complaints", .stands_in = blocks(file), .opens = complaint,
                 .keeps_source_and_note_in = blocks(file), .only_in_protocol_file = true,
                 .example = R"(complaints about "the decisions of the partnership")"},
    StatementRow{.keyword = K::agency, .name = "agency", .spellings = "agency", .offered = "agency",
                 .stands_in = blocks(file), .opens = agency, .keeps_source_and_note_in = blocks(file),
                 .example = R"(agency police "Example Police")"},
    StatementRow{.keyword = K::form, .name = "form", .spellings = "form", .offered = "form", .stands_in = blocks(file),
                 .opens = form, .keeps_source_and_note_in = blocks(file),
                 .example = R"(form resolution "Resolution template")"},
    StatementRow{.keyword = K::figure, .name = "figure", .spellings = "figure", .offered = "figure",
                 .stands_in = blocks(file), .keeps_source_and_note_in = blocks(file), .only_in_protocol_file = true,
                 .example = R"(figure "Figure 1" shows stages 1)"},

    // The protocol block.
    StatementRow{.keyword = K::partnership, .name = "partnership", .spellings = "partnership",
                 .offered = "partnership", .stands_in = blocks(protocol),
                 .example = R"(partnership "Example Safeguarding Partnership" as ESP)"},
    StatementRow{.keyword = K::version, .name = "version", .spellings = "version", .offered = "version",
                 .stands_in = blocks(protocol), .example = R"(version "V3")"},
    StatementRow{.keyword = K::status, .name = "status", .spellings = "status", .offered = "status",
                 .stands_in = blocks(protocol), .example = "status live"},
    StatementRow{.keyword = K::author, .name = "author", .spellings = "author", .offered = "author",
                 .stands_in = blocks(protocol), .example = R"(author "ESP")"},
    StatementRow{.keyword = K::dated, .name = "dated", .spellings = "dated", .offered = "dated",
                 .stands_in = blocks(protocol), .example = "dated 2026-01"},
    StatementRow{.keyword = K::approved, .name = "approved", .spellings = "approved by", .offered = "approved",
                 .stands_in = blocks(protocol), .example = R"(approved by "ESP Executive" on 2026-01-15)"},
    StatementRow{.keyword = K::last_reviewed, .name = "last_reviewed", .spellings = "last reviewed", .offered = "last",
                 .stands_in = blocks(protocol), .example = "last reviewed 2025-03"},
    StatementRow{.keyword = K::review, .name = "review", .spellings = "review", .offered = "review",
                 .stands_in = blocks(protocol), .example = "review due 2027-01"},
    StatementRow{.keyword = K::read_with, .name = "read_with", .spellings = "read with", .offered = "read",
                 .stands_in = blocks(protocol), .example = R"(read with "Child Protection Procedures")"},
    StatementRow{.keyword = K::covers, .name = "covers", .spellings = "covers", .offered = "covers",
                 .stands_in = blocks(protocol), .example = "covers children"},
    StatementRow{.keyword = K::excludes, .name = "excludes", .spellings = "excludes", .offered = "excludes",
                 .stands_in = blocks(protocol), .example = R"(excludes "complaints")"},
    // Who the protocol applies to, and the documents around it.
    StatementRow{.keyword = K::applies_to, .name = "applies_to", .spellings = "applies to", .offered = "applies",
                 .stands_in = blocks(protocol), .example = R"(applies to "all agencies working with children")"},
    StatementRow{.keyword = K::counterpart, .name = "counterpart", .spellings = "counterpart", .offered = "counterpart",
                 .stands_in = blocks(protocol),
                 .example = R"(counterpart "the practice safeguarding lead" for "a GP")"},
    StatementRow{.keyword = K::part_of, .name = "part_of", .spellings = "part of", .offered = "part",
                 .stands_in = blocks(protocol),
                 .example = R"(part of "London Child Protection Procedures" section "4.3")"},
    StatementRow{.keyword = K::supersedes, .name = "supersedes", .spellings = "supersedes", .offered = "supersedes",
                 .stands_in = blocks(protocol), .example = R"(supersedes "Escalation Policy 2019")"},
    StatementRow{.keyword = K::amended, .name = "amended", .spellings = "amended", .offered = "amended",
                 .stands_in = blocks(protocol), .example = R"(amended 2024-03 "contact details updated")"},
    StatementRow{.keyword = K::statutory, .name = "statutory", .spellings = "statutory", .offered = "statutory",
                 .stands_in = blocks(protocol), .example = R"(statutory "Children Act 1989, section 47")"},
    // "This procedure does not replace the statutory complaints process": a document the
    // protocol leaves in force beside it, in the document's word ("separate from" where the
    // document says the two are separate).
    StatementRow{.keyword = K::does_not_replace, .name = "does_not_replace",
                 .spellings = "does not replace | separate from", .offered = "does separate",
                 .named = "'does not replace'", .stands_in = blocks(protocol),
                 .example = R"(does not replace "the agencies' complaints procedures")"},
    // The ways every step may be taken, each join as the document writes it.
    StatementRow{.keyword = K::via, .name = "via", .spellings = "via", .offered = "via",
                 .stands_in = blocks(protocol), .example = R"(via "telephone" or "email")"},
    // Who oversees the protocol and what for, where the document names no report.
    StatementRow{.keyword = K::overseen, .name = "overseen", .spellings = "overseen by", .offered = "overseen",
                 .stands_in = blocks(protocol), .example = R"(overseen by "the Partnership")"},
    // The situations the protocol is used in, joined by the document's own words.
    StatementRow{.keyword = K::used_when, .name = "used_when", .spellings = "used when", .offered = "used",
                 .stands_in = blocks(protocol), .example = R"(used when "an agency fails to act")"},
    StatementRow{.keyword = K::resolve, .name = "resolve", .spellings = "resolve", .offered = "resolve",
                 .stands_in = blocks(protocol), .takes_modality = true, .keeps_source_and_note_in = blocks(protocol),
                 .example = "resolve within 10 working days"},
    StatementRow{.keyword = K::timeframes_from, .name = "timeframes_from", .spellings = "timeframes from",
                 .offered = "timeframes", .stands_in = blocks(protocol),
                 .example = R"(timeframes from "the initial concern")"},
    StatementRow{.keyword = K::timeframes_called, .name = "timeframes_called", .spellings = "timeframes",
                 .offered = "", .named = "'timeframes mandatory' or 'timeframes indicative'",
                 .stands_in = blocks(protocol), .example = "timeframes mandatory"},
    // "Stage 3 is the formal stage, started by sending form X": where the formal procedure starts.
    // "Should this not be the case, this procedure should be expedited": `procedure from`,
    // where the document does not call it formal.
    StatementRow{.keyword = K::formal_start, .name = "formal_start",
                 .spellings = "formal procedure from | procedure from", .offered = "formal procedure",
                 .named = "'procedure from'", .stands_in = blocks(protocol), .takes_modality = true,
                 .example = R"(formal procedure from stage 1 started by "sending the escalation form")"},
    StatementRow{.keyword = K::report, .name = "report", .spellings = "report", .offered = "report",
                 .stands_in = blocks(protocol), .example = R"(report quarterly to "the Board")"},
    StatementRow{.keyword = K::term, .name = "term", .spellings = "term", .offered = "term",
                 .stands_in = blocks(protocol), .example = R"(term "ESP" means "Example Safeguarding Partnership")"},
    StatementRow{.keyword = K::link, .name = "link", .spellings = "link", .offered = "link",
                 .stands_in = blocks(protocol), .example = R"(link "https://example.org/")"},
    StatementRow{.keyword = K::document, .name = "document", .spellings = "document", .offered = "document",
                 .stands_in = blocks(protocol), .example = R"(document "sources/document.txt")"},

    // Calendars.
    StatementRow{.keyword = K::working_days, .name = "working_days", .spellings = "working days",
                 .offered = "working", .stands_in = blocks(calendar), .example = "working days monday to friday"},
    StatementRow{.keyword = K::bank_holiday, .name = "bank_holiday", .spellings = "bank holiday", .offered = "bank",
                 .stands_in = blocks(calendar), .example = R"(bank holiday 2026-12-25 "Christmas Day")"},
    StatementRow{.keyword = K::data_years, .name = "data_years", .spellings = "data from", .offered = "data",
                 .stands_in = blocks(calendar), .example = "data from 2015 to 2030"},

    // Stages, routes and the immediate risk rule.
    StatementRow{.keyword = K::parties, .name = "parties", .spellings = "parties", .offered = "parties",
                 .stands_in = stages, .example = R"(parties "Practitioner" to "Practitioner")"},
    StatementRow{.keyword = K::step, .name = "step", .spellings = "step", .offered = "step", .stands_in = stage_like,
                 .takes_modality = true, .keeps_source_and_note_in = stage_like,
                 .example = R"(step "Talk it through" within 2 working days)"},
    StatementRow{.keyword = K::timeframe, .name = "timeframe",
                 .spellings = "within | by day | same working day | on the same working day | immediately | "
                              "as soon as possible",
                 .offered = "within by immediately same", .named = "a timeframe", .stands_in = stage_like,
                 .takes_modality = true, .example = "within 2 working days"},
    StatementRow{.keyword = K::cumulative, .name = "cumulative", .spellings = "cumulative", .offered = "cumulative",
                 .stands_in = stages, .example = "cumulative 5 working days"},
    StatementRow{.keyword = K::outcome, .name = "outcome", .spellings = "when", .offered = "when",
                 .stands_in = stages, .keeps_source_and_note_in = stages, .example = "when unresolved: end"},
    StatementRow{.keyword = K::go_to, .name = "go_to", .spellings = "go to", .offered = "", .outcome_action = true,
                 .takes_modality = true, .example = "go to stage 2"},
    StatementRow{.keyword = K::end, .name = "end", .spellings = "end", .offered = "", .outcome_action = true,
                 .takes_modality = true, .example = "end"},
    StatementRow{.keyword = K::duty, .name = "duty",
                 .spellings = "record | notify | inform | submit | update | share | confirm in writing | give feedback | agree | duty",
                 .offered = "record notify inform submit update share confirm give agree duty",
                 .named = "a duty such as 'record' or 'notify'",
                 .stands_in = blocks(protocol, immediate_risk, stage, route, complaint, line), .outcome_action = true,
                 .takes_modality = true,
                 .keeps_source_and_note_in = blocks(protocol, immediate_risk, stage, route, complaint, line),
                 .example = R"(record "the outcome" on "the child's file")"},
    StatementRow{.keyword = K::contacts, .name = "contacts", .spellings = "contacts", .offered = "contacts",
                 .stands_in = stages, .example = "contacts line 1"},
    StatementRow{.keyword = K::contact, .name = "contact", .spellings = "contact", .offered = "contact",
                 .stands_in = blocks(protocol, immediate_risk, stage, route, complaint, agency, line),
                 .keeps_source_and_note_in = blocks(protocol, immediate_risk, stage, route, complaint, agency, line),
                 .example = R"(contact "Duty Inspector" phone "01234 567890")"},
    StatementRow{.keyword = K::final, .name = "final", .spellings = "final", .offered = "final", .stands_in = stages,
                 .example = "final binding"},
    // Who makes a final stage's decision, where the document names them apart from its parties.
    StatementRow{.keyword = K::decided_by, .name = "decided_by", .spellings = "decided by", .offered = "decided",
                 .stands_in = stages, .example = R"(decided by "the Partnership Chair")"},
    StatementRow{.keyword = K::entry, .name = "entry", .spellings = "entry from", .offered = "entry",
                 .stands_in = blocks(route), .example = "entry from any stage"},
    StatementRow{.keyword = K::through, .name = "through", .spellings = "through", .offered = "through",
                 .stands_in = stage_like, .example = R"(through "the usual referral procedures")"},
    StatementRow{.keyword = K::actor, .name = "actor", .spellings = "by", .offered = "by", .stands_in = stage_like,
                 .example = R"(by "the designated safeguarding lead")"},
    StatementRow{.keyword = K::unknown, .name = "unknown", .spellings = "unknown", .offered = "unknown",
                 .stands_in = blocks(protocol, stage, route, agency, line),
                 .example = R"(unknown contacts "lost in extraction")"},
    StatementRow{.keyword = K::ambiguous, .name = "ambiguous", .spellings = "ambiguous", .offered = "ambiguous",
                 .stands_in = blocks(protocol, stage, route, agency, line), .opens = ambiguity,
                 .keeps_source_and_note_in = blocks(protocol, stage, route, agency, line),
                 .example = R"(ambiguous "the table and the text disagree")"},
    StatementRow{.keyword = K::reading, .name = "reading", .spellings = "reading", .offered = "reading",
                 .stands_in = blocks(ambiguity), .opens = reading, .keeps_source_and_note_in = blocks(ambiguity),
                 .example = R"(reading "the table")"},

    // Agencies.
    StatementRow{.keyword = K::kind, .name = "kind", .spellings = "kind", .offered = "kind",
                 .stands_in = blocks(file, agency), .keeps_source_and_note_in = blocks(file),
                 .example = "kind police"},
    StatementRow{.keyword = K::role, .name = "role", .spellings = "role", .offered = "role",
                 .stands_in = blocks(agency), .keeps_source_and_note_in = blocks(agency),
                 .example = R"(role "Detective Sergeant")"},
    StatementRow{.keyword = K::line, .name = "line", .spellings = "line", .offered = "line",
                 .stands_in = blocks(agency), .opens = line, .keeps_source_and_note_in = blocks(agency),
                 .example = R"(line 1 "First line of escalation")"},

    // Forms.
    StatementRow{.keyword = K::required_from, .name = "required_from", .spellings = "required from",
                 .offered = "required", .stands_in = blocks(form), .example = "required from stage 2"},
    StatementRow{.keyword = K::send_to, .name = "send_to", .spellings = "send to", .offered = "send",
                 .stands_in = blocks(form), .keeps_source_and_note_in = blocks(form),
                 .example = R"(send to "Partnership Team" email "team@example.gov.uk")"},
    StatementRow{.keyword = K::section, .name = "section", .spellings = "section", .offered = "section",
                 .stands_in = blocks(form), .opens = section, .example = R"(section "Section A")"},
    StatementRow{.keyword = K::field, .name = "field", .spellings = "field", .offered = "field",
                 .stands_in = blocks(form, section), .example = R"(field "Name of child")"},
    StatementRow{.keyword = K::column, .name = "column", .spellings = "column", .offered = "column",
                 .stands_in = blocks(form), .example = R"(column "Reference")"},

    // Anywhere: a passage of the document that states an aim or a principle with no formal
    // meaning, quoted so that the document is accounted for in full and shown on the page.
    StatementRow{.keyword = K::context, .name = "context", .spellings = "context", .offered = "context",
                 .stands_in = every_block_but_file, .example = R"(context "the document's own words")"},
    // Anywhere: what the statement above says, in the author's or the document's words.
    StatementRow{.keyword = K::note, .name = "note", .spellings = "note", .offered = "note", .stands_in = every_block,
                 .describes_statement_above = true, .example = R"(note "a remark")"},
    StatementRow{.keyword = K::source, .name = "source", .spellings = "source | quote", .offered = "source quote",
                 .stands_in = every_block, .describes_statement_above = true,
                 .example = R"(source "the document's own words")"},
};

}  // namespace table

using table::rows;

// Rows are found by their keyword's value.
constexpr bool rows_follow_keywords() {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<std::size_t>(rows[i].keyword) != i) return false;
  }
  return static_cast<std::size_t>(Keyword::source) + 1 == rows.size();
}
static_assert(rows_follow_keywords(), "the statement table has one row per keyword, in the keywords' order");

constexpr bool blocks_follow_their_order() {
  for (std::size_t i = 0; i < block_table.size(); ++i) {
    if (static_cast<std::size_t>(block_table[i].block) != i) return false;
  }
  return static_cast<std::size_t>(Block::reading) + 1 == block_table.size();
}
static_assert(blocks_follow_their_order(), "the block table has one row per block, in the blocks' order");

constexpr const StatementRow& row_of(Keyword keyword) { return rows[static_cast<std::size_t>(keyword)]; }
constexpr std::string_view description_of(Block block) {
  return block_table[static_cast<std::size_t>(block)].description;
}

constexpr bool stands_in(Block parent, Keyword keyword) { return row_of(keyword).stands_in.contains(parent); }

// The block a statement opens when it stands in `parent`, if it opens one there.
constexpr std::optional<Block> block_opened(Block parent, Keyword keyword) {
  const auto& row = row_of(keyword);
  if (!row.opens || !row.stands_in.contains(parent)) return std::nullopt;
  if (!row.opens_only_in.empty() && !row.opens_only_in.contains(parent)) return std::nullopt;
  return row.opens;
}

// Calls `each` with every part of `text` between `separator`s.
template <typename Each>
constexpr void for_each_part(std::string_view text, std::string_view separator, Each&& each) {
  while (!text.empty()) {
    auto end = text.find(separator);
    each(text.substr(0, end));
    if (end == std::string_view::npos) return;
    text.remove_prefix(end + separator.size());
  }
}

// The first word of each of a row's spellings: every word the statement may start with.
template <typename Each>
constexpr void for_each_first_word(const StatementRow& row, Each&& each) {
  for_each_part(row.spellings, " | ", [&](std::string_view spelling) { each(spelling.substr(0, spelling.find(' '))); });
}

// Whether a line starting with `word` (in lower case) is a `source` or `note`.
constexpr bool describes_statement_above(std::string_view word) {
  for (const auto& row : rows) {
    if (!row.describes_statement_above) continue;
    bool found = false;
    for_each_first_word(row, [&](std::string_view first) { found = found || first == word; });
    if (found) return true;
  }
  return false;
}

}  // namespace esc::grammar
