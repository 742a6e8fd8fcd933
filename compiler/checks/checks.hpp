// The checks: each reads the resolved model and reports findings into a sink. They
// never change the model, never print, and never do I/O. One check per file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/diagnostics.hpp"
#include "compiler/model.hpp"

namespace esc::checks {

struct Context {
  const model::Model& model;
  std::int64_t today = 0;  // day number (see compiler/dates.hpp)
};

using Check = void (*)(const Context&, DiagnosticSink&);

struct Registered {
  std::string_view name;
  Check run;
};

const std::vector<Registered>& registry();

// Runs every check, then applies the file's `allow` statements.
void run_checks(const Context& context, DiagnosticSink& sink);

// The checks, one per file in this folder.
void review_date(const Context&, DiagnosticSink&);
void approval(const Context&, DiagnosticSink&);
void status(const Context&, DiagnosticSink&);
void immediate_risk(const Context&, DiagnosticSink&);

}  // namespace esc::checks
