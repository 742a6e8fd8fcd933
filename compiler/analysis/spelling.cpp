#include "compiler/analysis/spelling.hpp"

#include <hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "compiler/source/embedded.hpp"

namespace esc::analysis {

Dictionary::Dictionary(std::string folder) : folder_(std::move(folder)) {}
Dictionary::~Dictionary() = default;

void Dictionary::load() const {
  std::call_once(loaded_, [this] {
    auto aff = folder_ + "/en_GB.aff";
    auto dic = folder_ + "/en_GB.dic";
    std::error_code error;
    if (!std::filesystem::is_regular_file(aff, error) || !std::filesystem::is_regular_file(dic, error)) return;
    hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    for (const auto& file : word_lists()) {
      std::string_view text = file.text;
      while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') hunspell_->add(std::string(line));
      }
    }
  });
}

bool Dictionary::available() const {
  load();
  return hunspell_ != nullptr;
}

bool Dictionary::knows(std::string_view word) const {
  load();
  if (!hunspell_) return true;
  std::lock_guard lock(mutex_);
  auto [at, fresh] = known_.try_emplace(std::string(word), false);
  if (fresh) at->second = hunspell_->spell(at->first);
  return at->second;
}

std::string Dictionary::closest(std::string_view word) const {
  load();
  if (!hunspell_) return {};
  std::lock_guard lock(mutex_);
  auto [at, fresh] = closest_.try_emplace(std::string(word));
  if (fresh) {
    auto offered = hunspell_->suggest(at->first);
    if (!offered.empty()) at->second = offered.front();
  }
  return at->second;
}

