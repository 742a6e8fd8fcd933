#include "compiler/analysis/document_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace esc::analysis {
namespace {

struct Decoded {
  char32_t c = 0;
  std::size_t length = 1;
};

// The document and the protocol are both checked to be UTF-8 before anything reads
// them; a stray byte still reads as one character rather than derailing the rest.
Decoded decode(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || i + length > text.size()) return {0xFFFD, 1};
  if (length == 1) return {lead, 1};
  char32_t c = lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  return {c, length};
}

// Letters and digits of any script: every byte of a character beyond ASCII counts, so
// that "café" is one word.
constexpr std::array<bool, 256> word_bytes = [] {
  std::array<bool, 256> word{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    word[byte] = byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                 (byte >= 'A' && byte <= 'Z');
  }
  return word;
}();
bool is_word_byte(char c) { return word_bytes[static_cast<unsigned char>(c)]; }

// How common a byte is in English text, roughly (a space the most, then 'e', 't', ...;
// capitals, digits and most punctuation seldom): a part is found by its least common
// byte, which the text holds in few places.
constexpr std::array<std::uint8_t, 256> commonness = [] {
  std::array<std::uint8_t, 256> common{};
  for (auto& c : common) c = 10;
  constexpr std::string_view lower_by_frequency = "etaoinshrdlcumwfgypbvkjxqz";
  for (std::size_t i = 0; i < lower_by_frequency.size(); ++i) {
    common[static_cast<unsigned char>(lower_by_frequency[i])] = static_cast<std::uint8_t>(250 - 9 * i);
  }
  common[' '] = 255;
  common[','] = common['.'] = 40;
  return common;
}();

