// Hostile and broken input: each gets a clear diagnostic, never a crash or a hang,
// and the parser never recurses per statement or per block.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "compiler/driver/check.hpp"
#include "compiler/findings/render.hpp"
#include "compiler/syntax/parser.hpp"
#include "tests/support.hpp"

using esc::test::codes_and_places;
using esc::test::parse_text;

namespace {

std::vector<std::string> codes(const esc::test::Parsed& parsed) {
  std::vector<std::string> out;
  for (const auto& d : parsed.sink.diagnostics()) out.emplace_back(esc::code_info(d.code).id);
  return out;
}

std::vector<std::string> codes_and_places_of(const esc::DiagnosticSink& sink, const esc::SourceManager& sources) {
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics()) {
    auto at = sources.file(d.span->file).locate(d.span->begin);
    out.push_back(std::string(esc::code_info(d.code).id) + " " + std::to_string(at.line) + ":" +
                  std::to_string(at.column));
  }
  return out;
}

}  // namespace

TEST_CASE("an empty file, a blank file and a comment-only file", "[bad-input]") {
  CHECK(codes(parse_text("")) == std::vector<std::string>{"I004"});
  CHECK(codes(parse_text("  \n\t\n\r\n")) == std::vector<std::string>{"I004"});
  CHECK(codes(parse_text("# nothing but a comment\n")) == std::vector<std::string>{"I004"});
  CHECK(codes(parse_text("\xEF\xBB\xBF")) == std::vector<std::string>{"I004"});
}

TEST_CASE("a byte-order mark is accepted", "[bad-input]") {
  CHECK(parse_text("\xEF\xBB\xBFlevel line_manager\nnote \"x\"\n").sink.diagnostics().empty());
}

TEST_CASE("NUL bytes and invalid UTF-8 are reported where they are", "[bad-input]") {
  CHECK(codes_and_places(parse_text(std::string("note \"a\0b\"\n", 11))) == std::vector<std::string>{"I003 1:8"});
  CHECK(codes_and_places(parse_text("note \"caf\xE9\"\n")) == std::vector<std::string>{"I002 1:10"});
  // Overlong encoding of '/', a UTF-16 surrogate, and a code point past U+10FFFF.
  CHECK(codes(parse_text("note \"\xC0\xAF\"\n")) == std::vector<std::string>{"I002", "I002"});
  CHECK(codes(parse_text("note \"\xED\xA0\x80\"\n"))[0] == "I002");
  CHECK(codes(parse_text("note \"\xF4\x90\x80\x80\"\n"))[0] == "I002");
  // Valid Welsh text is fine.
  CHECK(parse_text("agency heddlu \"Heddlu Dyfed-Powys \xC5\xB5\" {\n}\n").sink.diagnostics().empty());
}

TEST_CASE("binary garbage gives a few encoding errors, not thousands", "[bad-input]") {
  std::mt19937 random(20261123);
  std::string garbage(64 * 1024, '\0');
  for (auto& c : garbage) c = static_cast<char>(random() & 0xFF);
  auto parsed = parse_text(garbage);
  CHECK(parsed.sink.errors() >= 1);
  CHECK(parsed.sink.errors() <= 5);
}

TEST_CASE("text left open at the end of the file", "[bad-input]") {
  CHECK(codes_and_places(parse_text("note \"never closed")) == std::vector<std::string>{"P003 1:19"});
  CHECK(codes_and_places(parse_text("stage 1 \"One\" {\n  note \"open")) ==
        std::vector<std::string>{"P005 1:1", "P003 2:13"});
}

TEST_CASE("a one-megabyte line", "[bad-input]") {
  std::string text = "level line_manager\nnote \"" + std::string(1 << 20, 'a') + "\"\n";
  CHECK(parse_text(text).sink.diagnostics().empty());

  auto garbage = parse_text(std::string(1 << 20, 'x') + "\n");
  REQUIRE(codes(garbage) == std::vector<std::string>{"P001"});
  // The message and the shown line stay readable.
  auto rendered = esc::render_human(garbage.sink.diagnostics()[0], garbage.sources, {});
  CHECK(rendered.size() < 1000);
}

TEST_CASE("100,000 stages in one file", "[bad-input][scale]") {
  std::string text;
  for (int i = 1; i <= 100000; ++i) {
    text += "stage " + std::to_string(i) + " \"Stage\" {\n  within 2 working days\n}\n";
  }
  auto parsed = parse_text(text);
  CHECK(parsed.sink.diagnostics().empty());
  REQUIRE(parsed.file.statements.size() == 100000);
  CHECK(parsed.file.statements.back().find(esc::ast::Tag::number)->low == 100000);
}

TEST_CASE("deeply nested blocks do not exhaust the stack", "[bad-input][scale]") {
  constexpr int depth = 200000;
  std::string text;
  for (int i = 0; i < depth; ++i) text += "agency a \"A\" {\n";
  for (int i = 0; i < depth; ++i) text += "}\n";
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto id = sources.add("deep.esc", text);
  esc::ParseOptions everything;
  everything.most_errors = depth * 2;
  auto file = esc::parse(sources.file(id), id, sink, everything);
  // The second agency is misplaced; what is inside it is not judged again, and every
  // brace still finds its pair.
  CHECK(codes_and_places_of(sink, sources) == std::vector<std::string>{"P004 2:1"});
  CHECK(file.statements.size() == 1);
}

TEST_CASE("after 100 errors the file is abandoned with a note", "[bad-input]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "nonsense\n";
  auto parsed = parse_text(text);
  auto found = codes(parsed);
  CHECK(found.size() == 101);
  CHECK(found.back() == "P009");
}

TEST_CASE("missing files and folders are I/O problems", "[bad-input]") {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto folder = std::string(ESCC_SOURCE_DIR) + "/protocols";
  auto run = esc::check_files({"/nonexistent/protocol.esc", folder}, reader, sources, sink);
  CHECK(run.io_problem);
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].message == "cannot read /nonexistent/protocol.esc: no such file");
  CHECK(sink.diagnostics()[1].message == "cannot read " + folder + ": it is a folder, not a file");
}
