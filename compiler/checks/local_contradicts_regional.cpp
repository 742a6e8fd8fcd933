// G019: a local protocol says of the shared chapter it extends something the chapter
// says differently: a stage's title or timeframe, the overall target, whom it covers. A
// practitioner follows both documents, and cannot follow both at once. Both are kept
// (resolution chooses neither), so the finding shows both places.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

std::string timeframe_words(const std::vector<const model::Timeframe*>& timeframes) {
  std::vector<std::string> words;
  for (const auto* timeframe : timeframes) words.push_back(timeframe->stated());
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) joined += (i == 0 ? "" : " and ") + words[i];
  return joined;
}

// `label` names it in messages: "stage 2", "the immediate-risk rule".
void stage_differs(const model::Stage& stage, std::string_view label, const model::Model& model,
                   DiagnosticSink& sink) {
  if (stage.local_layers.empty()) return;
  const auto regional_file = model.regional->file;
  if (stage.local_title && stage.named() &&
      !normalised_equals(stage.local_title->value, stage.title.value)) {
    auto& d = sink.report(Code::G019, stage.local_title->span,
                          fmt::format("the local protocol calls {} '{}', the regional protocol '{}'", label,
                                      stage.local_title->value, stage.title.value));
    d.notes.push_back({stage.title.span, "the regional protocol's title is here"});
    d.suggestion = "leave the title out in the local file (it adds to the regional stage), or record the difference "
                   "with 'ambiguous'";
  }
  std::vector<const model::Timeframe*> regional, local;
  for (const auto& timeframe : stage.timeframes) {
    (timeframe.span.file == regional_file ? regional : local).push_back(&timeframe);
  }
  if (regional.empty() || local.empty()) return;
  auto said_by_regional = [&](const model::Timeframe* timeframe) {
    return std::any_of(regional.begin(), regional.end(),
                       [&](const auto* other) { return other->describe() == timeframe->describe(); });
  };
  auto differing = std::find_if(local.begin(), local.end(), [&](const auto* t) { return !said_by_regional(t); });
  if (differing == local.end()) return;
  auto& d = sink.report(Code::G019, (*differing)->span,
                        fmt::format("the local protocol says {} {}, the regional protocol {}: a practitioner "
                                    "following both cannot tell which holds",
                                    label, (*differing)->stated(), timeframe_words(regional)));
  d.notes.push_back({regional.front()->span, "the regional protocol's timeframe is here"});
  d.notes.push_back({std::nullopt, "escc keeps both, and reads the stage as taking from the shorter to the longer"});
  d.suggestion = "if the local document means to replace the regional timeframe, say so to both boards; to record "
                 "that the two differ, write an 'ambiguous' with a reading for each";
}

}  // namespace

void local_contradicts_regional(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.regional || !model.protocol) return;
  for (const auto& stage : model.stages) stage_differs(stage, stage.label(), model, sink);
  if (model.immediate_risk) stage_differs(*model.immediate_risk, "the immediate-risk rule", model, sink);
  const auto& local = *model.protocol;
  const auto& regional = model.regional->protocol;
  // The regional protocol's targets join the local one's only where it gives none.
  if (!local.targets.empty() && !regional.targets.empty()) {
    const auto& mine = local.targets.front();
    const auto& theirs = regional.targets.front();
    if (mine.timeframe.describe() != theirs.timeframe.describe() || mine.first_stage != theirs.first_stage ||
        mine.last_stage != theirs.last_stage) {
      auto& d = sink.report(Code::G019, mine.span,
                            fmt::format("the local protocol's overall target is {}, the regional protocol's {}",
                                        mine.timeframe.describe(), theirs.timeframe.describe()));
      d.notes.push_back({theirs.span, "the regional protocol's target is here"});
      d.suggestion = "state the target the two documents agree on, or record the difference with 'ambiguous'";
    }
  }
  if (!local.scope.empty() && !regional.scope.empty() && !(local.scope == regional.scope)) {
    auto& d = sink.report(Code::G019, local.scope_span,
                          "the local protocol covers different people from the regional protocol it extends");
    d.notes.push_back({regional.scope_span, "the regional protocol's `covers` is here"});
    d.suggestion = "a local protocol adds to the regional one: cover the same people, or record the difference with "
                   "'ambiguous'";
  }
}

}  // namespace esc::checks