bool is_letter_byte(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Characters that show nothing, or mark a footnote: they are no part of the words.
bool is_invisible(char32_t c) {
  return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0xB9 || c == 0xB2 ||
         c == 0xB3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

// Bullets, including the private-use ones a Symbol font leaves in an extraction.
bool is_bullet(char32_t c) {
  switch (c) {
    case 0x2022: case 0x00B7: case 0x25E6: case 0x25AA: case 0x2023: case 0x2043: case 0x25CF: case 0x25CB:
    case 0x25A0: case 0x25A1: case 0x27A2: case 0x27A4: case 0xF0B7: case 0xF0A7: case 0xF076: case 0xF0D8:
      return true;
    default: return false;
  }
}

// What a character is compared as, when not itself: "" when it is dropped.
std::optional<std::string_view> replacement(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    default: return std::nullopt;
  }
}

bool closes(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// The length of an HTML tag such as <b>, </p> or <br/> at `at`, or 0.
std::size_t tag_length(std::string_view text, std::size_t at) {
  auto i = at + 1;
  if (i < text.size() && text[i] == '/') ++i;
  auto name = i;
  while (i < text.size() && i - name < 12 && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) {
    ++i;
  }
  if (i == name) return 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i < text.size() && text[i] == '/') ++i;
  return i < text.size() && text[i] == '>' ? i + 1 - at : 0;
}

// The length of the bracketed text at `at` up to and including `close`, on one line and
// not too long, or 0.
std::size_t bracketed_length(std::string_view text, std::size_t at, char close, std::size_t longest) {
  for (auto i = at + 1; i < text.size() && i - at <= longest; ++i) {
    if (text[i] == '\n') return 0;
    if (text[i] == close) return i + 1 - at;
  }
  return 0;
}

// Writes into buffers as long as the text, which nothing outgrows: every character
// written stands for at least as many bytes read ("…" for "...", "’" for "'"), and a
// space for at least one space, bullet or tag read.
class Normaliser {
 public:
  Normaliser(std::string_view text, bool anchored) : in_(text), anchored_(anchored) { out_.text.resize(text.size()); }

  NormalisedText run() && {
    std::size_t i = 0;
    bool line_start = true;
    while (i < in_.size()) {
      // Most of a document is letters, digits and punctuation that stand for themselves,
      // and spaces: taken a run at a time, they cost a few instructions a byte.
      if (plain(in_[i])) {
        auto end = i + 1;
        while (end < in_.size()) {
          if (plain(in_[end])) {
            ++end;
          } else if (in_[end] == ' ' && end + 1 < in_.size() && plain(in_[end + 1]) && !closes(in_[end + 1]) &&
                     in_[end - 1] != '(') {
            end += 2;  // one space between words stands for itself too
          } else {
            break;
          }
        }
        emit_run(i, end);
        line_start = false;
        i = end;
        continue;
      }
      if (in_[i] == ' ') {
        space(static_cast<std::uint32_t>(i++));
        continue;
      }
      auto at = static_cast<std::uint32_t>(i);
      // Not a structured binding: clang before 16 cannot capture one in a lambda.
      const auto decoded = decode(in_, i);
      const auto c = decoded.c;
      const auto length = decoded.length;
      auto followed_by_space = [&] { return i + length < in_.size() && (in_[i + length] == ' ' || in_[i + length] == '\t'); };
      if (c == '\n') {
        space(at);
        line_start = true;
      } else if (is_space(c) || is_bullet(c)) {
        space(at);
      } else if (is_invisible(c)) {
        // Nothing.
      } else if (line_start && (c == '-' || c == '+' || c == '*') && followed_by_space()) {
        space(at);  // a list item
      } else if (c == '*') {
        // Emphasis (**bold**, *italic*) left by the extraction.
      } else if (line_start && c == '#') {
        auto end = in_.find_first_not_of('#', i);
        if (end != std::string_view::npos && in_[end] == ' ') {
          space(at);  // a heading's marks
          i = end;
          continue;
        }
        emit("#", at);
        line_start = false;
      } else if (auto tag = c == '<' ? tag_length(in_, i) : 0; tag > 0) {
        space(at);
        i += tag;
        continue;
      } else if (c == '[') {
        // Word's bookmarks and footnote marks are no words of the document; other
        // brackets are dropped alike, so that "[text](address)" reads as "text".
        if (starts_with(in_, i, "[bookmark:") || starts_with(in_, i, "[footnoteRef:")) {
          if (auto skipped = bracketed_length(in_, i, ']', 200); skipped > 0) {
            i += skipped;
            continue;
          }
        }
      } else if (c == ']') {
        if (i + 1 < in_.size() && in_[i + 1] == '(') {
          if (auto skipped = bracketed_length(in_, i + 1, ')', 2000); skipped > 0) {
            i += 1 + skipped;
            continue;
          }
        }
      } else if (auto replaced = replacement(c)) {
        emit(*replaced, at);
        line_start = false;
      } else {
        emit(in_.substr(i, length), at);
        line_start = false;
      }
      i += length;
    }
    out_.text.resize(size_);
    return std::move(out_);
  }

 private:
  // ASCII that stands for itself wherever it is: not a space, nor a mark that may be
  // markup or a bullet ('*', '-', '+', '#', '<', '[', ']').
  static constexpr std::array<bool, 256> plain_bytes = [] {
    std::array<bool, 256> plain{};
    for (int byte = 0x21; byte < 0x7F; ++byte) plain[static_cast<std::size_t>(byte)] = true;
    for (char mark : std::string_view("*-+#<[]")) plain[static_cast<unsigned char>(mark)] = false;
    return plain;
  }();
  static bool plain(char c) { return plain_bytes[static_cast<unsigned char>(c)]; }

  void space(std::uint32_t at) {
    if (size_ == 0 || pending_space_) return;
    pending_space_ = true;
    pending_at_ = at;
  }

  // What comes before a character about to be written: a space waiting to be written,
  // or a hyphen to take back.
  void before(char first) {
    auto* text = out_.text.data();
    // A word hyphenated where a line broke ("escal-\nation"), or written with a hyphen
    // ("inter-agency"), reads as one word: the two are the same words.
    if (is_letter_byte(first) && size_ >= 2 && text[size_ - 1] == '-' && is_letter_byte(text[size_ - 2])) {
      --size_;  // its anchor stays, and the next one, at the same place, is the one that counts
    } else if (pending_space_ && !closes(first) && text[size_ - 1] != '(') {
      anchor(pending_at_, false);
      text[size_++] = ' ';
    }
    pending_space_ = false;
  }

  void anchor(std::size_t origin, bool same) {
    if (anchored_) out_.anchors.push_back({static_cast<std::uint32_t>(size_), static_cast<std::uint32_t>(origin), same});
  }

  void emit(std::string_view bytes, std::uint32_t at) {
    before(bytes.front());
    anchor(at, false);
    for (char c : bytes) out_.text[size_++] = c;
  }

  void emit_run(std::size_t begin, std::size_t end) {
    before(in_[begin]);
    anchor(begin, true);
    in_.copy(out_.text.data() + size_, end - begin, begin);
    size_ += end - begin;
  }

  std::string_view in_;
  bool anchored_ = true;
  NormalisedText out_;
  std::size_t size_ = 0;
  bool pending_space_ = false;
  std::uint32_t pending_at_ = 0;
};

std::size_t utf8_length_at(std::string_view text, std::size_t at) { return decode(text, at).length; }

// FNV-1a of a word's letters in lower case.
std::uint64_t word_hash(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : word) {
    auto byte = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    hash = (hash ^ byte) * 1099511628211ull;
  }
  return hash;
}

}  // namespace

