// The parser's values, block structure, attachment of quotes, and recovery.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "compiler/driver/check.hpp"
#include "compiler/findings/render.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/syntax/text.hpp"
#include "tests/support.hpp"

using esc::ast::Keyword;
using esc::ast::Tag;
using esc::ast::Unit;
using esc::test::codes_and_places;
using esc::test::parse_text;

TEST_CASE("a stage's values and steps are read in order", "[parser]") {
  auto parsed = parse_text(R"(stage 3 "Senior Managers" {
  step "Refer in writing" within 24 hours
  step "Resolve" within a further 2 working days from "the referral" cumulative 10 working days
  when unresolved: go to stage 4
}
)");
  REQUIRE(parsed.sink.diagnostics().empty());
  REQUIRE(parsed.file.statements.size() == 1);
  const auto& stage = parsed.file.statements[0];
  CHECK(stage.keyword == Keyword::stage);
  CHECK(stage.has_block);
  CHECK(stage.find(Tag::number)->low == 3);
  CHECK(stage.find(Tag::title)->text == "Senior Managers");
  REQUIRE(stage.body.size() == 3);

  const auto& first = *stage.body[0].find(Tag::timeframe);
  CHECK(first.unit == Unit::hours);
  CHECK(first.low == 24);

  const auto& second = stage.body[1];
  const auto& within = *second.find(Tag::timeframe);
  CHECK(within.unit == Unit::working_days);
  CHECK(within.low == 2);
  CHECK(within.flags & esc::ast::further);
  CHECK(second.find(Tag::clock_start)->text == "the referral");
  CHECK(second.find(Tag::cumulative)->low == 10);

  const auto& outcome = stage.body[2];
  CHECK(outcome.keyword == Keyword::outcome);
  CHECK(outcome.find(Tag::word)->text == "unresolved");
  REQUIRE(outcome.body.size() == 1);
  CHECK(outcome.body[0].keyword == Keyword::go_to);
  CHECK(outcome.body[0].find(Tag::number)->low == 4);
}

TEST_CASE("durations: ranges, words and fixed durations", "[parser]") {
  struct Case {
    const char* text;
    std::int64_t low, high;
    Unit unit;
  };
  const Case cases[] = {
      {"within 1-3 working days", 1, 3, Unit::working_days},
      {"within one working week", 1, 1, Unit::working_weeks},
      {"within a working week", 1, 1, Unit::working_weeks},
      {"within twelve calendar days", 12, 12, Unit::calendar_days},
      {"same working day", 0, 0, Unit::same_working_day},
      {"immediately", 0, 0, Unit::immediately},
      {"as soon as possible", 0, 0, Unit::as_soon_as_possible},
      {"by day 8", 8, 8, Unit::working_days},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = parse_text(std::string("stage 1 \"S\" {\n  ") + c.text + "\n}\n");
    REQUIRE(parsed.sink.diagnostics().empty());
    const auto& value = *parsed.file.statements[0].body[0].find(Tag::timeframe);
    CHECK(value.low == c.low);
    CHECK(value.high == c.high);
    CHECK(value.unit == c.unit);
  }
}

TEST_CASE("time windows become day masks and minute ranges", "[parser]") {
  auto parsed = parse_text(
      "hours out_of_hours = weekdays 17:00-09:00, weekends, bank holidays, friday to monday, 21:00-07:00, "
      "office_hours except bank holidays\n");
  REQUIRE(parsed.sink.diagnostics().empty());
  std::vector<const esc::ast::Value*> windows;
  for (const auto& value : parsed.file.statements[0].values) {
    if (value.tag == Tag::window) windows.push_back(&value);
  }
  REQUIRE(windows.size() == 6);
  CHECK(windows[0]->low == esc::ast::weekdays);
  CHECK(windows[0]->high == esc::ast::pack_time_range(17 * 60, 9 * 60));
  CHECK(windows[1]->low == esc::ast::weekend);
  CHECK(windows[1]->high == -1);
  CHECK(windows[2]->flags & esc::ast::window_bank_holidays);
  CHECK(windows[3]->low == (0x10 | 0x20 | 0x40 | 0x01));  // Friday, Saturday, Sunday, Monday
  CHECK(windows[4]->low == esc::ast::all_week);
  CHECK(windows[5]->text == "office_hours");
  CHECK(windows[5]->flags & esc::ast::window_except_bank_holidays);
}

