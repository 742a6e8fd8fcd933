#include "compiler/backends/registry.hpp"

#include <filesystem>

#include "compiler/backends/cpp_tables.hpp"
#include "compiler/backends/dot.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/json.hpp"

namespace esc::backends {
namespace {

std::string dot_file(const ProtocolInput& input) { return input.dot; }
std::string svg_file(const ProtocolInput& input) { return input.drawing.svg; }
std::string png_file(const ProtocolInput& input) { return input.drawing.png; }

std::string cpp_file(const ProtocolInput& input) {
  return emit_cpp_tables(input.model, input.analyses, input.stem, input.findings);
}

std::string html_file(const ProtocolInput& input) {
  auto name = std::filesystem::path(input.source_path).filename().string();
  return emit_html({&input.model, &input.analyses, &input.chart, input.drawing.svg, name, input.files,
                    std::string(input.publisher_advice), input.findings, input.today},
                   input.amendments);
}

std::string fragment_file(const ProtocolInput& input) {
  auto name = std::filesystem::path(input.source_path).filename().string();
  return emit_html_fragment({&input.model, &input.analyses, &input.chart, input.drawing.svg, name, input.files,
                             std::string(input.publisher_advice), input.findings, input.today},
                            input.amendments);
}

std::string json_file(const ProtocolInput& input) {
  return emit_json(input.model, input.analyses, input.source_path);
}

}  // namespace

const std::vector<Backend>& backends() {
  static const std::vector<Backend> table = {
      {.format = "dot", .extension = "dot", .help = "flow charts in Graphviz's language", .needs_chart = true,
       .emit = dot_file},
      {.format = "svg", .extension = "svg", .help = "flow charts drawn as SVG", .needs_chart = true,
       .draws_svg = true, .emit = svg_file},
      {.format = "png", .extension = "png", .help = "flow charts drawn as PNG", .needs_chart = true,
       .draws_png = true, .emit = png_file},
      {.format = "cpp", .extension = "hpp", .help = "C++ state tables", .emit = cpp_file},
      {.format = "html", .extension = "html", .help = "contact directories and index.html", .needs_chart = true,
       .draws_svg = true, .writes_index = true, .emit = html_file},
      {.format = "json", .extension = "json", .help = "the resolved protocol as JSON", .emit = json_file},
      {.format = "html-fragment", .extension = "fragment.html",
       .help = "the page's body, to embed in a site, with escc-fragment.css and .js; on request", .needs_chart = true,
       .draws_svg = true, .on_request = true, .emit = fragment_file, .shared_files = fragment_files},
  };
  return table;
}

const Backend* backend_named(std::string_view format) {
  for (const auto& backend : backends()) {
    if (backend.format == format) return &backend;
  }
  return nullptr;
}

}  // namespace esc::backends
