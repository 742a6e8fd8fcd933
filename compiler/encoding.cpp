#include "compiler/encoding.hpp"

#include <fmt/format.h>

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

}  // namespace

std::size_t byte_order_mark_length(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink) {
  auto text = source.text();
  int reported = 0;
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
    i += length;
  }
  return reported == 0;
}

}  // namespace esc