namespace {

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The UTF-8 sequences inside words that are punctuation, not letters.
constexpr std::string_view right_quote = "\u2019";
constexpr std::string_view punctuation[] = {"\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026",
                                            "\u2022", "\u00a0", "\u00a3"};

// The length of the letter at `at` (a byte, or a whole UTF-8 letter), or 0.
std::size_t letter_at(std::string_view text, std::size_t at) {
  auto c = static_cast<unsigned char>(text[at]);
  if (is_ascii_letter(c)) return 1;
  if (c < 0xC0) return 0;
  for (auto mark : punctuation) {
    if (text.substr(at, mark.size()) == mark) return 0;
  }
  std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  return std::min(length, text.size() - at);
}

// An apostrophe (straight or curly) or a hyphen joining two letters, as in "child's".
std::size_t joiner_at(std::string_view text, std::size_t at) {
  if (text[at] == '\'' || text[at] == '-') return 1;
  if (text.substr(at, right_quote.size()) == right_quote) return right_quote.size();
  return 0;
}

// A piece of text between spaces that is an address, a file's name or an abbreviation
// with stops (i.e., e.g.): its words are not words of the language.
bool is_address(std::string_view token) {
  if (token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos ||
      token.find('/') != std::string_view::npos || token.substr(0, 4) == "www.") {
    return true;
  }
  for (std::size_t i = 1; i + 1 < token.size(); ++i) {
    if (token[i] == '.' && letter_at(token, i - 1) + is_digit(static_cast<unsigned char>(token[i - 1])) > 0 &&
        letter_at(token, i + 1) > 0) {
      return true;
    }
  }
  return false;
}

bool has_capital(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string straight_apostrophes(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    if (word.substr(i, right_quote.size()) == right_quote) {
      out += '\'';
      i += right_quote.size();
    } else {
      out += word[i++];
    }
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Calls `each(word, offset)` for every word of `text` outside addresses: letters joined
// by apostrophes and hyphens, with no digit touching them.
template <typename Each>
void for_each_word(std::string_view text, Each&& each) {
  std::size_t at = 0;
  while (at < text.size()) {
    // A token runs to the next space or omission.
    auto end = text.find_first_of(" \t\n", at);
    if (end == std::string_view::npos) end = text.size();
    auto token = text.substr(at, end - at);
    for (auto omission : {std::string_view("..."), std::string_view("\u2026")}) {
      auto cut = token.find(omission);
      if (cut != std::string_view::npos) token = token.substr(0, cut), end = at + cut + omission.size();
    }
    if (!is_address(token)) {
      std::size_t i = 0;
      while (i < token.size()) {
        auto length = letter_at(token, i);
        if (length == 0) {
          ++i;
          continue;
        }
        auto start = i;
        i += length;
        while (i < token.size()) {
          if (auto more = letter_at(token, i)) {
            i += more;
            continue;
          }
          auto joiner = joiner_at(token, i);
          if (joiner && i + joiner < token.size() && letter_at(token, i + joiner)) {
            i += joiner;
            continue;
          }
          break;
        }
        bool touches_digit = (start > 0 && is_digit(static_cast<unsigned char>(token[start - 1]))) ||
                             (i < token.size() && is_digit(static_cast<unsigned char>(token[i])));
        if (!touches_digit) each(token.substr(start, i - start), at + start);
      }
    }
    at = std::max(end, at + 1);
  }
}

// Whether `word` ends a paragraph of `document` with no stop after it, as an extraction
// cut off in mid-word leaves it ("the source of the conc", then a blank line or the end):
// such a word may be the start of one, and is not the board's spelling.
bool ends_a_paragraph_unstopped(std::string_view document, std::string_view word) {
  for (auto at = document.find(word); at != std::string_view::npos; at = document.find(word, at + 1)) {
    if (at > 0 && letter_at(document, at - 1) != 0) continue;
    auto after = document.find_first_not_of(" \t\r", at + word.size());
    if (after == std::string_view::npos) return true;
    if (document[after] != '\n') continue;
    auto next = document.find_first_not_of(" \t\r", after + 1);
    if (next == std::string_view::npos || document[next] == '\n') return true;
  }
  return false;
}

// "LSAB", "CERPs": two capitals or more and nothing else but a plural 's'.
bool is_abbreviation(std::string_view word) {
  auto letters = word;
  if (letters.size() > 2 && letters.back() == 's') letters.remove_suffix(1);
  return letters.size() >= 2 &&
         std::all_of(letters.begin(), letters.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Words that may stand between the words an abbreviation is made of ("London Borough of
// Barnet" for LBB) without giving it a letter.
bool is_joining_word(std::string_view word) {
  for (std::string_view joining : {"of", "and", "the", "for", "in", "on", "to", "&"}) {
    if (lower(word) == joining) return true;
  }
  return false;
}

// The words of a text for matching initials: letters only, split at hyphens too
// ("Multi-Agency" gives M and A).
std::vector<std::string_view> initial_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && letter_at(text, at) == 0 && text[at] != '&') ++at;
    if (at >= text.size()) break;
    auto start = at;
    if (text[at] == '&') {
      words.push_back(text.substr(at, 1));
      ++at;
      continue;
    }
    while (at < text.size()) {
      auto length = letter_at(text, at);
      if (length == 0) {
        auto joiner = joiner_at(text, at);
        // An apostrophe keeps "Children's" one word; a hyphen splits it.
        if (joiner && text[at] != '-' && at + joiner < text.size() && letter_at(text, at + joiner)) {
          at += joiner;
          continue;
        }
        break;
      }
      at += length;
    }
    words.push_back(text.substr(start, at - start));
  }
  return words;
}

// Whether `letters` are the initials of consecutive words of `words`, from `from` on.
bool initials_from(const std::vector<std::string_view>& words, std::size_t from, std::string_view letters) {
  if (letters.empty()) return true;
  if (from >= words.size()) return false;
  const auto word = words[from];
  // Another abbreviation gives no initial: "CSCP Escalation and Resolution Policy" does
  // not spell out "CERP".
  if (is_abbreviation(word)) return false;
  if (upper(word.front()) == letters.front() && initials_from(words, from + 1, letters.substr(1))) return true;
  // A joining word may give no letter, but never starts or ends the name.
  return from > 0 && is_joining_word(word) && initials_from(words, from + 1, letters);
}

bool spelt_out(std::string_view document, const std::vector<std::string_view>& words, std::string_view letters) {
  for (auto form : {"(" + std::string(letters) + ")", "(" + std::string(letters) + "s)"}) {
    if (document.find(form) != std::string_view::npos) return true;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (upper(words[i].front()) == letters.front() && initials_from(words, i, letters)) return true;
  }
  return false;
}

// "SEFTON" in a heading set in capitals is the word "Sefton", which the document writes
// in its ordinary form elsewhere.
bool written_as_a_word(const std::vector<std::string_view>& words, std::string_view letters) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    return word.size() == letters.size() && word != letters && lower(word) == lower(letters);
  });
}

}  // namespace

