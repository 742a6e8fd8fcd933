#include "compiler/source/encoding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

namespace esc {
namespace {

constexpr int most_reported = 5;
constexpr std::string_view replacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one.
// Overlong forms, surrogates and code points past U+10FFFF are all invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto continuation = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
    if (lead == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;  // overlong
    if (lead == 0xF4 && byte(i + 1) >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// The code point of a valid sequence of `length` bytes at `i`.
char32_t code_point(std::string_view text, std::size_t i, std::size_t length) {
  auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (length) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default: return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  }
}

std::string code_name(char32_t c) { return fmt::format("U+{:04X}", static_cast<std::uint32_t>(c)); }

// The invisible characters that reorder text when it is shown (the "Trojan Source"
// characters): embeddings, overrides and isolates, and the directional marks. In a
// name or a number they can make the text on screen differ from what escc reads.
std::optional<std::string_view> direction_control(char32_t c) {
  switch (c) {
    case 0x061C: return "U+061C ARABIC LETTER MARK";
    case 0x200E: return "U+200E LEFT-TO-RIGHT MARK";
    case 0x200F: return "U+200F RIGHT-TO-LEFT MARK";
    case 0x202A: return "U+202A LEFT-TO-RIGHT EMBEDDING";
    case 0x202B: return "U+202B RIGHT-TO-LEFT EMBEDDING";
    case 0x202C: return "U+202C POP DIRECTIONAL FORMATTING";
    case 0x202D: return "U+202D LEFT-TO-RIGHT OVERRIDE";
    case 0x202E: return "U+202E RIGHT-TO-LEFT OVERRIDE";
    case 0x2066: return "U+2066 LEFT-TO-RIGHT ISOLATE";
    case 0x2067: return "U+2067 RIGHT-TO-LEFT ISOLATE";
    case 0x2068: return "U+2068 FIRST STRONG ISOLATE";
    case 0x2069: return "U+2069 POP DIRECTIONAL ISOLATE";
    default: return std::nullopt;
  }
}

bool is_control(char32_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F); }

// What a control character is, and why it has no place in a protocol.
std::string control_message(char32_t c) {
  switch (c) {
    case 0x1B:
    case 0x9B:
    case 0x9D:
      return fmt::format("a terminal control character ({}) is here: in a terminal it starts a sequence that can clear "
                         "the screen, change the window's title or write the clipboard; it has no place in a protocol",
                         code_name(c));
    case 0x0C:
      return "a form feed (U+000C, a page break from a word processor) is here: escc reads lines, not pages, and "
             "the character is invisible in most editors";
    case 0x0B: return "a vertical tab (U+000B) is here: it is invisible in most editors and escc does not read it as a space";
    case 0x85:
      return "a next-line control (U+0085) is here: some programs show it as a line end, but escc does not read one";
    default:
      return fmt::format("an invisible control character ({}) is here; it has no place in a protocol", code_name(c));
  }
}

// Characters that show as nothing, or as an ordinary space, but are not one: two
// names that look the same to a reader can differ to escc.
std::optional<std::string_view> invisible_character(char32_t c) {
  switch (c) {
    case 0x00A0: return "a no-break space (U+00A0)";
    case 0x00AD: return "a soft hyphen (U+00AD)";
    case 0x1680: return "an Ogham space mark (U+1680)";
    case 0x200B: return "a zero-width space (U+200B)";
    case 0x200C: return "a zero-width non-joiner (U+200C)";
    case 0x200D: return "a zero-width joiner (U+200D)";
    case 0x2028: return "a line separator (U+2028)";
    case 0x2029: return "a paragraph separator (U+2029)";
    case 0x202F: return "a narrow no-break space (U+202F)";
    case 0x205F: return "a medium mathematical space (U+205F)";
    case 0x2060: return "a word joiner (U+2060)";
    case 0x3000: return "an ideographic space (U+3000)";
    case 0xFEFF: return "a zero-width no-break space (U+FEFF)";
    default: break;
  }
  if (c >= 0x2000 && c <= 0x200A) return "a typographic space (U+2000 to U+200A)";
  return std::nullopt;
}

bool looks_like_a_space(char32_t c) {
  return c == 0x00A0 || c == 0x202F || c == 0x1680 || c == 0x205F || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

bool is_line_separator(char32_t c) { return c == 0x2028 || c == 0x2029; }

std::string_view invisible_suggestion(char32_t c) {
  if (is_line_separator(c)) return "replace it with an ordinary line end";
  if (looks_like_a_space(c)) return "replace it with an ordinary space";
  return "delete the invisible character";
}

std::string invisible_message(char32_t c, std::string_view what) {
  if (is_line_separator(c)) {
    return fmt::format("{} is here: an editor may show a new line, but escc does not read one, so the text on both "
                       "sides is one line to escc",
                       what);
  }
  if (looks_like_a_space(c)) {
    return fmt::format("{} is here: it looks like an ordinary space, but it is a different character, so names or "
                       "details that look the same may not match",
                       what);
  }
  return fmt::format("{} is here: it cannot be seen, but it is part of the text, so names or details that look the "
                     "same may not match",
                     what);
}

// Findings of one kind: the first few are reported where they stand, and the last of
// those says how many more there are, so that none is silently dropped.
class Tally {
 public:
  explicit Tally(DiagnosticSink& sink) : sink_(sink) {}

  Diagnostic* report(Code code, Span span, std::string message) {
    if (seen_++ >= most_reported) return nullptr;
    last_ = sink_.diagnostics().size();
    return &sink_.report(code, span, std::move(message));
  }

  ~Tally() {
    if (seen_ <= most_reported) return;
    sink_.editable()[last_].notes.push_back(
        {std::nullopt, fmt::format("{} more like this in the file are not reported one by one", seen_ - most_reported)});
  }

  Tally(const Tally&) = delete;
  Tally& operator=(const Tally&) = delete;

 private:
  DiagnosticSink& sink_;
  std::size_t seen_ = 0;
  std::size_t last_ = 0;
};

enum class Script { other, latin, greek, cyrillic };

Script script_of(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Script::latin;
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return Script::latin;
  if (c >= 0x370 && c <= 0x3FF) return Script::greek;
  if (c >= 0x400 && c <= 0x52F) return Script::cyrillic;
  return Script::other;
}

// A word that mixes Latin letters with Greek or Cyrillic ones: "pоlice" with a
// Cyrillic "о" reads as "police" but is not the same word to escc.
class MixedScriptWords {
 public:
  MixedScriptWords(std::string_view text, FileId file, DiagnosticSink& sink) : text_(text), file_(file), found_(sink) {}

  void letter(std::size_t at, std::size_t length, char32_t c) {
    auto script = script_of(c);
    if (script == Script::other) return end_word(at);
    if (!in_word_) {
      in_word_ = true;
      word_begin_ = at;
      has_latin_ = false;
      foreign_ = std::nullopt;
    }
    word_end_ = at + length;
    if (script == Script::latin) has_latin_ = true;
    else if (!foreign_) foreign_ = Foreign{at, length, c, script};
  }

  void end_word(std::size_t) {
    if (in_word_ && has_latin_ && foreign_) report();
    in_word_ = false;
  }

 private:
  struct Foreign {
    std::size_t at = 0;
    std::size_t length = 0;
    char32_t c = 0;
    Script script = Script::other;
  };

  void report() {
    auto word = text_.substr(word_begin_, word_end_ - word_begin_);
    auto letter = text_.substr(foreign_->at, foreign_->length);
    auto* d = found_.report(
        Code::I011, Span{file_, static_cast<std::uint32_t>(foreign_->at), static_cast<std::uint32_t>(foreign_->at + foreign_->length)},
        fmt::format("the word '{}' mixes Latin letters with the {} letter '{}' ({}), which looks like a Latin one: a "
                    "name or address that reads the same may not be the same to escc",
                    word, foreign_->script == Script::greek ? "Greek" : "Cyrillic", letter, code_name(foreign_->c)));
    if (d) d->suggestion = "retype the word with the keyboard's own letters";
  }

  std::string_view text_;
  FileId file_;
  Tally found_;
  bool in_word_ = false;
  bool has_latin_ = false;
  std::size_t word_begin_ = 0;
  std::size_t word_end_ = 0;
  std::optional<Foreign> foreign_;
};

}  // namespace

std::size_t byte_order_mark_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

namespace {

struct Scan {
  int unreadable = 0;  // invalid UTF-8 and NUL bytes: the file cannot be read
  std::size_t lone_returns = 0;
  std::size_t first_lone_return = 0;
};

// Unreadable bytes go to `sink`; findings about characters go to `characters`.
// Whether a character stands in a comment: `#` outside quoted text, to the end of its
// line. What a comment holds is neither read nor published, so invisible characters
// and look-alike letters there are not worth a warning; controls are, since they can
// still rewrite the terminal of whoever reads the file.
class Comments {
 public:
  bool in_comment(char32_t c) {
    bool was = state_ == State::comment;
    if (c == '\n') {
      state_ = State::code;
      escaped_ = false;
    } else if (state_ == State::code) {
      if (c == '"') state_ = State::quoted;
      if (c == '#') state_ = State::comment;
    } else if (state_ == State::quoted) {
      if (escaped_) escaped_ = false;
      else if (c == '\\') escaped_ = true;
      else if (c == '"') state_ = State::code;
    }
    return was || state_ == State::comment;
  }

