// The protocol as C++17 state tables for case-management software: a self-contained
// header with `enum class` stages, events and agencies, and constexpr tables of
// stages, transitions, timeframes, contacts and the calendar's bank holidays, read by
// the header-only runtime in runtime/escc/. Protocol text only ever appears inside
// string literals, escaped, so it cannot become code.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "compiler/analysis/analyses.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

// `name`, the protocol file's name, gives the namespace (see cpp_namespace). `findings`,
// the checker's on this protocol, are written for a screen to show (those the protocol
// allows are left out).
std::string emit_cpp_tables(const model::Model& model, const analysis::Analyses& analyses, std::string_view name,
                            std::span<const Diagnostic> findings = {});

// The namespace of a protocol's tables: "escc_" and the file's name, with each byte
// that is not a letter, a digit or a single underscore, and each 'Z', spelt 'Z' and two
// hex digits ("barnet" -> "escc_barnet", "my-area" -> "escc_myZ2Darea"). Different
// names always give different namespaces, and none is a keyword, a macro of the C or
// C++ libraries, or a name reserved to the compiler.
std::string cpp_namespace(std::string_view stem);

}  // namespace esc::backends