std::string one_line(std::string_view text, std::size_t longest) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() <= longest) return out;
  auto cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut) + "…";
}

NormalisedText normalise(std::string_view text) { return Normaliser(text, true).run(); }

std::string normalised_words(std::string_view text) { return Normaliser(text, false).run().text; }

std::uint32_t NormalisedText::origin_of(std::size_t offset) const {
  // The last anchor at or before the offset: of two at the same place, the later.
  auto after = std::upper_bound(anchors.begin(), anchors.end(), offset,
                                [](std::size_t at, const Anchor& anchor) { return at < anchor.at; });
  if (after == anchors.begin()) return 0;
  const auto& anchor = *(after - 1);
  return anchor.same ? anchor.origin + static_cast<std::uint32_t>(offset - anchor.at) : anchor.origin;
}

std::vector<std::pair<std::size_t, std::size_t>> word_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(text[i])) {
      ++i;
      continue;
    }
    auto begin = i;
    while (i < text.size() && is_word_byte(text[i])) ++i;
    spans.emplace_back(begin, i);
  }
  return spans;
}

std::vector<std::string_view> omission_parts(std::string_view quote) {
  std::vector<std::string_view> parts;
  auto keep = [&](std::string_view part) {
    auto first = part.find_first_not_of(" \t");
    if (first == std::string_view::npos) return;
    auto last = part.find_last_not_of(" \t");
    parts.push_back(part.substr(first, last + 1 - first));
  };
  // Most quotes leave nothing out: the quote is its one part.
  if (quote.find("..") == std::string_view::npos && quote.find("…") == std::string_view::npos) {
    keep(quote);
    return parts;
  }
  // Most quotes leave nothing out: the quote is its one part.
  if (quote.find("..") == std::string_view::npos && quote.find("…") == std::string_view::npos) {
    keep(quote);
    return parts;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < quote.size();) {
    // Only a '.' or the first byte of '…' can start a mark.
    if (quote[i] != '.' && quote[i] != '\xE2') {
      ++i;
      continue;
    }
    std::size_t mark = starts_with(quote, i, "...") ? 3 : starts_with(quote, i, "…") ? std::string_view("…").size() : 0;
    if (mark == 0) {
      ++i;
      continue;
    }
    keep(quote.substr(start, i - start));
    i += mark;
    // "...." is an omission followed by a full stop, or one after: the dots are all marks.
    while (i < quote.size() && quote[i] == '.') ++i;
    start = i;
  }
  keep(quote.substr(start));
  return parts;
}

DocumentText::DocumentText(std::string_view original) : original_(original), normalised_(normalise(original)) {}

std::vector<TextRange> DocumentText::words() const {
  std::vector<TextRange> words;
  for (auto [begin, end] : word_spans(normalised_.text)) words.push_back(original_range(begin, end));
  return words;
}

