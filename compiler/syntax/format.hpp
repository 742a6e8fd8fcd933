// `escc fmt`: one canonical layout for .esc files. The formatter works on lines, as the
// language does (every statement is one line; blocks open with '{' at the end of a
// line and close with '}'), and changes only whitespace and line breaks:
// - two spaces of indentation per block; a `source` or `note` that describes the
//   statement above it is indented one step further than that statement;
// - two spaces before a comment that ends a line;
// - one space between words, none before ',', one after it; one space before a '{'
//   that opens a block; every '}' on a line of its own;
// - comments kept as written, indented with the lines around them;
// - no trailing spaces, no blank lines at the start or end of a block or the file, no
//   two blank lines in a row, and one newline at the end.
// Text in quotes is never touched. Formatting a formatted file changes nothing.
//
// The layout is defined only for text that reads without errors: in text escc cannot
// read, braces and quotes need not pair, and laying it out would rewrite what nobody
// can say the author meant (thousands of unclosed '{' once made a 41 KB file 400 MB).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"

namespace esc {

struct Formatted {
  std::string text;
  // For each line of the original (0-based), the line of `text` it became, or -1 when
  // it was a blank line that was dropped. A line split in two maps to the first.
  std::vector<int> line_of;
};

// The layout of `text`, which must read without errors (see format_protocol).
Formatted format_source(std::string_view text);

// Formats a protocol when it reads without errors; otherwise reports them in `sink`
// and gives nothing, so that the text is left as it is.
std::optional<Formatted> format_protocol(const SourceFile& source, FileId file, DiagnosticSink& sink);

// A unified diff ("--- a/...", "+++ b/...", @@ hunks with 3 lines of context) from
// the original to the formatted text; empty when they are the same.
std::string format_diff(std::string_view path, std::string_view original, const Formatted& formatted);

}  // namespace esc
