#include "compiler/checks/unknowns.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/model/unknowns.hpp"

namespace esc::checks {
namespace {

const model::Affected* affected(const model::Unknown& unknown, Code code) {
  const auto& affects = model::row_of(unknown.subject).affects;
  auto found = std::find_if(affects.begin(), affects.end(), [&](const model::Affected& a) { return a.code == code; });
  return found == affects.end() ? nullptr : &*found;
}

const model::Unknown* among(const std::vector<model::Unknown>& unknowns, Code code) {
  for (const auto& unknown : unknowns) {
    if (affected(unknown, code) != nullptr) return &unknown;
  }
  return nullptr;
}

}  // namespace

const model::Unknown* recorded_unknown(const model::Model& model, Code code, const Place& place) {
  const model::Unknown* found = nullptr;
  if (place.line != nullptr) found = among(place.line->unknowns, code);
  if (found == nullptr && place.agency != nullptr) found = among(place.agency->unknowns, code);
  if (found == nullptr && place.stage != nullptr) found = among(place.stage->unknowns, code);
  if (found == nullptr && model.protocol) found = among(model.protocol->unknowns, code);
  return found;
}

Diagnostic* report_unless_unknown(const Context& context, DiagnosticSink& sink, Code code, Span span,
                                  std::string message, const Place& place, std::string_view what) {
  const auto* unknown = recorded_unknown(context.model, code, place);
  if (unknown == nullptr) return &sink.report(code, span, std::move(message));
  if (affected(*unknown, code)->telling == model::Telling::quiet) return nullptr;
  return &report_as_unknown(sink, code, span, message, *unknown, model::row_of(unknown->subject).means, what);
}

Diagnostic& report_as_unknown(DiagnosticSink& sink, Code code, Span span, std::string_view message,
                              const model::Unknown& unknown, std::string_view recorded, std::string_view what) {
  auto why = unknown.reason ? fmt::format(" ({})", unknown.reason->value) : std::string();
  Diagnostic* d = nullptr;
  if (unknown.lost_in_extraction()) {
    d = &sink.report(code, span,
                     fmt::format("escc cannot check {}: the protocol records {} as unknown{}", what, recorded, why));
    d->severity = Severity::note;
  } else {
    d = &sink.report(code, span, fmt::format("{}; the protocol records {} as unknown{}", message, recorded, why));
  }
  d->notes.push_back({unknown.span, "recorded as unknown here"});
  return *d;
}

}  // namespace esc::checks