 private:
  enum class State { code, quoted, comment };
  State state_ = State::code;
  bool escaped_ = false;
};

// Whether a line holds only printable ASCII and tabs, up to its line end: nothing the
// scan looks for. The first loop has no branch, so the compiler takes sixteen bytes at
// a time.
bool plain(std::string_view text) {
  unsigned char other = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    other |= static_cast<unsigned char>(byte - 0x20) >= 0x5F && byte != '\n' && byte != '\t' && byte != '\r';
  }
  if (other != 0) return false;
  for (auto at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') return false;
  }
  return true;
}

Scan scan(std::string_view text, FileId file, DiagnosticSink& sink, DiagnosticSink& characters) {
  Scan result;
  Comments comments;
  Tally hidden(characters), controls(characters), invisible(characters);
  MixedScriptWords words(text, file, characters);
  auto span = [&](std::size_t at, std::size_t length) {
    return Span{file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + length)};
  };
  auto start = byte_order_mark_length(text);
  for (std::size_t i = start; i < text.size() && result.unreadable < most_reported;) {
    // A plain line leaves no comment, quote or word open for the next (each ends at the
    // line end), so it is passed over in one look: most lines of most protocols are
    // plain, and the scan of each character costs forty times as much.
    if (i == start || text[i - 1] == '\n') {
      auto end = std::min(text.find('\n', i), text.size() - 1) + 1;
      if (plain(text.substr(i, end - i))) {
        i = end;
        continue;
      }
    }
    if (text[i] == '\0') {
      sink.report(Code::I003, span(i, 1),
                  "this file contains a NUL byte, so it is not a text file (was a binary or a "
                  "word-processor file saved with a .esc name?)");
      ++result.unreadable;
      ++i;
      continue;
    }
    auto length = valid_sequence_length(text, i);
    if (length == 0) {
      sink.report(Code::I002, span(i, 1),
                  fmt::format("byte 0x{:02X} here is not valid UTF-8; save the file as UTF-8 text",
                              static_cast<unsigned char>(text[i])));
      ++result.unreadable;
      words.end_word(i);
      ++i;
      continue;
    }
    auto c = code_point(text, i, length);
    bool in_comment = comments.in_comment(c);
    if (in_comment) words.end_word(i);
    else words.letter(i, length, c);
    if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      if (result.lone_returns++ == 0) result.first_lone_return = i;
    } else if (is_control(c)) {
      if (auto* d = controls.report(Code::I009, span(i, length), control_message(c))) {
        d->suggestion = "delete the character; retype the text around it if it came from another program";
      }
    } else if (auto control = direction_control(c)) {
      if (auto* d = hidden.report(Code::I008, span(i, length),
                                  fmt::format("an invisible {} is here: it changes the order in which the text around "
                                              "it is shown, so what readers see may not be what escc reads",
                                              *control))) {
        d->suggestion = "delete the invisible character; retype the text around it if it came from another document";
      }
    } else if (auto what = invisible_character(c); what && !in_comment) {
      if (auto* d = invisible.report(Code::I010, span(i, length), invisible_message(c, *what))) {
        d->suggestion = invisible_suggestion(c);
      }
    }
    i += length;
  }
  words.end_word(text.size());
  return result;
}

}  // namespace

