// A protocol's document as its quotes are compared with it. A plain-text extraction of a
// PDF or a word-processor file differs from what its reader saw in ways that say nothing
// about the words: where lines break, how much space there is, curly or straight quotes,
// which dash, bullets, words hyphenated across lines, the markup some extractions leave
// (**bold**, <b>, [links](...), [bookmark: ...]). Both the document and each quote are
// normalised the same way, then compared letter for letter, case included.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace esc::analysis {

// Byte offsets [begin, end) in the document as written.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const TextRange&) const = default;
};

struct NormalisedText {
  // Where a stretch of `text` comes from: from `at` to the next anchor, `text` is either
  // the original from `origin` on, byte for byte (`same`), or stands for the one
  // character of the original at `origin`. Most of a text is the original byte for
  // byte, so this is far shorter than an offset for each byte.
  struct Anchor {
    std::uint32_t at = 0;
    std::uint32_t origin = 0;
    bool same = false;
  };
  std::string text;
  std::vector<Anchor> anchors;

  // The offset in the original of the character the byte at `offset` stands for.
  std::uint32_t origin_of(std::size_t offset) const;
};

NormalisedText normalise(std::string_view text);
// The text alone, for a quote: where its characters came from is never asked.
std::string normalised_words(std::string_view text);

// The parts of a quote between its omission marks (`...` or `…`), as written, each
// trimmed; parts with nothing in them (a quote that starts with `...`) are left out.
std::vector<std::string_view> omission_parts(std::string_view quote);

// Where a quote fails, when it does: the part not found, and the part before it when
// that part is in the document but not after the one before.
struct QuoteMiss {
  std::string_view part;
  std::string_view previous;      // empty for the first part
  bool elsewhere = false;         // the part is in the document, only not after `previous`
};

class DocumentText {
 public:
  explicit DocumentText(std::string_view original);

  std::string_view original() const { return original_; }

  // The places the quote is found, in the document's order, none overlapping, up to
  // `most` of them: for each, the range of each of its parts, in order. Each part is
  // whole words of the document (a quote of "day" is not found in "Monday").
  std::vector<std::vector<TextRange>> find(std::string_view quote, std::size_t most = SIZE_MAX) const;
  // Why a quote that `find` does not find is not there.
  QuoteMiss miss(std::string_view quote) const;

  // The 1-based line an offset of the original is on.
  std::uint32_t line_of(std::uint32_t offset) const;
  // The words of the document (runs of letters and digits), in order, as ranges of the
  // original. Worked out when asked for: verifying quotes that are found needs none.
  std::vector<TextRange> words() const;

  // The text as compared, and where a stretch [begin, end) of it is in the original.
  std::string_view normalised() const { return normalised_.text; }
  TextRange original_range(std::size_t begin, std::size_t end) const;

 private:
  // Where `part` (normalised) is found at or after `from` in the normalised text, as whole
  // words: its normalised [begin, end).
  std::optional<std::pair<std::size_t, std::size_t>> find_part(std::string_view part, std::size_t from) const;

  std::string_view original_;
  NormalisedText normalised_;
};

// `text` on one line (every run of spaces and line ends one space), at most about
// `longest` bytes, cut between characters with "…".
std::string one_line(std::string_view text, std::size_t longest = std::string_view::npos);

// The [begin, end) offsets of each run of letters and digits in `text`.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text);

// The passage of a document that shares most words with a quote that is not in it.
struct ClosestPassage {
  TextRange range;
  std::uint32_t line = 1;
  std::string text;  // on one line, shortened when long
};

// Finds closest passages by voting: each word of the quote found in the document votes
// for the passage that would start where the quote would, given that word's place; the
// passage with most votes around it wins. Linear in the quote's words' occurrences.
class ClosestPassages {
 public:
  explicit ClosestPassages(const DocumentText& document);
  // Nothing when no word of the quote is in the document.
  std::optional<ClosestPassage> closest(std::string_view quote) const;

 private:
  const DocumentText& document_;
  std::vector<std::pair<std::size_t, std::size_t>> words_;  // in the normalised text
  // Words by a hash of their letters in lower case: two words that share a hash would
  // only vote for each other's places, which a closest passage can bear.
  std::unordered_map<std::uint64_t, std::uint32_t> ids_;
  // The indices of the words of each id, one id after another: those of id i are from
  // first_place_[i] to first_place_[i + 1].
  std::vector<std::uint32_t> places_;
  std::vector<std::uint32_t> first_place_;
};

// The document's paragraphs, as ranges of the original: text between blank lines, and
// also from each line that starts a numbered clause ("3.4 ", "1.0 ", "3. ") or a list
// item (a bullet, or "- ") or is a heading ("## "), since extractions of PDFs often
// have no blank line between them. Runs of text with no letter or digit in them (a
// table's rule, "--- ---") are no paragraphs.
std::vector<TextRange> paragraphs_of(std::string_view text);

}  // namespace esc::analysis
