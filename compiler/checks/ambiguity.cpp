// G012: where the document is ambiguous or contradicts itself, so that the board sees
// each point the protocol records with more than one reading.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::checks {

void ambiguity(const Context& context, DiagnosticSink& sink) {
  for (const auto& point : context.model.ambiguities) {
    std::vector<std::string> labels;
    for (const auto& reading : point.readings) labels.push_back(fmt::format("'{}'", reading.label.value));
    auto readings = labels.size() > 1 ? fmt::format("escc checks each reading, {}", spoken_list(labels, "and"))
                    : labels.size() == 1 ? fmt::format("only one reading is written, {}", labels.front())
                                         : std::string("no reading is written");
    auto& d = sink.report(Code::G012, point.span,
                          fmt::format("the document is ambiguous here ({}): {}; {}", point.place, point.about.value,
                                      readings));
    if (labels.size() < 2) d.suggestion = "write each reading the document allows, as in: reading \"...\" { ... }";
  }
}

}  // namespace esc::checks
