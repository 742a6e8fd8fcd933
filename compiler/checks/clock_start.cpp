// T008: every deadline counted from the start of the process must count from the
// same event; "from the initial concern" and "from the initial escalation" can be
// days apart.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

std::string event_key(std::string_view text) {
  auto words = normalise_words(text);
  for (std::string_view article : {"the ", "an ", "a "}) {
    if (words.rfind(article, 0) == 0) return words.substr(article.size());
  }
  return words;
}

}  // namespace

void clock_start(const Context& context, DiagnosticSink& sink) {
  std::vector<const model::Text*> starts;
  if (context.model.protocol && context.model.protocol->timeframes_from) {
    starts.push_back(&*context.model.protocol->timeframes_from);
  }
  bool first_formal = true;
  for (auto id : context.flow.main_path) {
    const auto& stage = context.model.stage(id);
    if (stage.kind != model::StageKind::formal) continue;
    for (const auto& timeframe : stage.timeframes) {
      // A deadline "by day N", or any timeframe of the first stage, runs from the start.
      if ((timeframe.by_day || first_formal) && timeframe.clock_start) starts.push_back(&*timeframe.clock_start);
    }
    if (first_formal && !stage.steps.empty() && stage.steps.front().timeframe &&
        stage.steps.front().timeframe->clock_start) {
      starts.push_back(&*stage.steps.front().timeframe->clock_start);
    }
    first_formal = false;
  }
  std::vector<std::string> reported{starts.empty() ? std::string() : event_key(starts[0]->value)};
  for (std::size_t i = 1; i < starts.size(); ++i) {
    auto key = event_key(starts[i]->value);
    if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
    reported.push_back(key);
    auto& d = sink.report(Code::T008, starts[i]->span,
                          fmt::format("this timeframe counts from '{}', but another counts from '{}': the "
                                      "protocol starts its clock from two different events",
                                      starts[i]->value, starts[0]->value));
    d.notes.push_back({starts[0]->span, fmt::format("counted from '{}' here", starts[0]->value)});
    d.suggestion = "say one event that every deadline is counted from";
  }
}

}  // namespace esc::checks
