// Stages, the informal stage, routes and the immediate-risk rule.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>

#include "compiler/resolve/resolve_context.hpp"
#include "compiler/syntax/suggest.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::resolving {
namespace {

using ast::Keyword;
using ast::Tag;

model::OutcomeKind outcome_kind(std::string_view word) {
  if (normalised_equals(word, "resolved")) return model::OutcomeKind::resolved;
  if (normalised_equals(word, "unresolved")) return model::OutcomeKind::unresolved;
  return model::OutcomeKind::no_response;
}

bool is_action(ast::Keyword keyword) { return grammar::row_of(keyword).outcome_action; }

model::StageId stage_numbered(const ast::Value& number, Context& context) {
  auto found = context.symbols.stage_numbers.find(number.low);
  if (found != context.symbols.stage_numbers.end()) return {found->second};
  auto& d = context.sink.report(Code::N001, number.span, fmt::format("there is no stage {}", number.low));
  const auto& numbers = context.symbols.stage_numbers;
  if (numbers.empty()) return {};
  auto [lowest, highest] = std::minmax_element(numbers.begin(), numbers.end(),
                                               [](const auto& a, const auto& b) { return a.first < b.first; });
  d.suggestion = numbers.size() == 1
                     ? fmt::format("the only stage is stage {}", lowest->first)
                     : fmt::format("the stages are numbered {} to {}", lowest->first, highest->first);
  return {};
}

model::Action action_of(const ast::Statement& statement, model::Outcome& outcome, Context& context) {
  model::Action action;
  action.span = statement.span;
  action.modality = modality_of(statement);
  switch (statement.keyword) {
    case Keyword::go_to:
      action.kind = model::ActionKind::go_to;
      if (const auto* number = statement.find(Tag::number)) action.target = stage_numbered(*number, context);
      if (const auto* route = statement.find(Tag::ref)) {
        action.target = {context.lookup(context.symbols.routes, route->text, route->span)};
      }
      break;
    case Keyword::duty:
      action.kind = model::ActionKind::duty;
      action.duty = static_cast<std::uint32_t>(outcome.duties.size());
      outcome.duties.push_back(duty_of(statement, context));
      break;
    default: action.kind = model::ActionKind::end;
  }
  return action;
}

model::Outcome outcome_of(const ast::Statement& statement, Context& context) {
  model::Outcome outcome;
  outcome.span = statement.span;
  if (const auto* word = statement.find(Tag::word)) outcome.kind = outcome_kind(word->text);
  outcome.condition = optional_text(statement, Tag::condition, context);
  outcome.actions.reserve(std::count_if(statement.body.begin(), statement.body.end(),
                                        [](const auto& child) { return is_action(child.keyword); }));
  outcome.duties.reserve(count_of(statement.body, Keyword::duty));
  for (const auto& child : statement.body) {
    if (is_action(child.keyword)) outcome.actions.push_back(action_of(child, outcome, context));
  }
  describe(outcome, statement, context);
  return outcome;
}

model::LineRange line_range_of(const ast::Statement& statement, Context& context) {
  model::LineRange range;
  range.span = statement.span;
  const ast::Value *first = nullptr, *last = nullptr;
  for (const auto& label : statement.values) {
    if (label.tag != Tag::line) continue;
    if (first == nullptr) first = &label;
    last = &label;
    if (context.symbols.line_labels.find(label.text) != context.symbols.line_labels.end()) continue;
    auto& d = context.sink.report(Code::N001, label.span, fmt::format("no agency has a line named '{}'", label.text));
    d.suggestion = context.symbols.line_labels.empty()
                       ? std::string("no agency declares any lines")
                       : fmt::format("the agencies' lines are: {}", fmt::join(context.symbols.line_labels, ", "));
  }
  if (const auto* agency = statement.find(Tag::of)) {
    range.agency = {context.lookup(context.symbols.agencies, agency->text, agency->span)};
  }
  if (first == nullptr) return range;
  range.first = std::string(first->text);
  range.last = std::string(last->text);
  return range;
}

model::Step step_of(const ast::Statement& statement, Context& context) {
  model::Step step;
  step.span = statement.span;
  if (const auto* title = statement.find(Tag::title)) step.title = text_of(*title, context);
  // The step's own timeframe comes before its variants; each variant's follows its label.
  model::StepVariant* variant = nullptr;
  for (const auto& value : statement.values) {
    switch (value.tag) {
      case Tag::variant:
        variant = &step.variants.emplace_back();
        variant->label = text_of(value, context);
        variant->span = value.span;
        break;
      case Tag::timeframe:
        if (variant != nullptr) variant->timeframe = timeframe_of(statement, value, context);
        else step.timeframe = timeframe_of(statement, value, context);
        break;
      case Tag::variant_if:
        if (variant != nullptr) variant->condition = text_of(value, context);
        break;
      case Tag::otherwise:
        if (variant != nullptr) variant->otherwise = true;
        break;
      default: break;
    }
    if (variant != nullptr) variant->span.end = std::max(variant->span.end, value.span.end);
  }
  if (const auto* cumulative = statement.find(Tag::cumulative)) step.cumulative = duration_of(*cumulative);
  step.by = optional_text(statement, Tag::by, context);
  step.condition = optional_text(statement, Tag::condition, context);
  step.part_of = optional_text(statement, Tag::part_of, context);
  step.modality = modality_of(statement);
  describe(step, statement, context);
  return step;
}

// The step a time counts from, among the stage's steps: for a step, one written before
// it (a step cannot wait for itself or a later one); for the stage's own timeframe or a
// duty, any.
void resolve_anchor(model::Timeframe& timeframe, const std::vector<model::Step>& steps, std::size_t before,
                    const model::Stage& stage, Context& context) {
  if (!timeframe.after_step) return;
  auto& anchor = *timeframe.after_step;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!normalised_equals(steps[i].title.value, anchor.step.value)) continue;
    if (i < before) {
      anchor.index = static_cast<std::uint32_t>(i);
      return;
    }
    context.sink.report(Code::N001, anchor.span,
                        fmt::format("step '{}' comes {} in {}: a step's time counts from a step before it",
                                    anchor.step.value, i == before ? "here" : "later", stage.label()));
    return;
  }
  auto& d = context.sink.report(Code::N001, anchor.span,
                                fmt::format("{} has no step '{}'", stage.label(), anchor.step.value));
  std::vector<std::string> titles;
  for (const auto& step : steps) titles.push_back(fmt::format("'{}'", step.title.value));
  d.suggestion = titles.empty() ? fmt::format("{} names no steps", stage.label())
                                : fmt::format("its steps are {}", fmt::join(titles, ", "));
}