TEST_CASE("keywords are not case-sensitive", "[parser]") {
  auto parsed = parse_text("Stage 1 \"One\" {\n  Within 2 Working Days\n  When Unresolved: Go To Stage 2\n}\n");
  CHECK(parsed.sink.diagnostics().empty());
}

TEST_CASE("source quotes and notes belong to the statement above them", "[parser]") {
  auto parsed = parse_text(R"(stage 1 "One" {
  source "first in the block"
  step "A" within 2 working days
    source "about step A"
    note "also about step A"
}
source "about stage 1"
)");
  REQUIRE(parsed.sink.diagnostics().empty());
  REQUIRE(parsed.file.statements.size() == 1);
  const auto& stage = parsed.file.statements[0];
  REQUIRE(stage.body.size() == 3);
  CHECK(stage.body[0].keyword == Keyword::source);
  CHECK(stage.body[1].keyword == Keyword::step);
  REQUIRE(stage.body[1].body.size() == 2);
  CHECK(stage.body[1].body[0].find(Tag::text)->text == "about step A");
  CHECK(stage.body[2].keyword == Keyword::source);
  CHECK(stage.body[2].find(Tag::text)->text == "about stage 1");
}

TEST_CASE("quoted text keeps escapes until decoded", "[parser]") {
  auto parsed = parse_text("level line_manager\n" R"(note "say \"no\" \\ here")" "\n");
  REQUIRE(parsed.sink.diagnostics().empty());
  const auto& text = parsed.file.statements[0].body[0].find(Tag::text)->text;
  CHECK(text == R"(say \"no\" \\ here)");
  CHECK(esc::decode_text(text) == R"(say "no" \ here)");
}

TEST_CASE("one-line blocks", "[parser]") {
  auto parsed = parse_text("agency police \"Police\" {\n  line 1 { contact \"Ops\" available always }\n}\n");
  REQUIRE(parsed.sink.diagnostics().empty());
  const auto& line = parsed.file.statements[0].body[0];
  CHECK(line.keyword == Keyword::line);
  REQUIRE(line.body.size() == 1);
  CHECK(line.body[0].keyword == Keyword::contact);
}

TEST_CASE("every syntax error in a file is reported in one run", "[parser]") {
  auto parsed = parse_text(R"(protocol "P" {
  status alive
  review due 2024-13
}
stage 1 "One" {
  within 2 workng days
  step "x" within soon
}
stage 2 "Two" {
  when unresolved go to stage 3
}
)");
  CHECK(codes_and_places(parsed) ==
        std::vector<std::string>{"P002 2:10", "P008 3:14", "P002 6:12", "P002 7:19", "P002 10:19"});
  // Recovery keeps the statements around the errors.
  REQUIRE(parsed.file.statements.size() == 3);
  CHECK(parsed.file.statements[2].find(Tag::number)->low == 2);
}

TEST_CASE("a block whose first line is wrong still pairs its braces", "[parser]") {
  auto parsed = parse_text("stage x \"Bad\" {\n  parties \"a\"\n}\nstage 2 \"Good\" {\n}\n");
  CHECK(codes_and_places(parsed) == std::vector<std::string>{"P002 1:7"});
  REQUIRE(parsed.file.statements.size() == 1);
  CHECK(parsed.file.statements[0].find(Tag::number)->low == 2);
}

TEST_CASE("misplaced statements say where they belong", "[parser]") {
  auto parsed = parse_text("step \"x\" within 2 working days\nagency a \"A\" {\n  step \"y\"\n}\n");
  REQUIRE(parsed.sink.diagnostics().size() == 2);
  const auto& message = parsed.sink.diagnostics()[0].message;
  CHECK(message == "'step' cannot go in the file itself, outside any block; it belongs in the immediate risk block, a stage or a route");
  CHECK(parsed.sink.diagnostics()[1].notes.size() == 1);
}

TEST_CASE("a typo in a keyword gets a suggestion", "[parser]") {
  auto parsed = parse_text("stgae 1 \"One\" {\n}\n");
  REQUIRE(parsed.sink.diagnostics().size() >= 1);
  const auto& d = parsed.sink.diagnostics()[0];
  CHECK(esc::code_info(d.code).id == "P001");
  CHECK(d.suggestion == "did you mean 'stage'?");
}

