// G023: one duty stated in two places with different strengths ("Staff must also record
// all activity", and in a stage "all information should be recorded"). escc keeps both as
// the document says them and chooses neither: the board should say which it means.
#include <fmt/format.h>

#include <vector>

#include "compiler/analysis/duties.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

// Two objects are of one duty when they are the same words, when one holds the other's,
// or when each is everything of its kind ("all activity ...", "all information"): a
// record of "the outcome" and one of "the referral" are two duties, not one.
bool objects_overlap(const model::Duty& a, const model::Duty& b) {
  if (!a.object || !b.object) return true;
  auto first = normalise_words(a.object->value);
  auto second = normalise_words(b.object->value);
  if (first.find(second) != std::string::npos || second.find(first) != std::string::npos) return true;
  return first.rfind("all ", 0) == 0 && second.rfind("all ", 0) == 0;
}

bool one_duty(const model::Duty& a, const model::Duty& b) {
  if (a.verb != b.verb) return false;
  if (a.modality == model::Modality::unstated || b.modality == model::Modality::unstated) return false;
  if (a.modality == b.modality) return false;
  // A duty on a condition ("if the child is looked after") is another duty.
  auto condition = [](const model::Duty& d) { return d.condition ? normalise_words(d.condition->value) : std::string(); };
  if (condition(a) != condition(b)) return false;
  return objects_overlap(a, b);
}

std::string said(const model::Duty& duty) {
  auto words = fmt::format("{} {}", model::modality_name(duty.modality), duty.verb);
  if (duty.object) words += fmt::format(" \"{}\"", duty.object->value);
  return words;
}

void report(DiagnosticSink& sink, const model::Duty& here, std::string_view where, const model::Duty& there,
            std::string_view there_where) {
  auto& d = sink.report(Code::G023, here.span,
                        fmt::format("{} the document says '{}', and {} '{}': one duty in two strengths, so a reader "
                                    "cannot tell whether it {} or {} be done",
                                    where, said(here), there_where, said(there), model::modality_name(here.modality),
                                    model::modality_name(there.modality)));
  d.notes.push_back({there.span, fmt::format("'{}' here", said(there))});
  d.suggestion = "ask the board which it means; escc keeps both as written";
}

}  // namespace

void duty_strengths(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol) return;
  const auto& whole = context.model.protocol->duties;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    for (std::size_t k = i + 1; k < whole.size(); ++k) {
      if (one_duty(whole[i], whole[k])) report(sink, whole[k], "for the whole protocol", whole[i], "also");
    }
  }
  for (const auto& stage : context.model.stages) {
    std::vector<const model::Duty*> own;
    std::vector<const model::Duty*> protocol_wide;
    for (const auto& at : analysis::duties_at(context.model, stage)) {
      (at.whole_protocol ? protocol_wide : own).push_back(at.duty);
    }
    for (const auto* duty : own) {
      for (const auto* wide : protocol_wide) {
        if (!one_duty(*duty, *wide)) continue;
        report(sink, *duty, fmt::format("at {}", stage.label()),
               *wide, fmt::format("for the whole protocol, {},", analysis::where_duty_holds(*wide)));
      }
    }
  }
}

}  // namespace esc::checks
