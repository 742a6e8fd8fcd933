#include "compiler/driver/deadlines_command.hpp"

#include <fmt/format.h>

#include "compiler/model/dates.hpp"

namespace esc {

analysis::Deadlines deadlines_with_findings(const model::Model& model, const analysis::Analyses& analyses,
                                            const analysis::DeadlineOptions& options, DiagnosticSink& sink) {
  auto deadlines = analysis::work_out_deadlines(model, analyses, options);
  const auto& unknown = deadlines.first_unknown;
  const auto* calendar = deadlines.calendar_used;
  if (unknown && calendar) {
    std::optional<Span> at;
    if (model.protocol && model.protocol->calendar_name) at = model.protocol->calendar_name->span;
    auto& d = sink.report(Code::T009, at,
                          fmt::format("the deadlines run into {}, but the {} calendar lists bank holidays only up "
                                      "to {}; a holiday missing from it would make them later",
                                      civil_date(unknown->day).year, calendar->name, calendar->data_to));
    d.notes.push_back({calendar->span, "the calendar's bank holidays are listed here"});
    d.suggestion = "add the bank holidays of the later years to the calendar when they are announced";
  } else if (unknown && model.protocol) {
    auto& d = sink.report(Code::T009, model.protocol->span,
                          "the protocol names no calendar, so these dates skip weekends but not bank holidays");
    d.suggestion = "name the calendar the protocol's working days follow, such as 'calendar england_and_wales'";
  }
  return deadlines;
}

}  // namespace esc
