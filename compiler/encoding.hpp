// Checks that a file is text escc can read: UTF-8, no NUL bytes.
#pragma once

#include "compiler/diagnostics.hpp"
#include "compiler/source.hpp"

namespace esc {

// Reports each problem (up to a handful) and returns false if there was any.
bool check_encoding(const SourceFile& source, FileId file, DiagnosticSink& sink);

// The length of a UTF-8 byte-order mark at the start of `text`, or 0.
std::size_t byte_order_mark_length(std::string_view text);

}  // namespace esc
