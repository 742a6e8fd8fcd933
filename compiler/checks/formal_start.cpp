// S011: the stage the formal procedure starts at ("Stage 3 is the formal stage") must be
// one of the protocol's stages; otherwise duties "at every formal stage" hold nowhere the
// reader can find, and the outputs cannot show where the procedure becomes formal.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

void formal_start(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol || !context.model.protocol->formal_start) return;
  const auto& start = *context.model.protocol->formal_start;
  const auto& stages = context.model.stages;
  bool found = std::any_of(stages.begin(), stages.end(), [&](const model::Stage& stage) {
    return stage.kind == model::StageKind::formal && stage.number == start.stage_number;
  });
  if (found) return;
  auto& d = sink.report(Code::S011, start.span,
                        fmt::format("the protocol says the {}procedure starts at stage {}, but it has no stage {}",
                                    start.called_formal ? "formal " : "", start.stage_number, start.stage_number));
  d.suggestion = "name the stage the document says the formal procedure starts at";
}

}  // namespace esc::checks
