// G018: triggers that contradict each other. A document that says "any professional
// disagreement" is to be escalated, and elsewhere that the procedure is "only" for cases
// of significant harm, leaves open which disagreements the protocol covers.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <string_view>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

struct Trigger {
  const model::Text* text;
  std::string words;  // the words that state it
};

// The first match of PATTERN in WORDS, tried only where one of the words it begins with
// is written: std::regex tried at every character of every passage was most of the time
// a check of a long protocol took, which the language server pays on every edit.
std::optional<std::string> found(const std::regex& pattern, const std::string& words,
                                 std::initializer_list<std::string_view> first_words) {
  std::vector<std::size_t> starts;
  for (auto word : first_words) {
    for (auto at = words.find(word); at != std::string::npos; at = words.find(word, at + 1)) starts.push_back(at);
  }
  std::sort(starts.begin(), starts.end());
  for (auto at : starts) {
    // Inside a word ("shall", "finally"): the pattern's \b refuses it; no need to ask.
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(words[at - 1])) || words[at - 1] == '_')) continue;
    auto flags = std::regex_constants::match_continuous;
    if (at > 0) flags |= std::regex_constants::match_prev_avail;  // so that \b sees the character before
    std::smatch match;
    if (std::regex_search(words.cbegin() + static_cast<std::ptrdiff_t>(at), words.cend(), match, pattern, flags)) {
      return match.str();
    }
  }
  return std::nullopt;
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
  // The first place each is said.
  auto keep_first = [](std::optional<Trigger>& kept, const model::Text& text, const std::string& words) {
    if (!kept || text.span.begin < kept->text->span.begin) kept = Trigger{&text, words};
  };
  model::for_each_described(context.model, [&](const model::Described& described) {
    for (const auto& passage : described.passages()) {
      if (passage.kind == model::PassageKind::note || passage.text.span.file != context.model.file) continue;
      auto words = normalise_words(passage.text.value);
      if (auto said = found(any_disagreement, words, {"any", "all", "every"})) keep_first(any, passage.text, *said);
      if (auto said = found(only_serious, words, {"only", "solely", "exclusively"})) {
        keep_first(only, passage.text, *said);
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
