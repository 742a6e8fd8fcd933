// G018: triggers that contradict each other. A document that says "any professional
// disagreement" is to be escalated, and elsewhere that the procedure is "only" for cases
// of significant harm, leaves open which disagreements the protocol covers.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <regex>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

struct Trigger {
  const model::Text* text;
  std::string words;  // the words that state it
};

std::optional<std::string> found(const std::regex& pattern, const std::string& words) {
  std::smatch match;
  if (!std::regex_search(words, match, pattern)) return std::nullopt;
  return match.str();
}

}  // namespace

void contradicting_triggers(const Context& context, DiagnosticSink& sink) {
  // "any (professional) disagreement", "all disputes": the protocol for every one.
  static const std::regex any_disagreement(
      R"(\b(any|all|every) (professional |inter-agency |multi-agency |interagency |multiagency )?(disagreements?|disputes?|differences?( of (opinion|view))?|concerns?)\b)");
  // "only ... significant harm", "solely where ... serious": the protocol for some.
  static const std::regex only_serious(
      R"(\b(only|solely|exclusively)\b[^.;]{0,80}\b(significant harm|serious harm|serious|immediate risk|high risk)\b)");
  std::optional<Trigger> any;
  std::optional<Trigger> only;
  // The first place each is said; words are searched only where a cheap look finds
  // the word that starts them.
  auto keep_first = [](std::optional<Trigger>& kept, const model::Text& text, const std::string& words) {
    if (!kept || text.span.begin < kept->text->span.begin) kept = Trigger{&text, words};
  };
  model::for_each_described(context.model, [&](const model::Described& described) {
    for (const auto& passage : described.passages()) {
      if (passage.kind == model::PassageKind::note || passage.text.span.file != context.model.file) continue;
      auto words = normalise_words(passage.text.value);
      bool may_say_any = words.find("any ") != std::string::npos || words.find("all ") != std::string::npos ||
                         words.find("every ") != std::string::npos;
      bool may_say_only = words.find("only") != std::string::npos || words.find("solely") != std::string::npos ||
                          words.find("exclusively") != std::string::npos;
      if (may_say_any) {
        if (auto said = found(any_disagreement, words)) keep_first(any, passage.text, *said);
      }
      if (may_say_only) {
        if (auto said = found(only_serious, words)) keep_first(only, passage.text, *said);
      }
    }
  });
  if (!any || !only) return;
  const auto& later = any->text->span.begin > only->text->span.begin ? *any : *only;
  const auto& earlier = &later == &*any ? *only : *any;
  auto& d = sink.report(Code::G018, later.text->span,
                        fmt::format("the document says both \"{}\" and \"{}\": which disagreements the protocol is for "
                                    "is left open",
                                    any->words, only->words));
  d.notes.push_back({earlier.text->span, fmt::format("the document says \"{}\" here", earlier.words)});
  d.suggestion = "record the point with 'ambiguous' and a reading for each way it can be read";
}

}  // namespace esc::checks
