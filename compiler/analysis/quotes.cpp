#include "compiler/analysis/quotes.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace esc::analysis {

std::optional<QuoteVerification> verify_quotes(const model::Model& model) {
  if (!model.protocol || !model.protocol->document) return std::nullopt;
  std::vector<const model::Passage*> passages;
  model::for_each_described(model, [&](const model::Described& described) {
    for (const auto& passage : described.passages()) {
      if (passage.kind != model::PassageKind::note && passage.text.span.file == model.file) passages.push_back(&passage);
    }
  });
  std::sort(passages.begin(), passages.end(),
            [](const auto* a, const auto* b) { return a->text.span.begin < b->text.span.begin; });

  // Normalised once, whatever the number of quotes.
  DocumentText document(model.protocol->document->text);
  std::optional<ClosestPassages> closest;  // built at the first quote not found
  std::map<std::string_view, std::size_t> quoted_before;
  QuoteVerification verification;
  verification.quotes.reserve(passages.size());
  for (const auto* passage : passages) {
    VerifiedQuote verified;
    verified.quote = passage->text.span;
    verified.kind = passage->kind;
    // The n-th quote of the same words needs no more than n places of them.
    auto turn = quoted_before[passage->text.value]++;
    auto places = document.find(passage->text.value, turn + 1);
    if (!places.empty()) {
      verified.found = std::move(places.back());
    } else {
      verified.miss = document.miss(passage->text.value);
      if (!closest) closest.emplace(document);
      verified.closest = closest->closest(verified.miss.part);
    }
    verification.quotes.push_back(std::move(verified));
  }
  return verification;
}

}  // namespace esc::analysis
