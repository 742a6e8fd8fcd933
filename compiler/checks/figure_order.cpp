// S006: a diagram that orders the stages differently from the text misleads readers.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"

namespace esc::checks {

void figure_order(const Context& context, DiagnosticSink& sink) {
  std::vector<std::int64_t> numbers;
  const model::Stage* last = nullptr;
  for (const auto& stage : context.model.stages) {
    if (stage.kind != model::StageKind::formal) continue;
    numbers.push_back(stage.number);
    last = &stage;
  }
  for (const auto& figure : context.model.figures) {
    if (figure.stage_numbers == numbers) continue;
    auto* d = report_unless_unknown(context, sink, Code::S006, figure.span,
                                    fmt::format("'{}' shows the stages in the order {}, but the protocol's stages run {}",
                                                figure.title.value, fmt::join(figure.stage_numbers, ", "),
                                                fmt::join(numbers, ", ")),
                                    {}, fmt::format("the order '{}' shows", figure.title.value));
    if (d != nullptr && last != nullptr) d->notes.push_back({last->span, "the last stage in the text is here"});
  }
}

}  // namespace esc::checks
