// What `escc diff` prints: the changes in meaning between two versions of a protocol,
// in plain English for a board's sign-off, in Markdown for a pull-request comment, or
// as JSON.
#pragma once

#include <string>
#include <vector>

#include "compiler/analysis/semantic_diff.hpp"

namespace esc::backends {

std::string render_diff_text(const std::vector<analysis::Change>& changes, const std::string& before,
                             const std::string& after);
std::string render_diff_markdown(const std::vector<analysis::Change>& changes, const std::string& before,
                                 const std::string& after);
std::string render_diff_json(const std::vector<analysis::Change>& changes, const std::string& before,
                             const std::string& after);

}  // namespace esc::backends