std::optional<NotText> first_non_text_byte(std::string_view text) {
  constexpr std::size_t block = 32;
  for (std::size_t i = 0; i < text.size();) {
    // Most of a document is ASCII, which needs no decoding: a block at a time, when none
    // of its bytes is a NUL or has its high bit set; otherwise byte by byte to its end.
    if (i + block <= text.size()) {
      std::uint64_t words[block / 8];
      std::memcpy(words, text.data() + i, block);
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      std::uint64_t flagged = 0;
      for (auto word : words) flagged |= word | ((word - ones) & ~word);
      if ((flagged & highs) == 0) {
        i += block;
        continue;
      }
    }
    for (auto end = std::min(text.size(), i + block); i < end;) {
      if (auto byte = static_cast<unsigned char>(text[i]); byte > 0 && byte < 0x80) {
        ++i;
        continue;
      }
      if (text[i] == '\0') return NotText{i, true};
      auto length = valid_sequence_length(text, i);
      if (length == 0) return NotText{i, false};
      i += length;
    }
  }
  return std::nullopt;
}

bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink) {
  // Findings about characters wait until the file is known to be text: in a binary
  // file they would only bury the finding that matters.
  DiagnosticSink characters;
  auto result = scan(source.text(), file, sink, characters);
  if (result.unreadable > 0) return false;
  for (const auto& d : characters.diagnostics()) sink.add(d);
  if (result.lone_returns == 0) return true;
  auto at = static_cast<std::uint32_t>(result.first_lone_return);
  auto& d = sink.report(
      Code::I009, Span{file, at, at + 1},
      result.lone_returns == 1
          ? std::string("a carriage return (U+000D) stands here without a line feed after it; escc reads lines that "
                        "end in a line feed, with or without a carriage return before it")
          : fmt::format("{} lines of this file end in a carriage return alone (U+000D, as files from old Mac "
                        "programs do), so escc cannot tell where lines end",
                        result.lone_returns));
  d.suggestion = "save the file with ordinary line ends (LF, or CR LF)";
  return false;
}

namespace {

// `text` with each character passed through `rewrite(c, as_written)`, which appends
// what stands for it; bytes that are not UTF-8 become U+FFFD.
template <typename Rewrite>
std::string rewritten(std::string_view text, Rewrite rewrite) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto length = valid_sequence_length(text, i);
    if (length == 0) {
      out += replacement;
      ++i;
      continue;
    }
    rewrite(code_point(text, i, length), text.substr(i, length), out);
    i += length;
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text, bool one_line) {
  return rewritten(text, [&](char32_t c, std::string_view as_written, std::string& out) {
    if (c == '\t' && one_line) {
      out += ' ';
    } else if ((c == '\n' && one_line) || (is_control(c) && c != '\t' && c != '\n') || direction_control(c)) {
      out += replacement;
    } else {
      out += as_written;
    }
  });
}

std::string json_printable(std::string_view json) {
  return rewritten(json, [](char32_t c, std::string_view as_written, std::string& out) {
    if (c >= 0x7F && (is_control(c) || direction_control(c))) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
    } else {
      out += as_written;
    }
  });
}

}  // namespace esc
