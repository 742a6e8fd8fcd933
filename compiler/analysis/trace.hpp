// `escc trace`: the document paragraph by paragraph, each with the quotes that rest on it
// and whether they account for it. A paragraph is accounted for when verified quotes
// (`source` or `context`) cover more than half of its words: "most of it", as a reader
// would say. Any quote at all would let one phrase stand for a paragraph of duties; all
// of its words would fail every paragraph whose quotes leave out a heading or a clause
// number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

struct TracedQuote {
  std::string where;  // the entity that keeps it: "stage 2", "agency police › line 1"
  Span quote;         // the quoted text in the protocol
  // The statement it is about, when that statement is no entity of its own (a stage's
  // `within`, the protocol's `covers`); else the entity's own statement; for a
  // `context`, the quote itself.
  Span statement;
  bool about_statement = false;
  model::PassageKind kind = model::PassageKind::source;
  bool found = false;
};

enum class ParagraphStatus : std::uint8_t { statements, context_only, not_accounted_for };
std::string_view paragraph_status_name(ParagraphStatus status);  // "statements", "context only", ...

struct TracedParagraph {
  TextRange range;  // in the document
  std::uint32_t first_line = 1;
  std::uint32_t last_line = 1;
  std::size_t words = 0;
  std::size_t quoted_words = 0;
  ParagraphStatus status = ParagraphStatus::not_accounted_for;
  std::vector<std::size_t> quotes;  // indices into Trace::quotes, in the protocol's order
};

struct Trace {
  std::string_view document;  // as the protocol names it
  std::string_view text;      // the document itself
  std::vector<TracedParagraph> paragraphs;
  std::vector<TracedQuote> quotes;  // every source and context of the protocol, in its order
  std::size_t accounted_for = 0;

  // Whether at least `percent` of the paragraphs are accounted for.
  bool covers(double percent) const;
  // The share accounted for, in whole percent, rounded down: never more than it is.
  int percent() const;
};

// Nothing when the protocol names no document.
std::optional<Trace> trace_document(const model::Model& model, const Analyses& analyses);

}  // namespace esc::analysis
