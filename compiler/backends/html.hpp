// HTML contact directories for a board's website: one self-contained page per
// protocol (no external assets, no network), readable without JavaScript, with a
// "who to contact now" view when scripts run, and an index page linking them all.
#pragma once

#include <string>
#include <vector>

#include "compiler/backends/chart.hpp"
#include "compiler/model.hpp"

namespace esc::backends {

struct DirectoryPage {
  const model::Model* model = nullptr;
  const Chart* chart = nullptr;
  std::string svg;          // the drawn chart, embedded in the page
  std::string source_name;  // "barnet.esc", for the footer
};

std::string emit_html(const DirectoryPage& page);

struct IndexEntry {
  std::string stem;  // "barnet": the pages are stem.html, stem.svg, ...
  const model::Model* model = nullptr;
  std::vector<std::string> formats;  // the outputs built, in order
};

std::string emit_index(const std::vector<IndexEntry>& entries);

}  // namespace esc::backends
