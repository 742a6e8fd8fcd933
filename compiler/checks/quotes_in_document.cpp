// D001: a `source` or `context` that is not in the document the protocol names. A quote
// is the document's own words, on which a statement rests; one the document does not
// hold is a paraphrase, a mistyping, or words from another version of the document, and
// what rests on it has not been shown to be what the document says.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"

namespace esc::checks {
namespace {

// A part of a quote as a message shows it: on one line, and short.
std::string shown(std::string_view part) {
  constexpr std::size_t longest = 60;
  if (part.size() <= longest) return std::string(part);
  auto cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(part[cut]) & 0xC0) == 0x80) --cut;
  return std::string(part.substr(0, cut)) + "…";
}

}  // namespace

void quotes_in_document(const Context& context, DiagnosticSink& sink) {
  if (!context.quotes) return;
  for (const auto& quote : context.quotes->quotes) {
    if (!quote.found.empty()) continue;
    auto document = quote.document;
    const auto& miss = quote.miss;
    std::string message;
    if (miss.elsewhere) {
      message = fmt::format("'{}' is in the document {}, but not after '{}': the parts of a quote with '...' come in "
                            "the document's order",
                            shown(miss.part), document, shown(miss.previous));
    } else if (!miss.previous.empty()) {
      message = fmt::format("'{}', a part of this quote, is not in the document {}", shown(miss.part), document);
    } else {
      message = fmt::format("these words are not in the document {}", document);
    }
    auto& d = sink.report(Code::D001, quote.quote, std::move(message));
    if (quote.closest) {
      d.suggestion = fmt::format("the closest passage in {}, line {}: '{}'", document, quote.closest->line,
                                 quote.closest->text);
    } else {
      d.suggestion = fmt::format("no passage of {} shares a word with it: is it the right document?", document);
    }
  }
}

}  // namespace esc::checks
