// `escc fmt`: each layout rule, idempotence, and meaning kept. Formatting is defined only
// for text that reads without errors; text with errors is left alone. Every such .esc
// file in the repository must already be formatted; each is also scrambled
// (indentation, spacing, blank lines, trailing spaces) and must format back to exactly
// itself, with the same resolved model and the same findings as before.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "compiler/backends/json.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/syntax/format.hpp"
#include "tests/support.hpp"

namespace {

namespace fs = std::filesystem;

struct Case {
  const char* rule;
  const char* input;
  const char* output;
};

// Formatting is defined only for text without errors, so each input is a protocol
// that reads cleanly (the first test checks that it does).
const Case cases[] = {
    {"indentation is two spaces a block", "stage 1 \"A\" {\n\t within 2 working days\n}\n",
     "stage 1 \"A\" {\n  within 2 working days\n}\n"},
    {"one space between words", "stage   1  \"A\"   {\n  within  2   working days\n}\n",
     "stage 1 \"A\" {\n  within 2 working days\n}\n"},
    {"text in quotes is never touched",
     "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"Duty   Manager\"  phone \"020  8359\"\n  }\n}\n",
     "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"Duty   Manager\" phone \"020  8359\"\n  }\n}\n"},
    {"no space before a comma, one after", "protocol \"P\" {\n  excludes \"A\" ,\"B\"\n}\n",
     "protocol \"P\" {\n  excludes \"A\", \"B\"\n}\n"},
    {"no space before a phrase-ending colon; times untouched",
     "stage 1 \"A\" {\n  when resolved : go to stage 2\n}\nagency police \"P\" {\n  line 1 \"L\" {\n    contact \"D\" "
     "available 09:00-17:00\n  }\n}\n",
     "stage 1 \"A\" {\n  when resolved: go to stage 2\n}\nagency police \"P\" {\n  line 1 \"L\" {\n    contact \"D\" "
     "available 09:00-17:00\n  }\n}\n"},
    {"a source describing the statement above is indented one step further",
     "stage 1 \"A\" {\n  within 2 working days\n  source \"two days\"\n}\n",
     "stage 1 \"A\" {\n  within 2 working days\n    source \"two days\"\n}\n"},
    {"'quote', the other spelling of 'source', is indented as a source is",
     "stage 1 \"A\" {\n  within 2 working days\n  quote \"two days\"\n}\n",
     "stage 1 \"A\" {\n  within 2 working days\n    quote \"two days\"\n}\n"},
    {"a note first in a block describes the block and stays level with the block's lines",
     "stage 1 \"A\" {\nnote \"about the stage\"\n    within 2 working days\n}\n",
     "stage 1 \"A\" {\n  note \"about the stage\"\n  within 2 working days\n}\n"},
    {"a block written on one line is opened out",
     "agency police \"P\" {\nline 1 { contact \"Duty\" phone \"020 8359 5638\" }\n}\n",
     "agency police \"P\" {\n  line 1 {\n    contact \"Duty\" phone \"020 8359 5638\"\n  }\n}\n"},
    {"braces inside text are text", "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"A { B }\"\n  }\n}\n",
     "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"A { B }\"\n  }\n}\n"},
    {"comments keep their words; two spaces before a comment that ends a line",
     "# A comment   with  spaces\nprotocol \"P\" {\n  review due 2027-01     # the board's date\n}\n",
     "# A comment   with  spaces\nprotocol \"P\" {\n  review due 2027-01  # the board's date\n}\n"},
    {"comments are indented with their block", "stage 1 \"A\" {\n# why\nwithin 2 working days\n}\n",
     "stage 1 \"A\" {\n  # why\n  within 2 working days\n}\n"},
    {"blank lines: none at the start or end of a block or the file, never two in a row",
     "\n\nstage 1 \"A\" {\n\n  within 2 working days\n\n\n  final\n\n}\n\n\nstage 2 \"B\" {\n}\n\n",
     "stage 1 \"A\" {\n  within 2 working days\n\n  final\n}\n\nstage 2 \"B\" {\n}\n"},
    {"trailing spaces go, Windows line ends become newlines, and the file ends with one newline",
     "stage 1 \"A\" {   \r\n  within 2 working days\t\r\n}", "stage 1 \"A\" {\n  within 2 working days\n}\n"},
    {"escaped quotes stay inside their text",
     "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"Say \\\"hi\\\"  there\"   phone \"1\"\n  }\n}\n",
     "agency police \"P\" {\n  line 1 \"L\" {\n    contact \"Say \\\"hi\\\"  there\" phone \"1\"\n  }\n}\n"},
};

// Scrambles layout the way people do: odd indentation with tabs, doubled spaces
// between words, trailing spaces, blank lines tripled. Text in quotes and comments are
// left alone, so the meaning cannot change.
std::string scramble(const std::string& text) {
  std::string out;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    auto first = line.find_first_not_of(' ');
    std::string body = first == std::string::npos ? "" : line.substr(first);
    std::string scrambled;
    bool in_text = false;
    bool in_comment = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (!in_text && !in_comment && c == '#') in_comment = true;
      if (!in_comment && c == '"' && (i == 0 || body[i - 1] != '\\')) in_text = !in_text;
      scrambled += c;
      if (!in_text && !in_comment && c == ' ') scrambled += line_number % 2 ? " " : "\t";
    }
    out += std::string(static_cast<std::size_t>(line_number % 5), line_number % 3 ? ' ' : '\t') + scrambled;
    if (line_number % 4 == 0) out += "  ";
    out += "\n";
    if (body.empty()) out += " \n\t\n";  // a blank line made three, with spaces on them
  }
  return out;
}

