// Checks that a file is text escc can read: UTF-8, no NUL bytes, and no invisible
// characters that reorder what is shown (reported, though the file is still read).
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/source.hpp"

namespace esc {

// Reports each problem (up to a handful) and returns false if the file cannot be read.
bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink);

// The byte length of an invisible direction control (U+202E and its kind) starting at
// byte `i` of valid UTF-8, or 0.
std::size_t direction_control_length(std::string_view text, std::size_t i);

// The length of a UTF-8 byte-order mark at the start of `text`, or 0.
std::size_t byte_order_mark_length(std::string_view text);

}  // namespace esc
