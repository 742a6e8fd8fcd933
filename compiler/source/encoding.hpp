// Checks that a file is text escc can read: UTF-8, no NUL bytes, no line ends of a
// kind escc does not read; and reports characters that make what a reader sees differ
// from what escc reads (direction controls, terminal controls, invisible characters,
// letters of another alphabet that look like Latin ones), though the file is still read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"

namespace esc {

// Reports each problem (a handful of each kind, then how many more) and returns false
// if the file cannot be read.
bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink);

// The first byte that keeps `text` from being text at all: a NUL, or a byte that is not
// valid UTF-8. For files escc reads but does not parse, such as a protocol's document.
struct NotText {
  std::size_t offset = 0;
  bool nul = false;
};
std::optional<NotText> first_non_text_byte(std::string_view text);

// The length of a UTF-8 byte-order mark at the start of `text`, or 0.
std::size_t byte_order_mark_length(std::string_view text);

// `text` as a terminal or a log may safely show it: every byte that is not valid
// UTF-8, every control character (they can clear a screen, set a window's title or
// write the clipboard) and every invisible direction control becomes one U+FFFD, so
// that columns still line up. Line feeds and tabs are kept unless `one_line`, when a
// tab becomes a space and a line feed U+FFFD.
std::string printable(std::string_view text, bool one_line = false);

// JSON text with the characters a terminal acts on, or that reorder text, written as
// \u escapes: JSON itself escapes only U+0000 to U+001F, so U+0080 to U+009F and the
// direction controls would otherwise reach a terminal as they are. Lossless: a JSON
// reader sees the same strings. Invalid UTF-8 becomes U+FFFD.
std::string json_printable(std::string_view json);

}  // namespace esc
