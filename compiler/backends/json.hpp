// Back-end: the resolved model as JSON (docs/json.md).
#pragma once

#include <string>
#include <string_view>

#include "compiler/analysis/analyses.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

inline constexpr int json_schema_version = 2;

std::string emit_json(const model::Model& model, const analysis::Analyses& analyses, std::string_view source_path);

}  // namespace esc::backends
