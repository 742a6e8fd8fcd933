// The flow chart in Graphviz's DOT language: stages top to bottom in the order the
// protocol declares them, timeframes on the arrows, running totals on the boxes.
#pragma once

#include <string>

#include "compiler/backends/chart.hpp"

namespace esc::backends {

std::string emit_dot(const Chart& chart);

}  // namespace esc::backends