void resolve_anchors(model::Stage& stage, Context& context) {
  for (std::size_t i = 0; i < stage.steps.size(); ++i) {
    if (stage.steps[i].timeframe) resolve_anchor(*stage.steps[i].timeframe, stage.steps, i, stage, context);
    for (auto& variant : stage.steps[i].variants) {
      if (variant.timeframe) resolve_anchor(*variant.timeframe, stage.steps, i, stage, context);
    }
  }
  auto all = stage.steps.size();
  for (auto& timeframe : stage.timeframes) resolve_anchor(timeframe, stage.steps, all, stage, context);
  for (auto& duty : stage.duties) {
    if (duty.timeframe) resolve_anchor(*duty.timeframe, stage.steps, all, stage, context);
  }
  for (auto& outcome : stage.outcomes) {
    for (auto& duty : outcome.duties) {
      if (duty.timeframe) resolve_anchor(*duty.timeframe, stage.steps, all, stage, context);
    }
  }
}

// A step is part of another step of the same stage, named by its title as written.
void link_parts(model::Stage& stage, Context& context) {
  for (std::size_t i = 0; i < stage.steps.size(); ++i) {
    auto& step = stage.steps[i];
    if (!step.part_of) continue;
    std::vector<std::string_view> others;
    for (std::size_t k = 0; k < stage.steps.size(); ++k) {
      if (k == i) continue;
      if (stage.steps[k].title.value == step.part_of->value) {
        step.part_of_step = k;
        break;
      }
      others.push_back(stage.steps[k].title.value);
    }
    if (step.part_of_step) continue;
    auto& d = context.sink.report(Code::N001, step.part_of->span,
                                  step.title.value == step.part_of->value
                                      ? std::string("a step cannot be part of itself")
                                      : fmt::format("no other step of this stage is called '{}'", step.part_of->value));
    auto best = closest_word(step.part_of->value, others);
    d.suggestion = best.empty() ? std::string("name a step of the same stage, with its title as written")
                                : fmt::format("did you mean '{}'?", best);
  }
  // A step that is part of a step that is part of it has no time of its own either way.
  for (std::size_t i = 0; i < stage.steps.size(); ++i) {
    std::size_t walked = 0;
    for (auto at = stage.steps[i].part_of_step; at; at = stage.steps[*at].part_of_step) {
      if (*at == i || ++walked > stage.steps.size()) {
        auto& d = context.sink.report(Code::N001, stage.steps[i].part_of->span,
                                      "these steps are each part of the other, so neither has a time");
        d.suggestion = "say which step the others are part of";
        stage.steps[i].part_of_step.reset();
        break;
      }
    }
  }
}