std::optional<std::pair<std::size_t, std::size_t>> DocumentText::find_part(std::string_view part,
                                                                           std::size_t from) const {
  std::string_view text = normalised_.text;
  bool word_start = is_word_byte(part.front());
  bool word_end = is_word_byte(part.back());
  // Looked for by its rarest byte, which stands in few places, rather than by its first.
  std::size_t rarest = 0;
  for (std::size_t i = 1; i < part.size(); ++i) {
    if (commonness[static_cast<unsigned char>(part[i])] < commonness[static_cast<unsigned char>(part[rarest])]) {
      rarest = i;
    }
  }
  for (auto hit = from + rarest; hit < text.size(); ++hit) {
    hit = text.find(part[rarest], hit);
    if (hit == std::string_view::npos) return std::nullopt;
    auto at = hit - rarest;
    auto end = at + part.size();
    if (end > text.size() || text.compare(at, part.size(), part) != 0) continue;
    if (word_start && at > 0 && is_word_byte(text[at - 1])) continue;
    if (word_end && end < text.size() && is_word_byte(text[end])) continue;
    return std::pair{at, end};
  }
  return std::nullopt;
}

TextRange DocumentText::original_range(std::size_t begin, std::size_t end) const {
  auto last = normalised_.origin_of(end - 1);
  return {normalised_.origin_of(begin), static_cast<std::uint32_t>(last + utf8_length_at(original_, last))};
}

std::vector<std::vector<TextRange>> DocumentText::find(std::string_view quote, std::size_t most) const {
  std::vector<std::string> parts;
  for (auto part : omission_parts(quote)) {
    auto normal = normalised_words(part);
    if (!normal.empty()) parts.push_back(std::move(normal));
  }
  std::vector<std::vector<TextRange>> found;
  if (parts.empty()) return found;
  std::size_t from = 0;
  while (found.size() < most) {
    auto first = find_part(parts.front(), from);
    if (!first) break;
    std::vector<TextRange> ranges{original_range(first->first, first->second)};
    auto next = first->second;
    for (std::size_t k = 1; k < parts.size(); ++k) {
      // Each part as early as it can be: if it is not after this place, it is not after
      // any later place either.
      auto part = find_part(parts[k], next);
      if (!part) return found;
      ranges.push_back(original_range(part->first, part->second));
      next = part->second;
    }
    found.push_back(std::move(ranges));
    from = next;
  }
  return found;
}

QuoteMiss DocumentText::miss(std::string_view quote) const {
  auto parts = omission_parts(quote);
  std::size_t next = 0;
  std::string_view previous;
  for (auto part : parts) {
    auto normal = normalised_words(part);
    if (normal.empty()) continue;
    auto found = find_part(normal, next);
    if (!found) return {part, previous, !previous.empty() && find_part(normal, 0).has_value()};
    next = found->second;
    previous = part;
  }
  return {quote, {}, false};
}

std::uint32_t DocumentText::line_of(std::uint32_t offset) const {
  auto before = original_.substr(0, offset);
  return static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
}

ClosestPassages::ClosestPassages(const DocumentText& document) : document_(document) {
  auto text = document.normalised();
  words_ = word_spans(text);
  std::vector<std::uint32_t> word_ids;
  word_ids.reserve(words_.size());
  for (auto [begin, end] : words_) {
    auto [found, added] = ids_.try_emplace(word_hash(text.substr(begin, end - begin)),
                                           static_cast<std::uint32_t>(ids_.size()));
    word_ids.push_back(found->second);
  }
  // Each id's places together, counted first, so that no id needs a list of its own.
  first_place_.assign(ids_.size() + 1, 0);
  for (auto id : word_ids) ++first_place_[id + 1];
  for (std::size_t i = 1; i < first_place_.size(); ++i) first_place_[i] += first_place_[i - 1];
  places_.resize(word_ids.size());
  auto next = first_place_;
  for (std::uint32_t w = 0; w < word_ids.size(); ++w) places_[next[word_ids[w]]++] = w;
}

