// SVG and PNG drawn from escc's DOT by Graphviz, in process: one layout serves both
// pictures. The SVG gets a <title> and a <desc> (the text alternative) so that screen
// readers can follow the chart.
#pragma once

#include <optional>
#include <string>

#include "compiler/backends/chart.hpp"

typedef struct GVC_s GVC_t;

namespace esc::backends {

struct Drawing {
  std::string svg;
  std::string png;
  std::optional<std::string> problem;  // why Graphviz could not draw it, in plain words
};

// Owns a Graphviz context for a run of drawings; not shareable between threads,
// because Graphviz itself is not.
class Graphviz {
 public:
  Graphviz();
  ~Graphviz();
  Graphviz(const Graphviz&) = delete;
  Graphviz& operator=(const Graphviz&) = delete;

  Drawing draw(const std::string& dot, const Chart& chart, bool svg, bool png);

 private:
  GVC_t* context_;
};

}  // namespace esc::backends