void reserve_lists(model::Stage& stage, const ast::Statement& statement) {
  stage.steps.reserve(count_of(statement.body, Keyword::step));
  stage.outcomes.reserve(count_of(statement.body, Keyword::outcome));
  stage.duties.reserve(count_of(statement.body, Keyword::duty));
  stage.contacts.reserve(count_of(statement.body, Keyword::contact));
  stage.contact_lines.reserve(count_of(statement.body, Keyword::contacts));
}

}  // namespace

void read_stage_body(model::Stage& stage, const ast::Statement& statement, Context& context) {
  reserve_lists(stage, statement);
  bool was_in_stage = std::exchange(context.in_stage, true);
  for (const auto& child : statement.body) {
    switch (child.keyword) {
      case Keyword::parties:
        for (auto& party : texts_of(child, Tag::text, context)) stage.parties.push_back(std::move(party));
        break;
      case Keyword::level:
        if (const auto* name = child.find(Tag::name)) stage.level = {context.lookup(context.symbols.levels, name->text, name->span)};
        break;
      case Keyword::step: stage.steps.push_back(step_of(child, context)); break;
      case Keyword::timeframe:
        if (const auto* value = child.find(Tag::timeframe)) {
          auto& timeframe = stage.timeframes.emplace_back(timeframe_of(child, *value, context));
          timeframe.modality = modality_of(child);
        }
        break;
      case Keyword::cumulative:
        if (const auto* value = child.find(Tag::cumulative)) stage.cumulative = duration_of(*value);
        break;
      case Keyword::outcome: stage.outcomes.push_back(outcome_of(child, context)); break;
      case Keyword::duty: stage.duties.push_back(duty_of(child, context)); break;
      case Keyword::contacts:
        if (const auto* join = child.find(Tag::word)) {
          auto all = normalised_equals(join->text, "all");
          stage.contacts_join = model::Spanned<model::ContactsJoin>{
              all ? model::ContactsJoin::all : model::ContactsJoin::any_one, child.span};
          break;
        }
        stage.contact_lines.push_back(line_range_of(child, context));
        break;
      case Keyword::contact: stage.contacts.push_back(contact_of(child, context)); break;
      case Keyword::final:
        stage.final = true;
        stage.binding = stage.binding || child.find(Tag::word) != nullptr;
        break;
      case Keyword::entry: {
        model::Entry entry;
        entry.span = child.span;
        entry.any_stage = child.find(Tag::any_stage) != nullptr;
        if (const auto* number = child.find(Tag::number)) {
          entry.stage_number = number->low;
          stage_numbered(*number, context);
        }
        entry.condition = optional_text(child, Tag::condition, context);
        stage.entries.push_back(std::move(entry));
        break;
      }
      case Keyword::through: stage.through = optional_text(child, Tag::text, context); break;
      case Keyword::decided_by: stage.decided_by = optional_text(child, Tag::by, context); break;
      case Keyword::actor: {
        auto named = texts_of(child, Tag::by, context);
        if (named.empty()) break;
        stage.actor = named.front();
        stage.actor_alternatives.assign(named.begin() + 1, named.end());
        break;
      }
      case Keyword::unknown:
        if (auto unknown = unknown_of(child, model::UnknownPlace::stage, context)) stage.unknowns.push_back(*unknown);
        break;
      case Keyword::ambiguous: read_ambiguity(child, stage, context); break;
      default: break;
    }
  }
  context.in_stage = was_in_stage;
  link_parts(stage, context);
  resolve_anchors(stage, context);
  // A reading of an ambiguity in a stage keeps its quotes itself (resolve_ambiguity.cpp).
  if (auto opened = grammar::block_opened(grammar::Block::file, statement.keyword)) {
    describe_block(stage, statement, *opened, context);
  }
}

