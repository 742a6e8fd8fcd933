#include "compiler/backends/trace_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/analysis/document_text.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;
using analysis::ParagraphStatus;

using analysis::one_line;

// Characters, not bytes, so that lines with curly quotes wrap where the eye expects.
std::size_t width_of(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

std::string wrapped(std::string_view text, std::string_view indent, std::size_t width) {
  std::string out;
  std::size_t used = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = std::min(text.find(' ', start), text.size());
    auto word = text.substr(start, end - start);
    auto length = width_of(word);
    if (used > indent.size() && used + 1 + length > width) {
      out += '\n';
      used = 0;
    }
    if (used == 0) {
      out += indent;
      used = indent.size();
    } else {
      out += ' ';
      ++used;
    }
    out += word;
    used += length;
    start = end + 1;
  }
  return out + "\n";
}

// The statement a quote is about, as written in the protocol, shortened.
std::string statement_words(const analysis::TracedQuote& quote, const SourceManager& sources) {
  if (!quote.about_statement) return quote.where;
  auto text = sources.file(quote.statement.file).text().substr(quote.statement.begin,
                                                                quote.statement.end - quote.statement.begin);
  auto words = one_line(text.substr(0, text.find('\n')));
  constexpr std::size_t longest = 50;
  if (words.size() > longest) {
    auto cut = longest - 3;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
    words = words.substr(0, cut) + "…";
  }
  return quote.where + " › " + words;
}

std::uint32_t line_of(Span span, const SourceManager& sources) { return sources.file(span.file).locate(span.begin).line; }

std::string lines(const analysis::TracedParagraph& paragraph) {
  return paragraph.first_line == paragraph.last_line ? fmt::format("line {}", paragraph.first_line)
                                                      : fmt::format("lines {}-{}", paragraph.first_line,
                                                                    paragraph.last_line);
}

std::string status_words(const analysis::TracedParagraph& paragraph) {
  auto quoted = paragraph.words == 0 ? 0 : paragraph.quoted_words * 100 / paragraph.words;
  switch (paragraph.status) {
    case ParagraphStatus::statements: return fmt::format("rests on statements ({}% of its words quoted)", quoted);
    case ParagraphStatus::context_only: return fmt::format("context only ({}% of its words quoted)", quoted);
    case ParagraphStatus::not_accounted_for:
      return quoted == 0 && paragraph.quoted_words == 0
                 ? std::string("not accounted for")
                 : fmt::format("not accounted for (only {}% of its words quoted)", quoted);
  }
  return "";
}

std::string share(const analysis::Trace& trace) {
  return fmt::format("{} of {} paragraph{} of {} accounted for ({}%)", trace.accounted_for, trace.paragraphs.size(),
                     trace.paragraphs.size() == 1 ? "" : "s", trace.document, trace.percent());
}

json quote_json(const analysis::TracedQuote& quote, const SourceManager& sources) {
  return {{"kind", model::passage_kind_name(quote.kind)},
          {"statement", statement_words(quote, sources)},
          {"line", line_of(quote.statement, sources)},
          {"quote_line", line_of(quote.quote, sources)}};
}

}  // namespace

std::string render_trace_text(const analysis::Trace& trace, const SourceManager& sources, const std::string& protocol) {
  constexpr std::size_t width = 88;
  std::string out = fmt::format("{} against the document {}\n", protocol, trace.document);
  for (std::size_t p = 0; p < trace.paragraphs.size(); ++p) {
    const auto& paragraph = trace.paragraphs[p];
    out += fmt::format("\nParagraph {}, {}: {}\n", p + 1, lines(paragraph), status_words(paragraph));
    out += wrapped(one_line(trace.text.substr(paragraph.range.begin, paragraph.range.end - paragraph.range.begin)),
                   "    ", width);
    for (auto q : paragraph.quotes) {
      const auto& quote = trace.quotes[q];
      auto label = quote.kind == model::PassageKind::context ? "context in" : "rests on";
      out += fmt::format("  {} {} (line {})\n", label, statement_words(quote, sources), line_of(quote.statement, sources));
    }
  }
  std::string missing;
  for (const auto& quote : trace.quotes) {
    if (quote.found) continue;
    missing += fmt::format("  line {}: {} {}\n", line_of(quote.quote, sources), model::passage_kind_name(quote.kind),
                           statement_words(quote, sources));
  }
  if (!missing.empty()) {
    out += fmt::format("\nQuotes not found in {}, which account for nothing ('escc check' says why):\n{}",
                       trace.document, missing);
  }
  std::size_t on_statements = 0, context_only = 0;
  for (const auto& paragraph : trace.paragraphs) {
    on_statements += paragraph.status == ParagraphStatus::statements;
    context_only += paragraph.status == ParagraphStatus::context_only;
  }
  out += fmt::format("\n{}: {} rest on statements, {} {} context only, {} {} not accounted for.\n", share(trace),
                     on_statements, context_only, context_only == 1 ? "is" : "are",
                     trace.paragraphs.size() - trace.accounted_for,
                     trace.paragraphs.size() - trace.accounted_for == 1 ? "is" : "are");
  return out;
}

std::string render_trace_json(const analysis::Trace& trace, const SourceManager& sources, const std::string& protocol) {
  json paragraphs = json::array();
  for (std::size_t p = 0; p < trace.paragraphs.size(); ++p) {
    const auto& paragraph = trace.paragraphs[p];
    json quotes = json::array();
    for (auto q : paragraph.quotes) quotes.push_back(quote_json(trace.quotes[q], sources));
    paragraphs.push_back(
        {{"number", p + 1},
         {"first_line", paragraph.first_line},
         {"last_line", paragraph.last_line},
         {"text", one_line(trace.text.substr(paragraph.range.begin, paragraph.range.end - paragraph.range.begin))},
         {"words", paragraph.words},
         {"quoted_words", paragraph.quoted_words},
         {"status", analysis::paragraph_status_name(paragraph.status)},
         {"quotes", std::move(quotes)}});
  }
  json missing = json::array();
  for (const auto& quote : trace.quotes) {
    if (!quote.found) missing.push_back(quote_json(quote, sources));
  }
  json report = {{"protocol", protocol},
                 {"document", trace.document},
                 {"paragraphs", std::move(paragraphs)},
                 {"quotes_not_found", std::move(missing)},
                 {"accounted_for", trace.accounted_for},
                 {"paragraph_count", trace.paragraphs.size()},
                 {"percent", trace.percent()}};
  return report.dump(2) + "\n";
}

std::string render_trace_summary(const analysis::Trace& trace, const std::string& protocol) {
  return fmt::format("{}: {}\n", protocol, share(trace));
}

}  // namespace esc::backends
