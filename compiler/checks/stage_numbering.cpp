// S005: stages should be declared in order and numbered 1, 2, 3 ... without gaps.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void stage_numbering(const Context& context, DiagnosticSink& sink) {
  std::int64_t expected = 1;
  const model::Stage* previous = nullptr;
  for (const auto& stage : context.model.stages) {
    if (stage.kind != model::StageKind::formal) continue;
    if (previous != nullptr && stage.number < previous->number) {
      auto* d = report_unless_unknown(
          context, sink, Code::S005, stage.span,
          fmt::format("stage {} comes after stage {} in the file", stage.number, previous->number), {},
          "the order of the stages");
      if (d != nullptr) {
        d->notes.push_back({previous->span, fmt::format("stage {} is here", previous->number)});
        d->suggestion = "put the stages in the order of their numbers";
      }
    } else if (stage.number > expected) {
      auto missing = expected == stage.number - 1 ? fmt::format("stage {}", expected)
                                                  : fmt::format("stages {} to {}", expected, stage.number - 1);
      report_unless_unknown(context, sink, Code::S005, stage.span,
                            fmt::format("stage {} follows {}, so there is no {}", stage.number,
                                        previous ? fmt::format("stage {}", previous->number) : std::string("nothing"),
                                        missing),
                            {}, fmt::format("whether there is a {}", missing));
    }
    expected = std::max(expected, stage.number + 1);
    previous = &stage;
  }
}

}  // namespace esc::checks
