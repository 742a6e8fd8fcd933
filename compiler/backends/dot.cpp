#include "compiler/backends/dot.hpp"

#include <fmt/format.h>

#include <set>

#include "compiler/backends/markup.hpp"

namespace esc::backends {
namespace {

// A quoted DOT string, its lines joined by DOT's line break. Backslashes are doubled
// because Graphviz reads \n, \l and \N in labels as commands.
std::string quoted(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    for (char c : lines[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out + "\"";
}

// A node's name in DOT. Unquoted, DOT reads `route_out-of-hours_2` as a name, a number
// and more, so every name is quoted, whatever the protocol calls its routes.
std::string node_name(const ChartNode& node) { return quoted({node.id}); }

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Breaks text into lines of about `width` characters at spaces, so that long titles
// make tall boxes instead of very wide ones.
std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    auto word = text.substr(start, end - start);
    if (!line.empty() && characters(line) + 1 + characters(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string label_lines(std::string_view text, std::size_t width) {
  std::string out;
  for (const auto& line : wrapped(text, width)) {
    if (!out.empty()) out += "<BR/>";
    out += markup_text(line);
  }
  return out;
}

struct Palette {
  const char* fill;
  const char* border;
  const char* style;
};

Palette palette_of(const ChartNode& node) {
  if (node.final) return {"#e6f4ea", "#1e5e2f", "rounded,filled"};
  switch (node.kind) {
    case ChartNodeKind::immediate_risk: return {"#fde8e8", "#a4001d", "rounded,filled"};
    case ChartNodeKind::informal: return {"#f3f3f3", "#555555", "rounded,filled,dashed"};
    case ChartNodeKind::route: return {"#fff4e0", "#8a5a00", "rounded,filled"};
    case ChartNodeKind::formal: break;
  }
  return {"#eef4fb", "#1f4e79", "rounded,filled"};
}

std::string node_label(const ChartNode& node) {
  constexpr std::size_t width = 40;
  std::string rows = fmt::format("<TR><TD><B>{}</B></TD></TR>", label_lines(node.heading, width));
  if (!node.who.empty()) rows += fmt::format("<TR><TD>{}</TD></TR>", label_lines(node.who, width));
  std::string when = node.timeframe;
  if (!node.by_day.empty()) when += (when.empty() ? "" : "; ") + node.by_day;
  if (!when.empty()) rows += fmt::format("<TR><TD><I>{}</I></TD></TR>", label_lines(when, width));
  if (!node.formal_start.empty()) rows += fmt::format("<TR><TD><B>{}</B></TD></TR>", label_lines(node.formal_start, width));
  for (std::size_t s = 0; s < node.steps.size(); ++s) {
    const auto& step = node.steps[s];
    auto text = fmt::format("{}. {}{}", s + 1, step.title, step.timeframe.empty() ? "" : " (" + step.timeframe + ")");
    rows += fmt::format("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>", label_lines(text, width + 8));
  }
  if (node.final) {
    rows += fmt::format("<TR><TD><B>{}</B></TD></TR>",
                        node.binding ? "Final stage: the decision is binding" : "Final stage");
  }
  return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">" + rows + "</TABLE>>";
}

std::string edge_attributes(const ChartEdge& edge) {
  auto escaped = quoted(wrapped(edge.label, 30));
  switch (edge.kind) {
    case ChartEdgeKind::escalation:
      return fmt::format("label={}, color=\"#1f4e79\", penwidth=1.5, weight=10", escaped);
    case ChartEdgeKind::alternative:
      return fmt::format("label={}, color=\"#1f4e79\", style=dashed", escaped);
    case ChartEdgeKind::entry:
      return fmt::format("label={}, color=\"#8a5a00\", fontcolor=\"#5c3c00\", style=dashed", escaped);
    case ChartEdgeKind::back:
      // constraint=false keeps a move back from turning the chart upside down.
      return fmt::format("label={}, color=\"#555555\", style=dashed, constraint=false", escaped);
    case ChartEdgeKind::bypass:
      return fmt::format("label={}, color=\"#a4001d\", fontcolor=\"#a4001d\", penwidth=2, constraint=false",
                         escaped);
  }
  return "label=" + escaped;
}

}  // namespace

std::string emit_dot(const Chart& chart) {
  std::string out = "digraph escalation {\n";
  out += fmt::format("  graph [label={}, labelloc=t, fontsize=18, fontname=\"Helvetica,Arial,sans-serif\", "
                     "rankdir=TB, nodesep=0.5, ranksep=0.6, newrank=true];\n",
                     quoted({chart.title}));
  out += "  node [shape=box, fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, margin=\"0.15,0.08\"];\n";
  out += "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10];\n";
  for (const auto& node : chart.nodes) {
    auto colours = palette_of(node);
    out += fmt::format("  {} [label={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\"{}];\n", node_name(node),
                       node_label(node), colours.style, colours.fill, colours.border,
                       node.final ? ", peripheries=2, penwidth=2" : "");
  }
  // Invisible links in file order hold the stages top to bottom as the protocol lists
  // them, whatever the arrows between them do.
  std::set<std::pair<std::size_t, std::size_t>> linked;
  for (const auto& edge : chart.edges) linked.insert({edge.from, edge.to});
  std::size_t first = !chart.nodes.empty() && chart.nodes[0].kind == ChartNodeKind::immediate_risk ? 1 : 0;
  for (std::size_t i = first + 1; i < chart.nodes.size(); ++i) {
    if (linked.count({i - 1, i})) continue;
    out += fmt::format("  {} -> {} [style=invis, weight=5];\n", node_name(chart.nodes[i - 1]),
                       node_name(chart.nodes[i]));
  }
  for (const auto& edge : chart.edges) {
    out += fmt::format("  {} -> {} [{}];\n", node_name(chart.nodes[edge.from]), node_name(chart.nodes[edge.to]),
                       edge_attributes(edge));
    if (edge.kind == ChartEdgeKind::bypass) {
      out += fmt::format("  {{ rank=same; {}; {}; }}\n", node_name(chart.nodes[edge.from]),
                         node_name(chart.nodes[edge.to]));
    }
  }
  return out + "}\n";
}

}  // namespace esc::backends