TEST_CASE("every example in the language reference parses", "[parser][docs]") {
  auto text = esc::test::read_repository_file("docs/language.md");
  REQUIRE_FALSE(text.empty());
  std::regex fence("```\\n([\\s\\S]*?)```");
  int examples = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), fence), end; it != end; ++it) {
    auto example = std::regex_replace((*it)[1].str(), std::regex("\\{ \\.\\.\\. \\}"), "{\n}");
    auto parsed = parse_text(example, "example.esc");
    for (const auto& d : parsed.sink.diagnostics()) {
      // Examples are fragments: a statement shown outside its block is fine here.
      if (d.code == esc::Code::P004) continue;
      INFO("example:\n" << example << "\nproblem: " << d.message);
      CHECK(false);
    }
    ++examples;
  }
  CHECK(examples >= 10);
}

TEST_CASE("the README's example protocol is clean, and its error excerpt is what escc prints", "[parser][docs]") {
  auto readme = esc::test::read_repository_file("README.md");
  auto start = readme.find("# my-area.esc");
  REQUIRE(start != std::string::npos);
  auto example = readme.substr(start, readme.find("```", start) - start);
  CHECK(parse_text(example, "my-area.esc").sink.diagnostics().empty());
  {
    // The example is a model protocol: the whole checker finds nothing in it.
    auto path = std::filesystem::temp_directory_path() / "escc-readme-example.esc";
    std::ofstream(path) << example;
    esc::DiskFileReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    esc::CheckOptions options;
    options.today = esc::day_number({2026, 11, 23});
    esc::check_files({path.string()}, reader, sources, sink, options);
    std::string found;
    for (const auto& d : sink.diagnostics()) found += d.message + "\n";
    INFO(found);
    CHECK(sink.diagnostics().empty());
    std::filesystem::remove(path);
  }

  auto first = example.find("within 2 working days");
  auto broken = example.replace(first, 21, "within 2 workng days");
  auto parsed = parse_text(broken, "my-area.esc");
  REQUIRE(parsed.sink.diagnostics().size() == 1);
  auto shown = esc::render_human(parsed.sink.diagnostics()[0], parsed.sources, {});
  CHECK(readme.find("```\n" + shown + "```") != std::string::npos);
}

TEST_CASE("Windows line endings and tabs are ordinary", "[parser]") {
  auto parsed = parse_text("stage 1 \"One\" {\r\n\twithin 2 working days   # a comment\r\n\twhen unresolved: end\r\n}\r\n");
  CHECK(parsed.sink.diagnostics().empty());
  REQUIRE(parsed.file.statements.size() == 1);
  CHECK(parsed.file.statements[0].body.size() == 2);
  auto broken = parse_text("stage 1 \"One\" {\r\n\twithin 2 workng days\r\n}\r\n");
  CHECK(codes_and_places(broken) == std::vector<std::string>{"P002 2:11"});
}

TEST_CASE("a note or quote that nothing could keep is an error, never dropped", "[parser]") {
  auto at_top = parse_text("note \"about nothing\"\nlevel line_manager\n");
  REQUIRE(codes_and_places(at_top) == std::vector<std::string>{"P004 1:1"});
  CHECK(at_top.sink.diagnostics()[0].message ==
        "'note' describes nothing: it belongs under the statement or inside the block it is about");
  auto under_use = parse_text("use std.hours\n  source \"the hours we use\"\n");
  REQUIRE(codes_and_places(under_use) == std::vector<std::string>{"P004 2:3"});
  CHECK(under_use.sink.diagnostics()[0].message ==
        "'source' describes 'use', which nothing keeps a quote or note for; write a '#' comment instead");
}

TEST_CASE("a second note before a block's first statement is the block's, not the first note's", "[parser]") {
  auto parsed = parse_text("stage 1 \"One\" {\n  note \"a\"\n  note \"b\"\n  context \"c\"\n    quote \"d\"\n}\n");
  REQUIRE(parsed.sink.diagnostics().empty());
  const auto& stage = parsed.file.statements[0];
  REQUIRE(stage.body.size() == 3);
  CHECK(stage.body[0].body.empty());
  CHECK(stage.body[1].find(Tag::text)->text == "b");
  CHECK(stage.body[2].keyword == Keyword::context);
  CHECK(stage.body[2].body[0].find(Tag::text)->text == "d");
}