void read_stage(model::Stage& stage, const ast::Statement& statement, Context& context) {
  stage.span = statement.span;
  switch (statement.keyword) {
    case Keyword::route: stage.kind = model::StageKind::route; break;
    case Keyword::informal_stage: stage.kind = model::StageKind::informal; break;
    default: stage.kind = model::StageKind::formal;
  }
  if (const auto* number = statement.find(Tag::number)) stage.number = number->low;
  if (const auto* name = statement.find(Tag::name)) stage.name = std::string(name->text);
  if (const auto* title = statement.find(Tag::title)) stage.title = text_of(*title, context);
  stage.modality = modality_of(statement);
  read_stage_body(stage, statement, context);
}

void layer_stage(model::Stage& regional, model::Stage local, std::string_view label, Context& context) {
  // A detail a stage holds once cannot hold both files' words: a local one that differs
  // is refused rather than either being dropped.
  auto refuse = [&](std::string_view what) {
    auto& d = context.sink.report(
        Code::N012, local.span,
        fmt::format("{} of the regional protocol already says {}; a local protocol adds to a regional stage and "
                    "cannot say it differently",
                    label, what));
    d.notes.push_back({regional.span, "the regional protocol's stage is here"});
    d.suggestion = "write what the local document says in a note, or record the difference with `ambiguous`";
  };
  auto once = [&](auto& regional_detail, auto& local_detail, std::string_view what, auto same) {
    if (!local_detail) return;
    if (!regional_detail) {
      regional_detail = std::move(local_detail);
      return;
    }
    if (!same(*regional_detail, *local_detail)) refuse(what);
  };
  auto same_text = [](const model::Text& a, const model::Text& b) { return normalised_equals(a.value, b.value); };
  once(regional.through, local.through, "how it is done (`through`)", same_text);
  once(regional.actor, local.actor, "who does it (`by`)", same_text);
  once(regional.decided_by, local.decided_by, "who makes its decision (`decided by`)", same_text);
  once(regional.cumulative, local.cumulative, "its running total (`cumulative`)",
       [](const model::Duration& a, const model::Duration& b) { return a.describe() == b.describe(); });
  if (local.level.valid() && regional.level.valid() && !(local.level == regional.level)) refuse("its level");
  once(regional.contacts_join, local.contacts_join, "whom of its contacts to contact (`contacts all` or `any one`)",
       [](const auto& a, const auto& b) { return a.value == b.value; });
  if (!regional.level.valid()) regional.level = local.level;
  auto append = [](auto& into, auto& from) {
    for (auto& each : from) into.push_back(std::move(each));
  };
  regional.local_layers.push_back(local.span);
  if (!local.title.value.empty()) regional.local_title = local.title;
  append(regional.parties, local.parties);
  append(regional.steps, local.steps);
  // Both are kept, as both documents give them: a local timeframe that differs from the
  // regional one is reported (G019), never chosen between.
  append(regional.timeframes, local.timeframes);
  append(regional.duties, local.duties);
  append(regional.contacts, local.contacts);
  append(regional.contact_lines, local.contact_lines);
  append(regional.outcomes, local.outcomes);
  append(regional.entries, local.entries);
  append(regional.unknowns, local.unknowns);
  regional.final = regional.final || local.final;
  regional.binding = regional.binding || local.binding;
  for (const auto& passage : local.passages()) regional.add_passage(passage);
}

model::Stage immediate_risk_of(const ast::Statement& statement, Context& context) {
  model::Stage rule;
  rule.span = statement.span;
  rule.title = model::Text{"Immediate risk", statement.span};  // a literal: lives for the program
  read_stage_body(rule, statement, context);
  return rule;
}

}  // namespace esc::resolving
