// G015: the protocol cites two different versions, or two different dates, as its own
// (a title page and a footer that disagree): a reader cannot tell which is current.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {

void versions_cited(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& protocol = *context.model.protocol;
  for (std::size_t i = 1; i < protocol.versions.size(); ++i) {
    const auto& first = protocol.versions.front();
    const auto& other = protocol.versions[i];
    if (normalise_words(first.value) == normalise_words(other.value)) continue;
    auto& d = sink.report(Code::G015, other.span,
                          fmt::format("the protocol cites version '{}' here, but version '{}' where it is given before",
                                      other.value, first.value));
    d.notes.push_back({first.span, "the first version is given here"});
    d.suggestion = "give the version the document is; if it cites two, record them with 'ambiguous'";
  }
  for (std::size_t i = 1; i < protocol.dates.size(); ++i) {
    const auto& first = protocol.dates.front();
    const auto& other = protocol.dates[i];
    if (first.year == other.year && first.month == other.month && first.day == other.day) continue;
    auto& d = sink.report(Code::G015, other.span,
                          fmt::format("the protocol is dated {} here, but {} where its date is given before",
                                      long_date({other.year, other.month, std::max(other.day, 1)}, other.month_only()),
                                      long_date({first.year, first.month, std::max(first.day, 1)}, first.month_only())));
    d.notes.push_back({first.span, "the first date is given here"});
    d.suggestion = "give the date the document is; if it cites two, record them with 'ambiguous'";
  }
}

}  // namespace esc::checks
