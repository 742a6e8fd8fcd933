#include "compiler/encoding.hpp"

#include <fmt/format.h>

#include <optional>

namespace esc {
namespace {

constexpr int most_reported = 5;

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

// The invisible characters that reorder text when it is shown (the "Trojan Source"
// characters): embeddings, overrides and isolates, and the directional marks. In a
// name or a number they can make the text on screen differ from what escc reads.
std::optional<std::string_view> direction_control(std::string_view text, std::size_t i, std::size_t length) {
  if (length == 2 && text.substr(i, 2) == "\xD8\x9C") return "U+061C ARABIC LETTER MARK";
  if (length != 3 || static_cast<unsigned char>(text[i]) != 0xE2) return std::nullopt;
  auto second = static_cast<unsigned char>(text[i + 1]);
  auto third = static_cast<unsigned char>(text[i + 2]);
  if (second == 0x80) {
    switch (third) {
      case 0x8E: return "U+200E LEFT-TO-RIGHT MARK";
      case 0x8F: return "U+200F RIGHT-TO-LEFT MARK";
      case 0xAA: return "U+202A LEFT-TO-RIGHT EMBEDDING";
      case 0xAB: return "U+202B RIGHT-TO-LEFT EMBEDDING";
      case 0xAC: return "U+202C POP DIRECTIONAL FORMATTING";
      case 0xAD: return "U+202D LEFT-TO-RIGHT OVERRIDE";
      case 0xAE: return "U+202E RIGHT-TO-LEFT OVERRIDE";
      default: return std::nullopt;
    }
  }
  if (second == 0x81) {
    switch (third) {
      case 0xA6: return "U+2066 LEFT-TO-RIGHT ISOLATE";
      case 0xA7: return "U+2067 RIGHT-TO-LEFT ISOLATE";
      case 0xA8: return "U+2068 FIRST STRONG ISOLATE";
      case 0xA9: return "U+2069 POP DIRECTIONAL ISOLATE";
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t direction_control_length(std::string_view text, std::size_t i) {
  for (std::size_t length : {std::size_t{2}, std::size_t{3}}) {
    if (i + length <= text.size() && direction_control(text, i, length)) return length;
  }
  return 0;
}

std::size_t byte_order_mark_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink) {
  auto text = source.text();
  int reported = 0;
  int hidden = 0;  // direction controls: errors, but the file can still be read
  for (std::size_t i = byte_order_mark_length(text); i < text.size() && reported < most_reported;) {
    auto at = static_cast<std::uint32_t>(i);
    if (text[i] == '\0') {
      sink.report(Code::I003, Span{file, at, at + 1},
                  "this file contains a NUL byte, so it is not a text file (was a binary or a "
                  "word-processor file saved with a .esc name?)");
      ++reported;
      ++i;
      continue;
    }
    auto length = valid_sequence_length(text, i);
    if (length == 0) {
      sink.report(Code::I002, Span{file, at, at + 1},
                  fmt::format("byte 0x{:02X} here is not valid UTF-8; save the file as UTF-8 text",
                              static_cast<unsigned char>(text[i])));
      ++reported;
      ++i;
      continue;
    }
    if (auto control = direction_control(text, i, length); control && hidden < most_reported) {
      auto& d = sink.report(Code::I008, Span{file, at, static_cast<std::uint32_t>(i + length)},
                            fmt::format("an invisible {} is here: it changes the order in which the text around it "
                                        "is shown, so what readers see may not be what escc reads",
                                        *control));
      d.suggestion = "delete the invisible character; retype the text around it if it came from another document";
      ++hidden;
    }
    i += length;
  }
  return reported == 0;
}

}  // namespace esc
