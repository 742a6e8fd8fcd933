// Agencies' escalation lines ("line 1", "line initial") as stages point to them with
// `contacts line 1 to line 3`: the order of labels across agencies, and which labels
// a range takes in.
#pragma once

#include <string>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

// Every line label, ordered as the agencies order their lines.
std::vector<std::string> line_order(const model::Model& model);

// The labels from `range.first` to `range.last` in that order, or the numbers between
// them when both are numbers.
std::vector<std::string> labels_between(const model::LineRange& range, const std::vector<std::string>& all_labels);

// The labels a stage sends every agency's people to, in line order, each once (a range
// `of` one agency is not among them: see whom_to_contact).
std::vector<std::string> stage_line_labels(const model::Stage& stage, const std::vector<std::string>& all_labels);

}  // namespace esc::analysis
