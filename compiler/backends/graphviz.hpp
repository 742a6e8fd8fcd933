// SVG and PNG drawn from escc's DOT by Graphviz, in process: one layout serves both
// pictures. The SVG gets a <title> and a <desc> (the text alternative) so that screen
// readers can follow the chart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/backends/chart.hpp"

typedef struct GVC_s GVC_t;

namespace esc::backends {

struct Drawing {
  std::string svg;
  std::string png;
  std::optional<std::string> problem;  // why Graphviz could not draw it, in plain words
};

// Draws with Graphviz. Every Graphviz in a process shares one context, kept for the
// life of the process, and draws one at a time: Graphviz 2.42's Pango plugin keeps a
// static pointer to the last font name, which dangles once a context is freed (found
// by AddressSanitizer when a second context drew), and Graphviz is not thread-safe.
class Graphviz {
 public:
  Graphviz();
  Graphviz(const Graphviz&) = delete;
  Graphviz& operator=(const Graphviz&) = delete;

  Drawing draw(const std::string& dot, const Chart& chart, bool svg, bool png);

 private:
  GVC_t* context_;
};

// Draws each chart from its DOT, as Graphviz::draw does; `dots` and `charts` line up.
// With `jobs` above one, the charts are shared among that many worker processes forked
// from this one (Graphviz cannot draw on two threads of one process), each drawing
// every jobs-th chart and sending the drawings back through a pipe. The drawings are
// the same on any number of jobs. No other thread may be running then: a forked worker
// has only the thread that forked it, and a lock another thread held stays held.
std::vector<Drawing> draw_charts(const std::vector<std::string>& dots, const std::vector<Chart>& charts, bool svg,
                                 bool png, unsigned jobs);

}  // namespace esc::backends
