// Findings about what a protocol records as unknown. A check that would report
// something the protocol records as `unknown SUBJECT "reason"` reports through here: the
// table in compiler/model/unknowns.hpp says whether the subject bears on the finding,
// and whether the check then says so or stays quiet.
#pragma once

#include <string>
#include <string_view>

#include "compiler/checks/checks.hpp"

namespace esc::checks {

// Where a finding stands. An `unknown` recorded there, or in any place around it (the
// line, its agency, the stage, the protocol), covers it.
struct Place {
  const model::Stage* stage = nullptr;
  const model::Agency* agency = nullptr;
  const model::Line* line = nullptr;
};

// The `unknown` that covers a finding of `code` at `place`, the narrowest first.
const model::Unknown* recorded_unknown(const model::Model& model, Code code, const Place& place);

// Where to look for an `unknown` covering a finding about the stages as a whole (nothing
// leads to a stage, no stage is final): `place` itself, else the first of `stages` (of
// the model) that records one, because a stage whose moves were lost may hold the missing
// move or the missing `final`. `within` limits the stages to those it accepts.
template <typename Within>
Place place_or_stage_recording(const model::Model& model, Code code, Place place, Within within) {
  if (recorded_unknown(model, code, place) != nullptr) return place;
  for (const auto& stage : model.stages) {
    if (within(stage) && recorded_unknown(model, code, {&stage}) != nullptr) return {&stage};
  }
  return place;
}

// Reports `message`, or, when the protocol records what it is about as unknown, says
// so: a reason that says the text was lost in extraction makes it a note that escc
// cannot check `what` ("the timeframe of stage 2"), never a defect of the document;
// another reason is added to the finding. Returns nothing when the table says to
// stay quiet.
Diagnostic* report_unless_unknown(const Context& context, DiagnosticSink& sink, Code code, Span span,
                                  std::string message, const Place& place, std::string_view what);

// The same for an `unknown` already found (one recorded on a contact itself, with
// `details unknown`): `recorded` is what it records as unknown ("its details").
Diagnostic& report_as_unknown(DiagnosticSink& sink, Code code, Span span, std::string_view message,
                              const model::Unknown& unknown, std::string_view recorded, std::string_view what);

}  // namespace esc::checks
