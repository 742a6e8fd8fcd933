// The statement table (grammar/statements.hpp) against the grammar, the parser and
// resolution: each row's words are the words its rule starts with, its example reads in
// every block the row allows and is refused in every other, it opens a block exactly
// where the row says, and the model keeps a source written under it exactly where the
// row says. A new statement gets all of this from its row, with no test of its own.
#include <catch2/catch.hpp>

#include <tao/pegtl/demangle.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "compiler/backends/meaning_diff.hpp"
#include "compiler/model/model.hpp"
#include "compiler/syntax/block_rules.hpp"
#include "compiler/syntax/suggest.hpp"
#include "grammar/errors.hpp"
#include "grammar/esc.hpp"
#include "grammar/statements.hpp"
#include "tests/support.hpp"

namespace {

namespace p = tao::pegtl;
namespace pi = tao::pegtl::internal;
namespace g = esc::grammar;
using g::Block;
using g::Keyword;
using Words = std::set<std::string>;

// ---- Reading the grammar's rules as types ---------------------------------------------------

template <typename Rule, template <typename...> class Shape>
inline constexpr bool is_shape = false;
template <template <typename...> class Shape, typename... Subs>
inline constexpr bool is_shape<Shape<Subs...>, Shape> = true;

template <typename Rule>
inline constexpr bool is_word = false;
template <char... Letters>
inline constexpr bool is_word<pi::istring<Letters...>> = true;

template <char... Letters>
std::string word_of(pi::istring<Letters...>*) {
  std::string word{Letters...};
  std::transform(word.begin(), word.end(), word.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return word;
}

template <typename... Subs, typename Each>
void for_each_sub(p::type_list<Subs...>*, Each&& each) {
  (each(static_cast<Subs*>(nullptr)), ...);
}

// The words a rule can start with. Returns whether it can match nothing at all, in which
// case what follows it can start the text too. Anything but a word at the start is
// recorded as "<not a word>".
template <typename Rule>
bool first_words(Words& words) {
  using Shape = typename Rule::rule_t;
  using Subs = typename Rule::subs_t;
  if constexpr (is_word<Shape>) {
    words.insert(word_of(static_cast<Shape*>(nullptr)));
    return false;
  } else if constexpr (is_shape<Shape, pi::seq>) {
    bool empty = true;
    for_each_sub(static_cast<Subs*>(nullptr), [&]<typename Sub>(Sub*) {
      if (empty) empty = first_words<Sub>(words);
    });
    return empty;
  } else if constexpr (is_shape<Shape, pi::sor>) {
    bool empty = false;
    for_each_sub(static_cast<Subs*>(nullptr), [&]<typename Sub>(Sub*) { empty = first_words<Sub>(words) || empty; });
    return empty;
  } else if constexpr (is_shape<Shape, pi::opt> || is_shape<Shape, pi::star>) {
    for_each_sub(static_cast<Subs*>(nullptr), [&]<typename Sub>(Sub*) { first_words<Sub>(words); });
    return true;
  } else if constexpr (is_shape<Shape, pi::must> || is_shape<Shape, pi::plus>) {
    bool empty = false;
    for_each_sub(static_cast<Subs*>(nullptr), [&]<typename Sub>(Sub*) { empty = first_words<Sub>(words); });
    return empty;
  } else if constexpr (is_shape<Shape, pi::at> || is_shape<Shape, pi::not_at>) {
    return true;
  } else {
    words.insert("<not a word>");
    return false;
  }
}

// Every word anywhere in a rule.
template <typename Rule>
void all_words(Words& words) {
  using Shape = typename Rule::rule_t;
  if constexpr (is_word<Shape>) {
    words.insert(word_of(static_cast<Shape*>(nullptr)));
  } else {
    for_each_sub(static_cast<typename Rule::subs_t*>(nullptr), [&]<typename Sub>(Sub*) { all_words<Sub>(words); });
  }
}

// The rules the grammar insists on (under must<> or raise<>) that have no message of
// their own, and so would be reported as "not written the way escc expects".
template <typename Rule>
void unexplained(std::set<std::string_view>& rules) {
  using Shape = typename Rule::rule_t;
  if constexpr (is_shape<Shape, pi::raise>) {
    [&]<typename Raised>(pi::raise<Raised>*) {
      if (g::error_message<Raised> == nullptr) rules.insert(p::demangle<Raised>());
    }(static_cast<Shape*>(nullptr));
  } else {
    if constexpr (is_shape<Shape, pi::must>) {
      for_each_sub(static_cast<typename Rule::subs_t*>(nullptr), [&]<typename Sub>(Sub*) {
        if (g::error_message<Sub> == nullptr) rules.insert(p::demangle<Sub>());
      });
    }
    for_each_sub(static_cast<typename Rule::subs_t*>(nullptr), [&]<typename Sub>(Sub*) { unexplained<Sub>(rules); });
  }
}

struct GrammarStatement {
  std::string_view rule;
  std::optional<Keyword> keyword;  // none: the rule does not name a row
  Words first;
};

std::vector<GrammarStatement> grammar_statements() {
  std::vector<GrammarStatement> statements;
  for_each_sub(static_cast<g::statement::subs_t*>(nullptr), [&]<typename Rule>(Rule*) {
    GrammarStatement statement{p::demangle<Rule>(), std::nullopt, {}};
    if constexpr (g::is_statement_rule<Rule>) statement.keyword = Rule::keyword;
    first_words<Rule>(statement.first);
    statements.push_back(std::move(statement));
  });
  return statements;
}

// ---- Reading the table ----------------------------------------------------------------------

Words first_words_of(const g::StatementRow& row) {
  Words words;
  g::for_each_first_word(row, [&](std::string_view word) { words.emplace(word); });
  return words;
}

bool is_statement(const g::StatementRow& row) { return !row.stands_in.empty(); }

// Text that opens `block` and closes it again, made from the examples of the statements
// that open it, from the file down; `openers` are their keywords.
struct Frame {
  std::string open;
  std::string close;
  std::vector<Keyword> openers;
};

Frame frame_of(Block block) {
  if (block == Block::file) return {};
  for (const auto& row : g::rows) {
    if (row.opens != block) continue;
    for (const auto& parent : g::block_table) {
      if (g::block_opened(parent.block, row.keyword) != block) continue;
      auto frame = frame_of(parent.block);
      frame.open += std::string(row.example) + " {\n";
      frame.close = "}\n" + frame.close;
      frame.openers.push_back(row.keyword);
      return frame;
    }
  }
  FAIL("no statement opens " << g::description_of(block));
  return {};
}

// The frame a row's example is written in: a note or quote on the file itself describes
// nothing (an error), so there it goes under a statement.
Frame frame_for(const g::StatementRow& row, Block block) {
  auto frame = frame_of(block);
  if (row.describes_statement_above && block == Block::file) frame.open = "level line_manager\n";
  return frame;
}

int line_after(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1; }

// The block whose statements a block holds: a reading holds those of the block its
// ambiguity stands in, which frame_of makes the first block an ambiguity may stand in.
Block holding(Block block) {
  if (block != Block::reading) return block;
  for (const auto& parent : g::block_table) {
    if (g::stands_in(parent.block, Keyword::ambiguous)) return parent.block;
  }
  return block;
}

// ---- Reading the model -----------------------------------------------------------------------

// Every source and note the model keeps, wherever it keeps them.
struct KeptTexts {
  std::vector<esc::model::Passage> passages;

  explicit KeptTexts(const esc::model::Model& model) {
    esc::model::for_each_described(model, [&](const esc::model::Described& described) {
      for (const auto& passage : described.passages()) passages.push_back(passage);
    });
  }
  // What the passage with `text` is about ("" for the entity that keeps it), if one is kept.
  std::optional<std::string_view> about(std::string_view text) const {
    for (const auto& passage : passages) {
      if (passage.text.value == text) return passage.about;
    }
    return std::nullopt;
  }
};

std::size_t count_keyword(const std::vector<esc::ast::Statement>& statements, Keyword keyword) {
  std::size_t count = 0;
  for (const auto& statement : statements) {
    count += (statement.keyword == keyword) + count_keyword(statement.body, keyword);
  }
  return count;
}

}  // namespace

TEST_CASE("the grammar tries the table's statements, in the table's order", "[statements]") {
  std::vector<std::string> in_grammar, in_table;
  for (const auto& statement : grammar_statements()) {
    INFO("rule " << statement.rule);
    REQUIRE(statement.keyword.has_value());
    in_grammar.emplace_back(g::row_of(*statement.keyword).name);
  }
  for (const auto& row : g::rows) {
    if (is_statement(row)) in_table.emplace_back(row.name);
  }
  CHECK(in_grammar == in_table);
}

TEST_CASE("each statement starts with the words its row spells", "[statements]") {
  for (const auto& statement : grammar_statements()) {
    REQUIRE(statement.keyword.has_value());
    const auto& row = g::row_of(*statement.keyword);
    INFO("rule " << statement.rule << ", row " << row.name);
    CHECK(statement.first == first_words_of(row));
    g::for_each_part(row.offered, " ", [&](std::string_view word) {
      INFO("offered: " << word);
      CHECK(statement.first.count(std::string(word)) == 1);
    });
  }
}

TEST_CASE("outcome actions start with the words their rows spell", "[statements]") {
  Words in_grammar, in_table;
  first_words<g::modal_action>(in_grammar);
  for (const auto& row : g::rows) {
    if (row.outcome_action) in_table.merge(first_words_of(row));
  }
  CHECK(in_grammar == in_table);
}

TEST_CASE("every word a suggestion offers is one the grammar reads", "[statements]") {
  Words in_grammar;
  all_words<g::item>(in_grammar);
  for (auto word : esc::all_keywords()) {
    INFO("offered: " << word);
    CHECK(in_grammar.count(std::string(word)) == 1);
  }
}

TEST_CASE("every rule the grammar insists on has a message of its own", "[statements]") {
  std::set<std::string_view> rules;
  unexplained<g::item>(rules);
  std::string names;
  for (auto rule : rules) names += std::string(rule) + "\n";
  INFO("no message for:\n" << names);
  CHECK(rules.empty());
}

TEST_CASE("each statement reads where its row allows it and is refused elsewhere", "[statements]") {
  for (const auto& row : g::rows) {
    if (!is_statement(row)) continue;
    for (const auto& block : g::block_table) {
      auto frame = frame_for(row, block.block);
      auto line = line_after(frame.open);
      auto place = std::to_string(line) + ":1";
      auto held = holding(block.block);
      auto opened = g::block_opened(held, row.keyword);
      INFO(row.name << " in " << block.description);
      if (block.block == Block::reading && row.keyword == Keyword::ambiguous) {
        auto parsed = esc::test::parse_text(frame.open + std::string(row.example) + " {\n}\n" + frame.close);
        REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P004 " + place});
        CHECK(parsed.sink.diagnostics()[0].message ==
              "an ambiguity cannot go inside a reading of another: write each way the document can be read as a "
              "reading of one ambiguity");
        continue;
      }
      if (!row.stands_in.contains(held)) {
        auto parsed = esc::test::parse_text(frame.open + std::string(row.example) + "\n" + frame.close);
        REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P004 " + place});
        CHECK(parsed.sink.diagnostics()[0].message ==
              esc::statement_words(row.keyword) + " cannot go in " + std::string(g::description_of(held)) +
                  "; it belongs in " + esc::where_it_belongs(row.keyword));
        continue;
      }
      auto with_block = std::string(row.example) + " {\n}\n";
      auto without_block = std::string(row.example) + "\n";
      auto parsed = esc::test::parse_text(frame.open + (opened ? with_block : without_block) + frame.close);
      CHECK(esc::test::codes_and_places(parsed).empty());
      CHECK(count_keyword(parsed.file.statements, row.keyword) == 1);
      // Opening a block where the row opens none, or not opening the one it does.
      auto wrong = esc::test::parse_text(frame.open + (opened ? without_block : with_block) + frame.close);
      CHECK(esc::test::codes_and_places(wrong) == std::vector<std::string>{"P007 " + place});
    }
  }
}

TEST_CASE("outcome actions read after 'when ...:'", "[statements]") {
  auto frame = frame_of(Block::stage);
  for (const auto& row : g::rows) {
    if (!row.outcome_action) continue;
    INFO(row.name);
    auto parsed = esc::test::parse_text(frame.open + "when unresolved: " + std::string(row.example) + "\n" + frame.close);
    CHECK(esc::test::codes_and_places(parsed).empty());
    CHECK(count_keyword(parsed.file.statements, row.keyword) == 1);
  }
}

TEST_CASE("must, should and may go before the statements whose rows take them, and nowhere else", "[statements]") {
  for (const auto& row : g::rows) {
    if (!is_statement(row)) continue;
    for (const auto& block : g::block_table) {
      if (!row.stands_in.contains(block.block)) continue;
      auto frame = frame_for(row, block.block);
      auto line = line_after(frame.open);
      auto ending = g::block_opened(block.block, row.keyword) ? std::string(" {\n}\n") : std::string("\n");
      for (std::string_view word : {"must", "should", "may"}) {
        INFO(word << " " << row.name << " in " << block.description);
        auto parsed = esc::test::parse_text(frame.open + std::string(word) + " " + std::string(row.example) + ending +
                                            frame.close);
        if (row.takes_modality) {
          CHECK(esc::test::codes_and_places(parsed).empty());
          continue;
        }
        REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P002 " + std::to_string(line) + ":1"});
        CHECK(parsed.sink.diagnostics()[0].message.rfind("'" + std::string(word) + "' cannot go before " +
                                                             esc::statement_words(row.keyword) + ":",
                                                         0) == 0);
      }
    }
  }
  auto frame = frame_of(Block::stage);
  for (const auto& row : g::rows) {
    if (!row.outcome_action) continue;
    INFO(row.name);
    CHECK(row.takes_modality);
    auto parsed =
        esc::test::parse_text(frame.open + "when unresolved: should " + std::string(row.example) + "\n" + frame.close);
    CHECK(esc::test::codes_and_places(parsed).empty());
    REQUIRE(count_keyword(parsed.file.statements, row.keyword) == 1);
  }
}

TEST_CASE("every source and note under every statement in every block is kept, or is an error", "[statements]") {
  // Declarations the examples name; one the text under test makes itself is left out.
  const std::pair<Keyword, std::string_view> declarations[] = {
      {Keyword::protocol, "protocol \"Declarations\" {\n}\n"},
      {Keyword::level, "level line_manager\n"},
      {Keyword::kind, "kind police\n"},
      {Keyword::calendar, "calendar england_and_wales {\n}\n"},
      {Keyword::agency, "agency declarations \"Declarations\" {\nline 1 {\n}\n}\n"},
  };
  for (const auto& row : g::rows) {
    if (!is_statement(row) || row.describes_statement_above) continue;
    for (const auto& block : g::block_table) {
      auto held = holding(block.block);
      if (!row.stands_in.contains(held)) continue;
      if (block.block == Block::reading && row.keyword == Keyword::ambiguous) continue;  // refused, above
      INFO(row.name << " in " << block.description);
      auto frame = frame_of(block.block);
      std::string text;
      for (const auto& [keyword, declaration] : declarations) {
        bool made_here = (block.block == Block::file && keyword == row.keyword) ||
                         std::find(frame.openers.begin(), frame.openers.end(), keyword) != frame.openers.end();
        if (!made_here) text += declaration;
      }
      text += frame.open + std::string(row.example) + (g::block_opened(held, row.keyword) ? " {\n}\n" : "\n");
      text += "source \"the kept source\"\nnote \"the kept note\"\n" + frame.close;

      // Beside tests/documents/sources/, where the document a `document` example names is.
      auto checked = esc::test::check_text(text, std::string(ESCC_SOURCE_DIR) + "/tests/documents/kept.esc");
      std::string errors;
      for (const auto& d : checked.sink.diagnostics()) errors += d.message + "\n";
      INFO(text << errors);
      if (row.cannot_be_described) {
        // Nothing could keep them: each is an error that says so.
        std::size_t refused = 0;
        for (const auto& d : checked.sink.diagnostics()) {
          refused += d.code == esc::Code::P004 && d.message.find("nothing keeps a quote or note") != std::string::npos;
        }
        CHECK(refused == 2);
        continue;
      }
      REQUIRE(checked.run.files.size() == 1);
      REQUIRE(checked.run.files[0].resolved);
      KeptTexts kept(checked.run.files[0].model);
      // An entity of its own keeps them as about itself; otherwise the block's entity
      // keeps them as about this statement.
      std::string_view about = row.keeps_source_and_note_in.contains(held) ? "" : row.name;
      CHECK(kept.about("the kept source") == std::optional(about));
      CHECK(kept.about("the kept note") == std::optional(about));
    }
  }
}

TEST_CASE("the first word of a misspelt statement is offered from the table", "[statements]") {
  const auto& offered = esc::statement_keywords();
  for (const auto& row : g::rows) {
    g::for_each_part(row.offered, " ", [&](std::string_view word) {
      INFO(row.name << ": " << word);
      CHECK(std::count(offered.begin(), offered.end(), word) == 1);
    });
  }
  // A word nothing offers is not offered.
  CHECK(std::count(offered.begin(), offered.end(), "as") == 0);
}

// `escc diff` against the table: adding any statement, in any block it may stand in,
// and removing it again, is a change in meaning the diff reports; so is the document's
// must, should or may before any statement that takes one. A new statement is held to
// this by its row alone.
TEST_CASE("escc diff reports every statement added or removed, in every block it stands in", "[statements][diff]") {
  // Declarations the examples name; one the text under test makes itself is left out.
  const std::pair<Keyword, std::string_view> declarations[] = {
      {Keyword::protocol, "protocol \"Declarations\" {\n}\n"},
      {Keyword::level, "level line_manager\n"},
      {Keyword::kind, "kind police\n"},
      {Keyword::calendar, "calendar england_and_wales {\n}\n"},
      {Keyword::agency, "agency declarations \"Declarations\" {\nline 1 {\n}\n}\n"},
      {Keyword::form, "form declarations \"Declarations\" {\n}\n"},
  };
  auto checked_model = [](const std::string& text) {
    auto checked = std::make_unique<esc::test::Checked>(
        esc::test::check_text(text, std::string(ESCC_SOURCE_DIR) + "/tests/documents/diff.esc"));
    std::string errors;
    for (const auto& d : checked->sink.diagnostics()) errors += d.message + "\n";
    INFO(text << errors);
    REQUIRE(checked->run.files.size() == 1);
    REQUIRE(checked->run.files[0].resolved);
    REQUIRE(checked->sink.errors() == 0);
    return checked;
  };
  auto require_reported = [&](const std::string& without, const std::string& with) {
    auto a = checked_model(without);
    auto b = checked_model(with);
    const auto& x = a->run.files[0];
    const auto& y = b->run.files[0];
    INFO("without:\n" << without << "with:\n" << with);
    CHECK_FALSE(esc::backends::changes_in_meaning(x.model, x.analyses, y.model, y.analyses).empty());
    CHECK_FALSE(esc::backends::changes_in_meaning(y.model, y.analyses, x.model, x.analyses).empty());
    CHECK(esc::backends::changes_in_meaning(y.model, y.analyses, y.model, y.analyses).empty());
  };
  std::size_t compared = 0;
  for (const auto& row : g::rows) {
    // A quote, a note and a context are the document's or the transcriber's words, not
    // what the protocol means (D001 and escc trace judge them).
    if (!is_statement(row) || row.describes_statement_above || row.keyword == Keyword::context) continue;
    for (const auto& block : g::block_table) {
      auto held = holding(block.block);
      if (!row.stands_in.contains(held)) continue;
      if (block.block == Block::reading && row.keyword == Keyword::ambiguous) continue;  // refused
      INFO(row.name << " in " << block.description);
      auto frame = frame_of(block.block);
      std::string text;
      for (const auto& [keyword, declaration] : declarations) {
        bool made_here = (block.block == Block::file && keyword == row.keyword) ||
                         std::find(frame.openers.begin(), frame.openers.end(), keyword) != frame.openers.end();
        // Within a calendar, the protocol names it, so that what it says is the protocol's.
        bool in_calendar = std::find(frame.openers.begin(), frame.openers.end(), Keyword::calendar) != frame.openers.end();
        if (!made_here) text += keyword == Keyword::protocol && in_calendar
                                    ? "protocol \"Declarations\" {\ncalendar england_and_wales\n}\n"
                                    : std::string(declaration);
      }
      // A calendar no protocol names is no part of one; the example of `working days`
      // states the days that are working days when none are stated.
      bool means_nothing = (row.keyword == Keyword::calendar && block.block == Block::file) ||
                           row.keyword == Keyword::working_days;
      auto ending = g::block_opened(held, row.keyword) ? std::string(" {\n}\n") : std::string("\n");
      if (means_nothing) {
        auto a = checked_model(text + frame.open + frame.close);
        auto b = checked_model(text + frame.open + std::string(row.example) + ending + frame.close);
        CHECK(esc::backends::changes_in_meaning(a->run.files[0].model, a->run.files[0].analyses,
                                                b->run.files[0].model, b->run.files[0].analyses)
                  .empty());
        // Other working days are a change.
        if (row.keyword == Keyword::working_days) {
          require_reported(text + frame.open + frame.close,
                           text + frame.open + "working days monday to saturday\n" + frame.close);
        }
        continue;
      }
      require_reported(text + frame.open + frame.close, text + frame.open + std::string(row.example) + ending + frame.close);
      if (row.takes_modality) {
        require_reported(text + frame.open + std::string(row.example) + ending + frame.close,
                         text + frame.open + "should " + std::string(row.example) + ending + frame.close);
      }
      ++compared;
    }
  }
  // Actions after `when ...:`, with the document's word and without.
  auto frame = frame_of(Block::stage);
  auto stages = std::string("protocol \"Declarations\" {\n}\nstage 2 \"Managers\" {\n}\n");
  for (const auto& row : g::rows) {
    if (!row.outcome_action) continue;
    INFO(row.name << " after 'when unresolved:'");
    auto action = "when unresolved: " + std::string(row.example) + "\n";
    require_reported(stages + frame.open + frame.close, stages + frame.open + action + frame.close);
    require_reported(stages + frame.open + action + frame.close,
                     stages + frame.open + "when unresolved: may " + std::string(row.example) + "\n" + frame.close);
    ++compared;
  }
  CHECK(compared > g::rows.size());
}
