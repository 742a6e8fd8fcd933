// C001 and C002: does every stage say whom to contact, and does every agency have the
// escalation lines a stage sends people to?
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/analysis/lines.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/unknowns.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::checks {
namespace {

// The parties a stage names and who acts at it, each once, in quotes as written.
std::vector<std::string> parties_named(const model::Stage& stage) {
  std::vector<std::string> named;
  auto add = [&](std::string_view party) {
    auto quoted = fmt::format("'{}'", party);
    if (std::find(named.begin(), named.end(), quoted) == named.end()) named.push_back(std::move(quoted));
  };
  for (const auto& party : stage.parties) add(party.value);
  if (stage.actor) add(stage.actor->value);
  for (const auto& other : stage.actor_alternatives) add(other.value);
  return named;
}

}  // namespace

void stage_contacts(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  auto all_labels = analysis::line_order(model);
  bool first_formal = true;
  for (auto id : context.flow.main_path) {
    const auto& stage = model.stage(id);
    bool is_first = first_formal && stage.kind == model::StageKind::formal;
    if (stage.kind == model::StageKind::formal) first_formal = false;
    if (!stage.contacts.empty() || !stage.contact_lines.empty()) continue;
    // At the first stage practitioners deal directly with each other.
    if (is_first && !stage.parties.empty()) continue;
    if (stage.kind == model::StageKind::informal) continue;
    auto named = parties_named(stage);
    if (!named.empty()) {
      // A stage that says whom to deal with by role ("the worker's own line manager")
      // names its parties: a reader can find the post-holder, only the protocol cannot
      // list them. Most "no contact" findings on real protocols were of this kind.
      auto* d = report_unless_unknown(
          context, sink, Code::C001, stage.span,
          fmt::format("{} names its parties ({}) but gives no contact details for them", stage.label(),
                      spoken_list(named, "and")),
          {&stage}, fmt::format("whom to contact at {}", stage.label()));
      if (d == nullptr) continue;
      if (d->severity == Severity::warning) d->severity = Severity::note;
      d->suggestion =
          "if the document gives their details elsewhere, point to them with 'contacts line 1' or 'contact \"...\" "
          "as listed'";
      continue;
    }
    auto* d = report_unless_unknown(context, sink, Code::C001, stage.span,
                                    fmt::format("{} does not say whom to contact", stage.label()), {&stage},
                                    fmt::format("whom to contact at {}", stage.label()));
    if (d != nullptr) d->suggestion = "list contacts in the stage, or point to the agencies' lines with 'contacts line 1'";
  }
  // Each distinct range of lines is judged once, at the first stage that uses it, so
  // the work grows with agencies times distinct ranges, not agencies times stages.
  std::set<std::pair<std::string, std::string>> judged;
  for (const auto& stage : model.stages) {
    for (const auto& range : stage.contact_lines) {
      auto one_agency = range.agency.valid() ? model.agency(range.agency).name : std::string();
      if (!judged.insert({range.first + " " + one_agency, range.last}).second) continue;
      auto wanted = analysis::labels_between(range, all_labels);
      for (const auto& agency : model.agencies) {
        if (range.agency.valid() ? agency.name != one_agency : agency.lines.empty()) continue;
        std::vector<std::string> missing;
        for (const auto& label : wanted) {
          bool has = std::any_of(agency.lines.begin(), agency.lines.end(),
                                 [&](const model::Line& line) { return line.label == label; });
          if (!has) missing.push_back(label);
        }
        if (missing.empty()) continue;
        auto* d = report_unless_unknown(
            context, sink, Code::C002, range.span,
            fmt::format("{} sends people to {} of {}, but {} has no line {}", stage.label(),
                        range.first == range.last ? "line " + range.first
                                                  : "lines " + range.first + " to " + range.last,
                        range.agency.valid() ? "agency " + agency.name : std::string("each agency"), agency.name,
                        spoken_list(missing, "or")),
            {nullptr, &agency}, fmt::format("whether {} has line {}", agency.name, spoken_list(missing, "or")));
        if (d != nullptr) d->notes.push_back({agency.span, fmt::format("{} is declared here", agency.name)});
      }
    }
  }
}

}  // namespace esc::checks
