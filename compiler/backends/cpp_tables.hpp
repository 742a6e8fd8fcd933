// The protocol as C++17 state tables for case-management software: a self-contained
// header with `enum class` stages, events and agencies, and constexpr tables of
// stages, transitions, timeframes, contacts and the calendar's bank holidays, read by
// the header-only runtime in runtime/escc/. Protocol text only ever appears inside
// string literals, escaped, so it cannot become code.
#pragma once

#include <string>
#include <string_view>

#include "compiler/model.hpp"

namespace esc::backends {

// `name` becomes the namespace, made into a C++ identifier ("st-helens" ->
// "st_helens").
std::string emit_cpp_tables(const model::Model& model, std::string_view name);

// A C++ identifier made from any text: letters, digits and underscores, not starting
// with a digit, not a keyword.
std::string cpp_identifier(std::string_view text);

}  // namespace esc::backends
