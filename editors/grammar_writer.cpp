// Writes the editors' TextMate grammar for `.esc` (editors/vscode/syntaxes/esc.tmLanguage.json)
// from the language's own vocabulary, so that the colours never disagree with escc:
// the words that start a statement come from the statement table (grammar/statements.hpp),
// and every other fixed word, the units of durations and the words of modality are read
// from the PEGTL rules themselves (grammar/esc.hpp). editors/vscode/tests/grammar_test.sh
// fails when the checked-in grammar is not what this writes.
// Usage: escc-editor-grammar > editors/vscode/syntaxes/esc.tmLanguage.json
#include <algorithm>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <tao/pegtl/type_list.hpp>

#include "grammar/esc.hpp"
#include "grammar/statements.hpp"

namespace {

namespace gr = esc::grammar;
namespace p = tao::pegtl;
using Json = nlohmann::ordered_json;
using Words = std::set<std::string>;

// Called for every rule reachable from a rule: keeps the keywords' words.
template <typename Rule>
struct keyword_collector {
  static void visit(Words&) {}
};
template <char... Letters>
struct keyword_collector<gr::kw<p::ascii::istring<Letters...>>> {
  static void visit(Words& words) { words.insert(std::string{Letters...}); }
};

// The rules reachable from a rule are walked at run time, each once, told apart by the
// address of a tag of its own. PEGTL's p::visit works the list out at compile time
// instead, comparing each rule's type with every other found so far: for the whole
// grammar that took the compiler about 1.8 GB and minutes (docs/design-decisions.md).
template <typename Rule>
constexpr char rule_tag = 0;
using Seen = std::set<const void*>;

template <typename Rule>
void collect_keywords(Words& words, Seen& seen);

template <typename... Rules>
void collect_each(p::type_list<Rules...> /*subs*/, Words& words, Seen& seen) {
  (collect_keywords<Rules>(words, seen), ...);
}

template <typename Rule>
void collect_keywords(Words& words, Seen& seen) {
  if (!seen.insert(&rule_tag<Rule>).second) return;
  keyword_collector<Rule>::visit(words);
  collect_each(typename Rule::subs_t(), words, seen);
}

template <typename Rule>
Words words_of() {
  Words words;
  Seen seen;
  collect_keywords<Rule>(words, seen);
  return words;
}

// A spelling of the table ("confirm in writing") as a pattern; words stand apart by any spaces.
std::string spelling_pattern(std::string_view spelling) {
  std::string pattern;
  gr::for_each_part(spelling, " ", [&](std::string_view word) {
    if (!pattern.empty()) pattern += "\\s+";
    pattern += word;
  });
  return pattern;
}

// Longest first: a regular expression takes the first alternative that matches, and
// "timeframes from" must not be read as "timeframes".
std::string alternatives(std::vector<std::string> patterns) {
  std::sort(patterns.begin(), patterns.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
  std::string joined;
  for (const auto& pattern : patterns) joined += (joined.empty() ? "" : "|") + pattern;
  return "(?:" + joined + ")";
}

std::string alternatives(const Words& words) { return alternatives(std::vector<std::string>(words.begin(), words.end())); }

template <typename Keep>
std::string statement_spellings(Keep keep) {
  std::vector<std::string> patterns;
  for (const auto& row : gr::rows) {
    if (!keep(row)) continue;
    gr::for_each_part(row.spellings, " | ", [&](std::string_view spelling) { patterns.push_back(spelling_pattern(spelling)); });
  }
  return alternatives(patterns);
}

// A word ends where a name could not go on (grammar/esc.hpp's id_char): `stage` is not the
// start of `stages`, nor of `out-of-hours`.
constexpr std::string_view word_end = "(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])";
constexpr std::string_view word_start = "(?<![\\p{L}\\p{N}_-])";

Json captures(std::initializer_list<std::string_view> names) {
  Json result = Json::object();
  int index = 1;
  for (auto name : names) result[std::to_string(index++)] = {{"name", std::string(name) + ".esc"}};
  return result;
}

Json grammar() {
  const std::string modality = alternatives(words_of<gr::modal_word>());
  const std::string every_statement = statement_spellings([](const gr::StatementRow&) { return true; });
  const std::string outcome_actions = statement_spellings([](const gr::StatementRow& row) { return row.outcome_action; });
  const std::string amounts = alternatives(words_of<gr::amount>());
  const std::string unit_word = alternatives(words_of<gr::duration_unit>());
  const std::string use_spelling = spelling_pattern(gr::row_of(gr::Keyword::use).spellings);

  Json repository = Json::object();
  repository["comment"] = {{"match", "(#).*$"},
                           {"name", "comment.line.number-sign.esc"},
                           {"captures", captures({"punctuation.definition.comment"})}};
  repository["text"] = {
      {"begin", "\""},
      {"end", "\"|$"},
      {"name", "string.quoted.double.esc"},
      {"beginCaptures", captures({"punctuation.definition.string.begin"})},
      {"endCaptures", captures({"punctuation.definition.string.end"})},
      {"patterns", Json::array({{{"match", "\\\\[\"\\\\]"}, {"name", "constant.character.escape.esc"}},
                                {{"match", "\\\\."}, {"name", "invalid.illegal.unknown-escape.esc"}}})}};
  // `use std.calendars.england_and_wales`: a module's name, whose parts may be keywords.
  repository["use"] = {{"match", "(?i)^\\s*(" + use_spelling + ")\\s+([\\p{L}\\p{N}_.-]+)" + std::string(word_end)},
                       {"captures", captures({"keyword.control.statement", "entity.name.module"})}};
  // A statement's first words, at the start of a line or of a block's first statement
  // after `{`, perhaps after the document's word for how binding it is.
  repository["statement"] = {
      {"match", "(?i)(?:^|(?<=\\{))\\s*(?:(" + modality + ")\\s+)?(" + every_statement + ")" + std::string(word_end)},
      {"captures", captures({"keyword.other.modality", "keyword.control.statement"})}};
  // What follows `when ...:`.
  repository["outcome_action"] = {
      {"match", "(?i)(?<=:)\\s*(?:(" + modality + ")\\s+)?(" + outcome_actions + ")" + std::string(word_end)},
      {"captures", captures({"keyword.other.modality", "keyword.control.statement"})}};
  // Not after a word, but after the '-' of a range of hours: "17:00-21:00".
  repository["time"] = {{"match", "(?<![\\p{L}\\p{N}_])\\d{1,2}:\\d{2}(?!\\d)"},
                        {"name", "constant.numeric.time.esc"}};
  repository["date"] = {{"match", std::string(word_start) + "\\d{4}(?:-\\d{2}(?:-\\d{2})?)?" + std::string(word_end)},
                        {"name", "constant.numeric.date.esc"}};
  repository["duration"] = {
      {"match", "(?i)" + std::string(word_start) + "(\\d+(?:\\s*-\\s*\\d+)?|" + amounts + ")\\s+((?:" + unit_word +
                    "\\s+)*" + unit_word + ")" + std::string(word_end)},
      {"name", "meta.duration.esc"},
      {"captures", captures({"constant.numeric.duration", "keyword.other.unit"})}};
  repository["number"] = {{"match", std::string(word_start) + "\\d+" + std::string(word_end)},
                          {"name", "constant.numeric.esc"}};
  repository["word"] = {{"match", "(?i)" + std::string(word_start) + alternatives(words_of<gr::item>()) +
                                      std::string(word_end)},
                        {"name", "keyword.other.esc"}};
  repository["name"] = {{"match", "[\\p{L}_][\\p{L}\\p{N}_]*(?:-[\\p{L}\\p{N}]+)*"}, {"name", "variable.other.name.esc"}};
  repository["punctuation"] = {
      {"patterns", Json::array({{{"match", "[{}]"}, {"name", "punctuation.section.block.esc"}},
                                {{"match", "[:=,()]"}, {"name", "punctuation.separator.esc"}}})}};

  Json patterns = Json::array();
  for (auto part : {"comment", "text", "use", "statement", "outcome_action", "time", "date", "duration", "number",
                    "word", "name", "punctuation"}) {
    patterns.push_back({{"include", std::string("#") + part}});
  }
  return {{"$schema", "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json"},
          {"name", "Escalation protocol"},
          {"scopeName", "source.esc"},
          {"fileTypes", Json::array({"esc"})},
          {"comment", "Written by escc-editor-grammar from grammar/statements.hpp and grammar/esc.hpp: do not edit."},
          {"patterns", patterns},
          {"repository", repository}};
}

}  // namespace

int main() {
  std::cout << grammar().dump(2) << '\n';
  return std::cout.good() ? 0 : 1;
}
