#include "compiler/analysis/trace.hpp"

#include <algorithm>
#include <map>

namespace esc::analysis {

std::string_view paragraph_status_name(ParagraphStatus status) {
  switch (status) {
    case ParagraphStatus::statements: return "statements";
    case ParagraphStatus::context_only: return "context only";
    case ParagraphStatus::not_accounted_for: return "not accounted for";
  }
  return "";
}

bool Trace::covers(double percent) const {
  if (paragraphs.empty()) return percent <= 0;
  return static_cast<double>(accounted_for) * 100.0 >= percent * static_cast<double>(paragraphs.size());
}

int Trace::percent() const {
  if (paragraphs.empty()) return 100;
  return static_cast<int>(accounted_for * 100 / paragraphs.size());
}

std::optional<Trace> trace_document(const model::Model& model, const Analyses& analyses) {
  if (!model.protocol || !model.protocol->document || !analyses.quotes) return std::nullopt;
  const auto& document = *model.protocol->document;
  Trace trace;
  trace.document = document.named.value;
  trace.text = document.text;

  // The verified quotes, by where they are written.
  // The document's own: a regional protocol's quotes rest on the regional document.
  std::map<std::uint32_t, const VerifiedQuote*> verified;
  for (const auto& quote : analyses.quotes->quotes) {
    if (quote.quote.file == model.file) verified.emplace(quote.quote.begin, &quote);
  }
  std::vector<std::pair<TracedQuote, const VerifiedQuote*>> quotes;
  model::for_each_described_where(model, [&](const model::Described& described, const model::Where& where) {
    for (const auto& passage : described.passages()) {
      if (passage.text.span.file != model.file) continue;
      auto found = verified.find(passage.text.span.begin);
      if (found == verified.end()) continue;  // a note
      TracedQuote traced;
      traced.where = where.describe();
      traced.quote = passage.text.span;
      // A `context` is about nothing but the passage it quotes: it is its own statement.
      traced.about_statement = !passage.about.empty() && passage.kind != model::PassageKind::context;
      traced.statement = passage.kind == model::PassageKind::context ? passage.text.span
                         : traced.about_statement                   ? passage.about_span
                                                                    : where.span();
      traced.kind = passage.kind;
      traced.found = !found->second->found.empty();
      quotes.emplace_back(std::move(traced), found->second);
    }
  });
  std::sort(quotes.begin(), quotes.end(),
            [](const auto& a, const auto& b) { return a.first.quote.begin < b.first.quote.begin; });

  DocumentText text(document.text);
  auto words = text.words();
  auto paragraphs = paragraphs_of(document.text);
  std::vector<bool> quoted(words.size(), false);
  auto first_word_ending_after = [&](std::uint32_t offset) {
    return std::upper_bound(words.begin(), words.end(), offset,
                            [](std::uint32_t at, const TextRange& word) { return at < word.end; });
  };
  auto first_paragraph_ending_after = [&](std::uint32_t offset) {
    return std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                            [](std::uint32_t at, const TextRange& paragraph) { return at < paragraph.end; });
  };
  std::vector<std::vector<std::size_t>> resting(paragraphs.size());
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    trace.quotes.push_back(quotes[q].first);
    for (const auto& range : quotes[q].second->found) {
      for (auto word = first_word_ending_after(range.begin); word != words.end() && word->begin < range.end; ++word) {
        quoted[static_cast<std::size_t>(word - words.begin())] = true;
      }
      for (auto paragraph = first_paragraph_ending_after(range.begin);
           paragraph != paragraphs.end() && paragraph->begin < range.end; ++paragraph) {
        auto& rests = resting[static_cast<std::size_t>(paragraph - paragraphs.begin())];
        if (rests.empty() || rests.back() != q) rests.push_back(q);
      }
    }
  }

  std::uint32_t line = 1;
  std::uint32_t counted_to = 0;
  auto line_at = [&](std::uint32_t offset) {
    line += static_cast<std::uint32_t>(std::count(document.text.begin() + counted_to, document.text.begin() + offset, '\n'));
    counted_to = offset;
    return line;
  };
  auto word = words.begin();
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    TracedParagraph paragraph;
    paragraph.range = paragraphs[p];
    paragraph.first_line = line_at(paragraph.range.begin);
    paragraph.last_line = line_at(paragraph.range.end);
    while (word != words.end() && word->begin < paragraph.range.begin) ++word;
    for (; word != words.end() && word->begin < paragraph.range.end; ++word) {
      ++paragraph.words;
      paragraph.quoted_words += quoted[static_cast<std::size_t>(word - words.begin())];
    }
    paragraph.quotes = std::move(resting[p]);
    if (paragraph.quoted_words * 2 > paragraph.words) {
      bool rests_on_statement = std::any_of(paragraph.quotes.begin(), paragraph.quotes.end(), [&](std::size_t q) {
        return trace.quotes[q].kind == model::PassageKind::source;
      });
      paragraph.status = rests_on_statement ? ParagraphStatus::statements : ParagraphStatus::context_only;
      ++trace.accounted_for;
    }
    trace.paragraphs.push_back(std::move(paragraph));
  }
  return trace;
}

}  // namespace esc::analysis
