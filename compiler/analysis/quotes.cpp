#include "compiler/analysis/quotes.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace esc::analysis {

namespace {

// The quotes written in `file`, verified against `named`, in the order they are written.
void verify_file(const model::Model& model, FileId file, const model::Document& named,
                 QuoteVerification& verification) {
  std::vector<const model::Passage*> passages;
  model::for_each_described(model, [&](const model::Described& described) {
    for (const auto& passage : described.passages()) {
      if (passage.kind != model::PassageKind::note && passage.text.span.file == file) passages.push_back(&passage);
    }
  });
  std::sort(passages.begin(), passages.end(),
            [](const auto* a, const auto* b) { return a->text.span.begin < b->text.span.begin; });

  // Normalised once, whatever the number of quotes.
  DocumentText document(named.text);
  std::optional<ClosestPassages> closest;  // built at the first quote not found
  std::map<std::string_view, std::size_t> quoted_before;
  verification.quotes.reserve(verification.quotes.size() + passages.size());
  for (const auto* passage : passages) {
    VerifiedQuote verified;
    verified.quote = passage->text.span;
    verified.document = named.named.value;
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
}

}  // namespace

std::optional<QuoteVerification> verify_quotes(const model::Model& model) {
  const auto* regional = model.regional && model.regional->protocol.document ? &*model.regional : nullptr;
  bool own = model.protocol && model.protocol->document;
  if (!own && regional == nullptr) return std::nullopt;
  QuoteVerification verification;
  if (own) verify_file(model, model.file, *model.protocol->document, verification);
  if (regional != nullptr) verify_file(model, regional->file, *regional->protocol.document, verification);
  return verification;
}

}  // namespace esc::analysis