std::vector<UnfamiliarWord> unfamiliar_words(const model::Model& model, const Dictionary& dictionary) {
  std::vector<UnfamiliarWord> found;
  std::vector<const model::Passage*> quotes;
  model::for_each_described(model, [&](const model::Described& described) {
    for (const auto& passage : described.passages()) {
      if (passage.kind != model::PassageKind::note && passage.text.span.file == model.file) quotes.push_back(&passage);
    }
  });
  if (quotes.empty() || !dictionary.available()) return found;
  std::sort(quotes.begin(), quotes.end(),
            [](const model::Passage* a, const model::Passage* b) { return a->text.span.begin < b->text.span.begin; });
  // A term the protocol defines is the document's own word, whatever the dictionary says.
  std::unordered_set<std::string> defined;
  if (model.protocol) {
    for (const auto& term : model.protocol->terms) {
      for_each_word(term.term.value, [&](std::string_view word, std::size_t) { defined.insert(lower(straight_apostrophes(word))); });
    }
  }
  // Each distinct word is looked up once: a protocol repeats its words many times over.
  std::unordered_map<std::string, bool> looked_up;
  auto knows = [&](const std::string& word) {
    auto [at, fresh] = looked_up.try_emplace(word, false);
    if (fresh) at->second = dictionary.knows(word);
    return at->second;
  };
  auto known = [&](const std::string& word) {
    if (defined.count(word) || knows(word)) return true;
    // A possessive of a word the dictionary has ("professional's", "agencies'").
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0 && knows(word.substr(0, word.size() - 2))) {
      return true;
    }
    // Each part of a hyphenated word ("re-referral").
    if (word.find('-') != std::string::npos) {
      bool every = true;
      std::size_t from = 0;
      while (every && from <= word.size()) {
        auto to = word.find('-', from);
        if (to == std::string::npos) to = word.size();
        auto part = word.substr(from, to - from);
        every = part.empty() || defined.count(part) || knows(part);
        from = to + 1;
      }
      if (every) return true;
    }
    // A name written without its capital ("london" in a file's name) is still a name.
    std::string capital = word;
    capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    return knows(capital);
  };
  // Abbreviations the document uses and never spells out; the protocol's own terms
  // record the document's definitions.
  std::set<std::string> abbreviations_seen;
  std::vector<std::string_view> document_words;
  if (model.protocol && model.protocol->document) document_words = initial_words(model.protocol->document->text);
  auto unexplained = [&](std::string_view word) {
    if (!model.protocol || !model.protocol->document || !is_abbreviation(word)) return false;
    auto letters = word.size() > 2 && word.back() == 's' ? word.substr(0, word.size() - 1) : word;
    if (!abbreviations_seen.insert(std::string(letters)).second) return false;
    // Capitals the dictionary knows ("NHS", "UK", "POLICY") need no spelling out.
    if (knows(std::string(word)) || knows(std::string(letters))) return false;
    if (defined.count(lower(letters)) || defined.count(lower(word))) return false;
    const auto document = model.protocol->document->text;
    return !written_as_a_word(document_words, letters) && !spelt_out(document, document_words, letters);
  };
  for (const auto* passage : quotes) {
    const auto& text = passage->text;
    // Offsets into the written quote hold when it has no escapes (the text between its
    // quotation marks is as long as its value).
    bool exact = text.span.end - text.span.begin == text.value.size() + 2;
    std::set<std::string> reported;
    for_each_word(text.value, [&](std::string_view word, std::size_t offset) {
      auto span_of_word = [&] {
        Span span = text.span;
        if (exact) {
          span.begin = text.span.begin + 1 + static_cast<std::uint32_t>(offset);
          span.end = span.begin + static_cast<std::uint32_t>(word.size());
        }
        return span;
      };
      auto quote_end = text.value.find_last_not_of(" \t");
      bool ends_quote = quote_end != std::string::npos && offset + word.size() == quote_end + 1;
      // A word cut off where a stored page ends may be the start of a longer one.
      bool cut_off = ends_quote && model.protocol && model.protocol->document &&
                     ends_a_paragraph_unstopped(model.protocol->document->text, word);
      if (!cut_off && unexplained(word)) {
        found.push_back({span_of_word(), std::string(word), std::string(), Unfamiliarity::abbreviation_not_spelt_out});
        return;
      }
      // Capitals mark names, abbreviations and the first word of a sentence: none is
      // looked up, so that no name is ever called a misspelling. Nor is a word that
      // starts with a letter of another alphabet, which the dictionary cannot judge.
      if (has_capital(word) || static_cast<unsigned char>(word[0]) >= 0x80) return;
      if (cut_off) return;
      auto plain = straight_apostrophes(word);
      // An abbreviation with its stop ("etc.") is a word of the dictionary's own.
      auto after = offset + word.size();
      bool abbreviation = after < text.value.size() && text.value[after] == '.' && knows(plain + ".");
      if (abbreviation || known(plain) || !reported.insert(plain).second) return;
      found.push_back({span_of_word(), std::string(word), dictionary.closest(plain)});
    });
  }
  return found;
}

}  // namespace esc::analysis
