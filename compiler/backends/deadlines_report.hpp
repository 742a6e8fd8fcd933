// What `escc deadlines` prints: the dates by which each stage must be done, and whom
// to contact then, for people (text) and for programs (JSON).
#pragma once

#include <string>

#include "compiler/analysis/deadlines.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

std::string render_deadlines_text(const analysis::Deadlines& deadlines, const model::Model& model);
std::string render_deadlines_json(const analysis::Deadlines& deadlines, const model::Model& model);

}  // namespace esc::backends
