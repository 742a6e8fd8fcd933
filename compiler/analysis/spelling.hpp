// Words of the document's own quoted text (`source`, `quote`, `context`) that are not in
// the British English dictionary: Hunspell's en_GB (Debian's hunspell-en-gb), with the
// project's word list (stdlib/words.txt) for the vocabulary of safeguarding it lacks.
// A name, an abbreviation, a term the protocol defines, an address or a number is no
// misspelling, and is never looked up. A note is the transcriber's, not the document's.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/model/model.hpp"

class Hunspell;

namespace esc::analysis {

// Loaded when first asked, so that a run with no quote never reads it; safe to ask from
// several threads. Without the dictionary installed it knows no words, and
// `available()` says so: nothing is then reported.
class Dictionary {
 public:
  explicit Dictionary(std::string folder = "/usr/share/hunspell");
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  bool available() const;
  bool knows(std::string_view word) const;
  // The dictionary's closest word, or "" when it has none to offer.
  std::string closest(std::string_view word) const;

 private:
  void load() const;

  std::string folder_;
  mutable std::once_flag loaded_;
  mutable std::mutex mutex_;  // Hunspell keeps working state between calls
  mutable std::unique_ptr<Hunspell> hunspell_;
  // Each word's answer, kept for as long as the dictionary: the language server checks a
  // protocol again on every edit, with the same few thousand words. Both stay as small
  // as the words the protocols use.
  mutable std::unordered_map<std::string, bool> known_;
  mutable std::unordered_map<std::string, std::string> closest_;
};

// A word is unfamiliar to the dictionary (a possible misspelling), or an abbreviation in
// capitals that the document uses and never spells out, which its reader cannot look up.
enum class Unfamiliarity : std::uint8_t { not_in_dictionary, abbreviation_not_spelt_out };

struct UnfamiliarWord {
  Span span;          // the word, or the whole quote when it was written with escapes
  std::string word;
  std::string closest;  // the dictionary's suggestion, or ""
  Unfamiliarity kind = Unfamiliarity::not_in_dictionary;
};

// In the order the protocol writes them; each word once per quote, and each abbreviation
// once, where it is first quoted. Abbreviations are looked for only when the protocol
// names its document, whose whole text says whether it spells them out: by the
// abbreviation in brackets ("(ACYP)") or by the words its letters are the initials of
// ("Local Safeguarding Children's Board" for LSCB).
std::vector<UnfamiliarWord> unfamiliar_words(const model::Model& model, const Dictionary& dictionary);

}  // namespace esc::analysis