std::vector<std::string> repository_protocol_files() {
  std::vector<std::string> files;
  for (const auto* folder : {"protocols", "stdlib", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ESCC_SOURCE_DIR) / folder)) {
      auto relative = fs::relative(entry.path(), ESCC_SOURCE_DIR).string();
      // Hostile inputs are kept exactly as an attacker or a careless paste wrote them.
      if (relative.rfind("tests/hostile/", 0) == 0) continue;
      if (entry.is_regular_file() && entry.path().extension() == ".esc") {
        files.push_back(relative);
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Meaning {
  std::string model;                  // the resolved model as JSON, when it resolves
  std::multiset<std::string> findings;  // code and message, without places
};

Meaning meaning_of(const std::string& path, const std::string& text) {
  esc::test::OneFileReader reader(path, text);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = 20'000;
  auto run = esc::check_files({path}, reader, sources, sink, options);
  Meaning meaning;
  if (!run.files.empty() && run.files[0].resolved) meaning.model = esc::backends::emit_json(run.files[0].model, run.files[0].analyses, "x");
  for (const auto& d : sink.diagnostics()) meaning.findings.insert(std::string(esc::code_info(d.code).id) + " " + d.message);
  return meaning;
}

// What `escc fmt` makes of a file: its layout, or nothing when it has errors.
std::optional<esc::Formatted> format(const std::string& text) {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto id = sources.add("test.esc", text);
  return esc::format_protocol(sources.file(id), id, sink);
}

}  // namespace

TEST_CASE("each layout rule of the formatter", "[format]") {
  for (const auto& c : cases) {
    INFO(c.rule);
    auto formatted = format(c.input);
    REQUIRE(formatted.has_value());
    CHECK(formatted->text == c.output);
    CHECK(esc::format_source(formatted->text).text == formatted->text);
  }
}

TEST_CASE("text with errors is not formatted: its errors are given instead", "[format]") {
  // Thousands of '{' that never close once made a 41 KB file 400 MB: each line was
  // indented one step further than the last.
  std::string unclosed;
  for (int i = 0; i < 20'000; ++i) unclosed += "{\n";
  for (const auto& text : {unclosed, std::string("stage 1 \"A\" {\n  within 2 workng days\n}\n"),
                           std::string("stage 1 \"A\" {\n  within 2 working days\n"), std::string("}\n}\n")}) {
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto id = sources.add("broken.esc", text);
    CHECK_FALSE(esc::format_protocol(sources.file(id), id, sink).has_value());
    CHECK(sink.errors() > 0);
  }
}

TEST_CASE("every .esc file in the repository that reads without errors is formatted", "[format]") {
  auto files = repository_protocol_files();
  REQUIRE(files.size() > 60);
  std::size_t formattable = 0;
  for (const auto& file : files) {
    INFO(file << " is not formatted: run 'build/escc fmt " << file << "'");
    auto text = esc::test::read_repository_file(file);
    auto formatted = format(text);
    if (!formatted) continue;
    ++formattable;
    CHECK(formatted->text == text);
  }
  CHECK(formattable > 40);
}

TEST_CASE("a scrambled file formats back to itself, meaning the same", "[format]") {
  for (const auto& file : repository_protocol_files()) {
    INFO(file);
    auto text = esc::test::read_repository_file(file);
    auto scrambled = scramble(text);
    REQUIRE(scrambled != text);
    auto formatted = format(scrambled);
    // Scrambling changes only layout: a file with errors has them still, and is left alone.
    CHECK(formatted.has_value() == format(text).has_value());
    if (!formatted) continue;
    CHECK(formatted->text == text);
    CHECK(esc::format_source(formatted->text).text == formatted->text);
    auto path = std::string(ESCC_SOURCE_DIR) + "/" + file;
    auto before = meaning_of(path, scrambled);
    auto after = meaning_of(path, formatted->text);
    CHECK(before.model == after.model);
    CHECK(before.findings == after.findings);
  }
}

TEST_CASE("the formatter's diff shows each changed line once", "[format]") {
  std::string messy = "stage 1 \"A\" {\nwithin 2 working days\n\n\n}\n";
  auto formatted = esc::format_source(messy);
  REQUIRE(format(messy).has_value());
  CHECK(esc::format_diff("a.esc", messy, formatted) ==
        "--- a/a.esc\n+++ b/a.esc\n@@ -1,5 +1,3 @@\n stage 1 \"A\" {\n-within 2 working days\n+  within 2 working "
        "days\n-\n-\n }\n");
  CHECK(esc::format_diff("a.esc", formatted.text, esc::format_source(formatted.text)).empty());
}
