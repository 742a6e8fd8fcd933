// Every `source` and `context` of a protocol verified against the document it names: the
// quote is there (after normalising, see document_text.hpp), and where; or it is not,
// and which passage of the document comes closest. A `note` is the transcriber's own
// words and is not looked for. Quotes in files the protocol uses are not looked for
// either: a shared file serves protocols with documents of their own. Those of the
// regional protocol a protocol extends are looked for in the regional document.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "compiler/analysis/document_text.hpp"
#include "compiler/model/model.hpp"

namespace esc::analysis {

struct VerifiedQuote {
  Span quote;  // the quoted text in the protocol
  // The document it is looked for in, as its protocol names it: a regional protocol's
  // quotes are looked for in its own document.
  std::string_view document;
  model::PassageKind kind = model::PassageKind::source;
  // Where in the document it is, one range per part between omissions; empty when it is
  // not there. A passage the document repeats is quoted by each quote of it in turn: the
  // second quote of the same words rests on their second place in the document.
  std::vector<TextRange> found;
  QuoteMiss miss;  // when not found
  std::optional<ClosestPassage> closest;  // when not found, and some passage shares its words
};

struct QuoteVerification {
  std::vector<VerifiedQuote> quotes;  // in the order the protocol writes them
};

// Nothing when the protocol names no document.
std::optional<QuoteVerification> verify_quotes(const model::Model& model);

}  // namespace esc::analysis
