#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "compiler/findings/render.hpp"
#include "compiler/source/encoding.hpp"

namespace esc {
namespace {

// Everything shown passes through here or through printable(): messages quote the
// protocol's own text and file names, which must not reach a terminal as controls.
std::string paint(const HumanStyle& style, fmt::text_style text_style, std::string_view text) {
  auto safe = printable(text);
  return style.colour ? fmt::format(text_style, "{}", safe) : safe;
}

fmt::text_style severity_style(Severity severity) {
  switch (severity) {
    case Severity::error: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_red);
    case Severity::warning: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_yellow);
    case Severity::note: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_cyan);
  }
  return {};
}

const auto gutter_style = fmt::fg(fmt::terminal_color::bright_blue) | fmt::emphasis::bold;

// Byte offset in `line` of the character at 1-based `column`.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::size_t byte = 0;
  for (std::uint32_t seen = 1; byte < line.size() && seen < column; ++seen) {
    ++byte;
    while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
  }
  return byte;
}

// Back to the start of the UTF-8 character containing `byte`.
std::size_t character_start(std::string_view line, std::size_t byte) {
  while (byte > 0 && byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) --byte;
  return byte;
}

void render_snippet(std::string& out, const SourceFile& file, Span span, const HumanStyle& style,
                    fmt::text_style caret_style) {
  auto start = file.locate(span.begin);
  auto line = file.line_text(start.line);
  auto number = std::to_string(start.line);
  auto pad = std::string(number.size(), ' ');

  auto begin_byte = byte_of_column(line, start.column);
  auto line_start_offset = span.begin - static_cast<std::uint32_t>(begin_byte);
  auto end_byte = std::min<std::size_t>(line.size(), span.end > line_start_offset ? span.end - line_start_offset : 0);
  end_byte = std::max(end_byte, begin_byte);

  // Very long lines are shown around the caret only.
  std::size_t shown_from = 0;
  std::size_t shown_to = line.size();
  if (line.size() > style.widest_line) {
    shown_from = character_start(line, begin_byte > 40 ? begin_byte - 40 : 0);
    shown_to = character_start(line, std::min(line.size(), shown_from + style.widest_line));
    end_byte = std::min(end_byte, shown_to);
  }
  auto shown = printable(line.substr(shown_from, shown_to - shown_from), true);
  auto lead = shown_from > 0 ? std::string("...") : std::string();
  auto tail = shown_to < line.size() ? std::string("...") : std::string();

  auto caret_offset = count_characters(line.substr(shown_from, begin_byte - shown_from)) + lead.size();
  auto caret_width = std::max<std::size_t>(1, count_characters(line.substr(begin_byte, end_byte - begin_byte)));

  out += fmt::format("{} {}\n", pad, paint(style, gutter_style, "|"));
  out += fmt::format("{} {} {}{}{}\n", paint(style, gutter_style, number), paint(style, gutter_style, "|"), lead,
                     shown, tail);
  out += fmt::format("{} {} {}{}\n", pad, paint(style, gutter_style, "|"), std::string(caret_offset, ' '),
                     paint(style, caret_style, std::string(caret_width, '^')));
}

std::string location(const SourceManager& sources, Span span) {
  const auto& file = sources.file(span.file);
  auto at = file.locate(span.begin);
  return fmt::format("{}:{}:{}", printable(file.path(), true), at.line, at.column);
}

}  // namespace

std::string render_human(const Diagnostic& diagnostic, const SourceManager& sources, const HumanStyle& style) {
  const auto& info = code_info(diagnostic.code);
  auto header_style = severity_style(diagnostic.severity);
  std::string out = fmt::format("{}{}\n",
                                paint(style, header_style,
                                      fmt::format("{}[{}]", severity_name(diagnostic.severity), info.id)),
                                paint(style, fmt::emphasis::bold, fmt::format(": {}", diagnostic.message)));
  if (diagnostic.span) {
    out += fmt::format("  {} {}\n", paint(style, gutter_style, "-->"), location(sources, *diagnostic.span));
    render_snippet(out, sources.file(diagnostic.span->file), *diagnostic.span, style, header_style);
  } else if (!diagnostic.file_path.empty()) {
    out += fmt::format("  {} {}\n", paint(style, gutter_style, "-->"), printable(diagnostic.file_path, true));
  }
  for (const auto& note : diagnostic.notes) {
    if (note.span) {
      out += fmt::format("  {}: {}\n      {} {}\n", paint(style, gutter_style, "= note"), printable(note.message),
                         paint(style, gutter_style, "-->"), location(sources, *note.span));
    } else {
      out += fmt::format("  {}: {}\n", paint(style, gutter_style, "= note"), printable(note.message));
    }
  }
  if (!diagnostic.suggestion.empty()) {
    out += fmt::format("  {}: {}\n", paint(style, gutter_style, "= help"), printable(diagnostic.suggestion));
  }
  return out;
}

std::string render_summary(const DiagnosticSink& sink, std::size_t files, const HumanStyle& style) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  auto file_words = plural(files, "file");
  auto errors = sink.errors();
  auto warnings = sink.count(Severity::warning);
  auto allowed = sink.allowed();
  std::size_t in_baseline = 0;
  for (const auto& d : sink.diagnostics()) in_baseline += d.in_baseline ? 1 : 0;
  std::string allowed_words;
  if (allowed > in_baseline) allowed_words = fmt::format("{} more allowed by the protocol", allowed - in_baseline);
  if (in_baseline > 0) {
    allowed_words += fmt::format("{}{} in the baseline", allowed_words.empty() ? "" : ", ", in_baseline);
  }
  if (!allowed_words.empty()) allowed_words = " (" + allowed_words + ")";
  if (errors == 0 && warnings == 0) return fmt::format("escc: no problems found in {}{}\n", file_words, allowed_words);
  std::string counts;
  if (errors > 0) counts = paint(style, severity_style(Severity::error), plural(errors, "error"));
  if (warnings > 0) {
    if (!counts.empty()) counts += " and ";
    counts += paint(style, severity_style(Severity::warning), plural(warnings, "warning"));
  }
  return fmt::format("escc: {} in {}{}\n", counts, file_words, allowed_words);
}

}  // namespace esc
