// G013: an abbreviation whose letters do not come from the name it stands for ("SPG"
// for "Safeguarding Partners Board"): one of the two is wrong, and a reader who meets
// the abbreviation elsewhere may look for a body that does not exist.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <vector>

#include "compiler/checks/abbreviations.hpp"
#include "compiler/checks/checks.hpp"

namespace esc::checks {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words(1);
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      words.back().push_back(lower(c));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Whether `letters` from `next` on can be read off the words, in order: each letter is
// the first of a later word, or a later letter of the word the last one came from
// ("CAMHS", "Ofsted"). Generous on purpose: only an abbreviation no reading of the name
// gives is reported.
bool spelt_from(const std::string& letters, std::size_t next, const std::vector<std::string>& words, std::size_t word,
                std::size_t at) {
  if (next == letters.size()) return true;
  char wanted = letters[next];
  if (word < words.size()) {
    for (auto i = at + 1; i < words[word].size(); ++i) {
      if (words[word][i] == wanted && spelt_from(letters, next + 1, words, word, i)) return true;
    }
  }
  for (auto later = word == words.size() ? 0 : word + 1; later < words.size(); ++later) {
    if (words[later].front() == wanted && spelt_from(letters, next + 1, words, later, 0)) return true;
  }
  return false;
}

bool from_name(std::string_view abbreviation, std::string_view name) {
  std::string letters;
  for (char c : abbreviation) {
    if (c >= 'A' && c <= 'Z') letters.push_back(lower(c));
  }
  auto words = words_of(name);
  // Starting "before" the first word: every letter must come from a word's start or follow one.
  return spelt_from(letters, 0, words, words.size(), 0);
}

}  // namespace

void abbreviation_letters(const Context& context, DiagnosticSink& sink) {
  for (const auto& abbreviation : abbreviations_of(context.model)) {
    if (from_name(abbreviation.letters, abbreviation.name)) continue;
    auto& d = sink.report(Code::G013, abbreviation.span,
                          fmt::format("'{}' stands for '{}' here, but its letters do not come from that name",
                                      abbreviation.letters, abbreviation.name));
    d.notes.push_back({abbreviation.name_span, "the name it stands for"});
    d.suggestion = "check the document: the abbreviation or the name may be an earlier body's";
  }
}

}  // namespace esc::checks