std::optional<ClosestPassage> ClosestPassages::closest(std::string_view quote) const {
  std::vector<std::uint32_t> quote_ids;
  std::size_t quote_words = 0;
  for (auto part : omission_parts(quote)) {
    auto normal = normalised_words(part);
    for (auto [begin, end] : word_spans(normal)) {
      ++quote_words;
      auto found = ids_.find(word_hash(std::string_view(normal).substr(begin, end - begin)));
      quote_ids.push_back(found == ids_.end() ? UINT32_MAX : found->second);
    }
  }
  const auto& words = words_;
  if (quote_words == 0 || words.empty()) return std::nullopt;
  // Words as common as "the" vote everywhere and decide nothing; they vote only when
  // the quote has no other word in the document.
  auto common = std::max<std::size_t>(64, words.size() / 50);
  std::vector<std::int64_t> votes;
  for (bool with_common : {false, true}) {
    for (std::size_t i = 0; i < quote_ids.size(); ++i) {
      if (quote_ids[i] == UINT32_MAX) continue;
      auto first = first_place_[quote_ids[i]], last = first_place_[quote_ids[i] + 1];
      if (!with_common && last - first > common) continue;
      for (auto place = first; place < last; ++place) {
        votes.push_back(static_cast<std::int64_t>(places_[place]) - static_cast<std::int64_t>(i));
      }
    }
    if (!votes.empty()) break;
  }
  if (votes.empty()) return std::nullopt;
  std::sort(votes.begin(), votes.end());
  // The densest stretch of starts no wider than half the quote: words of the quote in
  // the document's order, allowing for words added or left out.
  auto width = static_cast<std::int64_t>(std::max<std::size_t>(1, quote_words / 2));
  std::size_t best_first = 0, best_count = 0;
  for (std::size_t first = 0, last = 0; first < votes.size(); ++first) {
    if (last < first) last = first;
    while (last + 1 < votes.size() && votes[last + 1] - votes[first] <= width) ++last;
    if (last + 1 - first > best_count) {
      best_count = last + 1 - first;
      best_first = first;
    }
  }
  auto start = std::clamp<std::int64_t>(votes[best_first + (best_count - 1) / 2], 0,
                                        static_cast<std::int64_t>(words.size()) - 1);
  auto end = std::min<std::size_t>(words.size(), static_cast<std::size_t>(start) + quote_words);
  auto range = document_.original_range(words[static_cast<std::size_t>(start)].first, words[end - 1].second);
  constexpr std::size_t longest_shown = 300;
  return ClosestPassage{range, document_.line_of(range.begin),
                        one_line(document_.original().substr(range.begin, range.end - range.begin), longest_shown)};
}

std::vector<TextRange> paragraphs_of(std::string_view text) {
  std::vector<TextRange> paragraphs;
  std::optional<TextRange> open;
  bool has_word = false;
  auto close = [&] {
    if (open && has_word) paragraphs.push_back(*open);
    open.reset();
    has_word = false;
  };
  auto starts_paragraph = [](std::string_view line) {
    auto i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos) return false;
    auto [c, length] = decode(line, i);
    if (c == '#' || is_bullet(c)) return true;
    if ((c == '-' || c == '*' || c == '+') && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t')) {
      return true;
    }
    // A numbered clause: "3.4 ", "1.0 ", "4.1.2 ", "3. ".
    auto digits = [&] {
      auto start = i;
      while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
      return i > start;
    };
    if (!digits()) return false;
    bool numbered = false;
    while (i < line.size() && line[i] == '.') {
      ++i;
      numbered = true;
      if (!digits()) break;
    }
    return numbered && i < line.size() && (line[i] == ' ' || line[i] == '\t');
  };
  for (std::size_t start = 0; start < text.size();) {
    auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    bool blank = std::all_of(line.begin(), line.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    });
    if (blank) {
      close();
    } else {
      if (open && starts_paragraph(line)) close();
      if (!open) open = TextRange{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
      open->end = static_cast<std::uint32_t>(end);
      has_word = has_word || std::any_of(line.begin(), line.end(), is_word_byte);
    }
    start = end + 1;
  }
  close();
  return paragraphs;
}

}  // namespace esc::analysis
