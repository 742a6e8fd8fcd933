// C016: a route or contacts limited to children in a protocol that covers adults too.
// Where the immediate-risk rule, a stage, a route, an agency or one of its lines names
// only children's posts ("Duty paediatric team", "Chief Inspector Child Protection"),
// a practitioner escalating about an adult finds nobody there. An agency that is itself
// for children (children's social care, schools) is expected to name children only.
#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

bool mentions(const std::string& words, std::initializer_list<std::string_view> any) {
  return std::any_of(any.begin(), any.end(), [&](std::string_view part) { return words.find(part) != std::string::npos; });
}

// Words that name children, and words that name adults, as the documents write them.
bool names_children_only(std::string_view text) {
  auto words = normalise_words(text);
  return mentions(words, {"child", "young people", "young person", "paediatric", "pediatric"}) &&
         !mentions(words, {"adult", "care and support", "vulnerable", "all ages", "any age"});
}

bool names_children_only(const model::Contact& contact) {
  std::string words(contact.title.value);
  if (contact.condition) words += " " + std::string(contact.condition->value);
  return names_children_only(words);
}

bool is_for_children(const model::Agency& agency) {
  if (agency.kind) {
    auto kind = normalise_words(agency.kind->value);
    if (kind == "children_social_care" || kind == "education" || kind == "early_years" || kind == "youth_justice") {
      return true;
    }
  }
  return names_children_only(agency.title.value);
}

std::string quoted_list(const std::vector<std::string_view>& titles) {
  std::string text;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == titles.size() ? " and " : ", ") + fmt::format("\"{}\"", titles[i]);
  }
  return text;
}

}  // namespace

void children_only(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  if (!model.protocol) return;
  const auto& scope = model.protocol->scope;
  if (!scope.has(model::Scope::adults) || !(scope.has(model::Scope::children) || scope.has(model::Scope::young_people))) {
    return;
  }
  // `place` as the finding names it: "every contact stage 2 names".
  auto report = [&](Span span, const std::string& place, const std::vector<std::string_view>& titles) {
    auto& d = sink.report(Code::C016, span,
                          fmt::format("{} ({}) name{} children; the protocol covers adults too, and names nobody in "
                                      "{} place for adults",
                                      place, quoted_list(titles), titles.size() == 1 ? "s" : "",
                                      titles.size() == 1 ? "its" : "their"));
    d.suggestion = "if the document names whom to contact for adults there, add them; if it names nobody, the board "
                   "may want to";
  };
  // Each place judged whole: a children's post beside an adults' one is no finding.
  auto judge = [&](Span span, const std::string& place, const std::vector<const model::Contact*>& contacts,
                   const std::vector<const model::Role*>& roles) {
    std::vector<std::string_view> titles;
    for (const auto* contact : contacts) {
      if (!names_children_only(*contact)) return;
      titles.push_back(contact->title.value);
    }
    for (const auto* role : roles) {
      if (!names_children_only(role->title.value)) return;
      titles.push_back(role->title.value);
    }
    if (!titles.empty()) report(span, place, titles);
  };
  auto all = [](const std::vector<model::Contact>& list) {
    std::vector<const model::Contact*> pointers;
    for (const auto& contact : list) pointers.push_back(&contact);
    return pointers;
  };
  if (model.immediate_risk) {
    const auto& rule = *model.immediate_risk;
    if (rule.through && names_children_only(rule.through->value)) {
      auto& d = sink.report(Code::C016, rule.through->span,
                            fmt::format("the immediate-risk rule sends concerns through \"{}\", which names children; "
                                        "the protocol covers adults too, and names no route for an adult at immediate "
                                        "risk",
                                        rule.through->value));
      d.suggestion = "if the document names the route for adults (adult safeguarding referral procedures), add it";
    }
    judge(rule.span, "every contact the immediate-risk rule names", all(rule.contacts), {});
  }
  for (const auto& stage : model.stages) {
    judge(stage.span, fmt::format("every contact {} names", stage.label()), all(stage.contacts), {});
  }
  for (const auto& agency : model.agencies) {
    if (is_for_children(agency)) continue;
    std::vector<const model::Role*> roles;
    for (const auto& role : agency.roles) roles.push_back(&role);
    judge(agency.span,
          fmt::format("every contact and post the protocol lists for {}{}", agency.title.value,
                      agency.lines.empty() ? "" : " outside its escalation lines"),
          all(agency.contacts), roles);
    for (const auto& line : agency.lines) {
      judge(line.span, fmt::format("every contact on {} line {}", agency.title.value, line.label), all(line.contacts), {});
    }
  }
}

}  // namespace esc::checks
