// G009: a document to be read alongside the protocol, linked at two different
// addresses: at most one of them can be right, and readers may land on the wrong one.
#include <fmt/format.h>

#include <map>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {

void document_links(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  std::map<std::string, const model::ReadWith*> first;
  for (const auto& document : context.model.protocol->read_with) {
    if (!document.url) continue;
    auto [seen, added] = first.emplace(normalise_words(document.title.value), &document);
    if (added || seen->second->url->value == document.url->value) continue;
    auto& d = sink.report(Code::G009, document.url->span,
                          fmt::format("'{}' is linked here as {}, but earlier as {}", document.title.value,
                                      document.url->value, seen->second->url->value));
    d.notes.push_back({seen->second->url->span, "the other address is here"});
    d.suggestion = "check which address works and use it in both places";
  }
}

}  // namespace esc::checks
