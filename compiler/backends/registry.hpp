// The back-ends `escc build` can run, one row each: the format's name as `--emit`
// gives it, the extension of the file it writes, what it reads, and one emit function
// with one signature. Nothing else names a format.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/backends/amendments.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/graphviz.hpp"
#include "compiler/backends/html_fragment.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

// One protocol as every back-end sees it.
struct ProtocolInput {
  const model::Model& model;
  const analysis::Analyses& analyses;
  const Chart& chart;
  const std::string& dot;      // the chart in Graphviz's language
  const Drawing& drawing;      // drawn when a back-end asked for it (`draws_svg`, `draws_png`)
  std::string_view stem;       // "barnet": the outputs are barnet.dot, barnet.svg, ...
  std::string_view source_path;                 // the protocol file as the command line named it
  const std::vector<std::string>& files;        // every file built beside it, for the page to link
  std::span<const Diagnostic> findings = {};    // the checker's on this protocol, for the C++ tables and the page
  std::string_view publisher_advice = {};       // `escc build --publisher-advice`, for the page
  const Amendments* amendments = nullptr;       // when built with --previous, for the page's section
  std::int64_t today = 0;                       // the build's date, which the page's review date is judged against
};

struct Backend {
  std::string_view format;     // "cpp"
  std::string_view extension;  // "hpp"
  std::string_view help;       // "C++ state tables", for `escc build --help`
  bool needs_chart = false;    // a chart too large to draw stops it (I012)
  bool draws_svg = false;
  bool draws_png = false;
  bool writes_index = false;   // also writes index.html, listing every page in the folder
  bool on_request = false;     // written only when --emit names it
  std::string (*emit)(const ProtocolInput& input) = nullptr;
  // Files every protocol's output shares (a style sheet, a script), written once into the folder.
  std::vector<SharedFile> (*shared_files)() = nullptr;
};

// In the order `escc build` writes them.
const std::vector<Backend>& backends();
const Backend* backend_named(std::string_view format);

}  // namespace esc::backends
