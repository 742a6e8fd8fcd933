// Syntax values -> model values: text, dates, durations, windows, contacts, duties.
#include <fmt/format.h>

#include "compiler/resolve/resolve_context.hpp"
#include "compiler/source/spoken_list.hpp"
#include "compiler/syntax/suggest.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::resolving {

using ast::Tag;

std::optional<std::uint32_t> Names::find(std::string_view name) const {
  auto found = index.find(name);
  if (found == index.end()) return std::nullopt;
  return ids[found->second];
}

std::uint32_t Context::lookup(const Names& names, std::string_view name, Span span) {
  if (auto found = names.find(name)) return *found;
  std::vector<std::string_view> candidates(names.in_order.begin(), names.in_order.end());
  auto& d = sink.report(Code::N001, span, fmt::format("there is no {} named '{}'", names.kind_words, name));
  if (auto best = closest_word(name, candidates); !best.empty()) {
    d.suggestion = fmt::format("did you mean '{}'?", best);
  } else if (candidates.empty()) {
    d.suggestion = fmt::format("no {} is declared; declare it, or check the `use` lines", names.kind_words);
  }
  return model::no_id;
}

model::Text text_of(const ast::Value& value, Context& context) {
  bool escaped = value.tag != Tag::ref && value.tag != Tag::name && value.tag != Tag::word &&
                 value.text.find('\\') != std::string_view::npos;
  return model::Text{escaped ? context.texts.keep(decode_text(value.text)) : value.text, value.span};
}

std::optional<model::Text> optional_text(const ast::Statement& statement, Tag tag, Context& context) {
  if (const auto* value = statement.find(tag)) return text_of(*value, context);
  return std::nullopt;
}

std::vector<model::Text> texts_of(const ast::Statement& statement, Tag tag, Context& context) {
  std::vector<model::Text> texts;
  for (const auto& value : statement.values) {
    if (value.tag == tag) texts.push_back(text_of(value, context));
  }
  return texts;
}

model::Date date_of(const ast::Value& value) {
  return model::Date{static_cast<int>(value.low / 10000), static_cast<int>(value.low / 100 % 100),
                     static_cast<int>(value.low % 100), value.span};
}

model::Duration duration_of(const ast::Value& value) {
  model::Duration duration;
  duration.low = value.low;
  duration.high = value.high;
  duration.span = value.span;
  switch (value.unit) {
    case ast::Unit::same_working_day: duration.kind = model::DurationKind::same_working_day; break;
    case ast::Unit::immediately: duration.kind = model::DurationKind::immediately; break;
    case ast::Unit::as_soon_as_possible: duration.kind = model::DurationKind::as_soon_as_possible; break;
    case ast::Unit::calendar_days: duration.unit = model::Unit::calendar_days; break;
    case ast::Unit::hours: duration.unit = model::Unit::hours; break;
    case ast::Unit::working_weeks: duration.unit = model::Unit::working_weeks; break;
    case ast::Unit::weeks: duration.unit = model::Unit::weeks; break;
    case ast::Unit::days: duration.unit = model::Unit::days; break;
    case ast::Unit::months: duration.unit = model::Unit::months; break;
    case ast::Unit::years: duration.unit = model::Unit::years; break;
    case ast::Unit::none:
    case ast::Unit::working_days: duration.unit = model::Unit::working_days; break;
  }
  return duration;
}

model::Modality modality_of(const ast::Statement& statement) {
  const auto* word = statement.find(Tag::modality);
  if (word == nullptr) return model::Modality::unstated;
  // The grammar admits these three words only.
  auto words = normalise_words(word->text);
  return words == "must" ? model::Modality::must : words == "should" ? model::Modality::should : model::Modality::may;
}

model::Timeframe timeframe_of(const ast::Statement& statement, const ast::Value& value, Context& context) {
  model::Timeframe timeframe;
  timeframe.duration = duration_of(value);
  timeframe.further = value.flags & ast::further;
  timeframe.by_day = value.flags & ast::by_day;
  timeframe.or_sooner = value.flags & ast::or_sooner;
  // Both words at once is the document's own emphasis; the first written is kept.
  if (value.flags & ast::as_a_guide) timeframe.guidance = model::Guidance::as_a_guide;
  else if (value.flags & ast::indicative) timeframe.guidance = model::Guidance::indicative;
  timeframe.span = value.span;
  // The clock start written after this timeframe (before the next timeframe).
  bool after = false;
  const ast::Value* also_stated = nullptr;
  for (const auto& other : statement.values) {
    if (&other == &value) {
      after = true;
      continue;
    }
    if (!after) continue;
    if (other.tag == Tag::timeframe) break;
    // The same time in another unit follows its timeframe directly.
    if (other.tag == Tag::also_stated && also_stated == nullptr) {
      also_stated = &other;
      continue;
    }
    if (other.tag == Tag::alternative && !timeframe.alternative) {
      model::Alternative alternative;
      alternative.duration = duration_of(other);
      timeframe.alternative = alternative;
      continue;
    }
    if (other.tag == Tag::whichever && timeframe.alternative && timeframe.alternative->word.value.empty()) {
      auto word = normalise_words(other.text);
      timeframe.alternative->word = text_of(other, context);
      bool lesser = word.starts_with("less") || word.starts_with("short") || word.starts_with("soon") ||
                    word.starts_with("earl");
      timeframe.alternative->combine = lesser ? model::Combine::lesser : model::Combine::greater;
      continue;
    }
    if (other.tag == Tag::step_anchor) {
      model::StepAnchor anchor;
      anchor.step = text_of(other, context);
      anchor.span = other.span;
      anchor.edge = other.flags & ast::anchor_start ? model::StepEdge::start
                    : other.flags & ast::anchor_end ? model::StepEdge::end
                                                    : model::StepEdge::unstated;
      timeframe.span.end = std::max(timeframe.span.end, other.span.end);
      if (context.in_stage) {
        timeframe.after_step = anchor;
      } else {
        auto& d = context.sink.report(Code::N001, other.span,
                                      fmt::format("there is no step '{}' here: a time counts from a step only in the "
                                                  "stage that holds the step",
                                                  anchor.step.value));
        d.suggestion = "write the time inside that stage, or give the event it counts from: from \"...\"";
      }
      break;
    }
    if (other.tag == Tag::clock_start) {
      timeframe.clock_start = text_of(other, context);
      timeframe.span.end = std::max(timeframe.span.end, other.span.end);
      break;
    }
  }
  if (also_stated != nullptr) timeframe.also_stated = duration_of(*also_stated);
  return timeframe;
}

std::vector<model::Window> windows_of(const ast::Statement& statement, Context& context) {
  std::vector<model::Window> windows;
  for (const auto& value : statement.values) {
    if (value.tag != Tag::window) continue;
    model::Window window;
    window.span = value.span;
    window.days = static_cast<std::uint8_t>(value.low);
    if (value.high >= 0) {
      window.from_minute = static_cast<int>(value.high / 10000);
      window.to_minute = static_cast<int>(value.high % 10000);
    }
    window.always = value.flags & ast::window_always;
    window.bank_holidays = value.flags & ast::window_bank_holidays;
    window.except_bank_holidays = value.flags & ast::window_except_bank_holidays;
    window.available_again = value.flags & ast::window_available_again;
    if (!value.text.empty()) window.hours = {context.lookup(context.symbols.hours, value.text, value.span)};
    windows.push_back(window);
  }
  return windows;
}

namespace {

std::optional<model::PassageKind> passage_kind(ast::Keyword keyword) {
  switch (keyword) {
    case ast::Keyword::source: return model::PassageKind::source;
    case ast::Keyword::note: return model::PassageKind::note;
    case ast::Keyword::context: return model::PassageKind::context;
    default: return std::nullopt;
  }
}

// `about` is null for passages about the entity itself.
void add_passages(model::Described& described, const ast::Statement& statement, const ast::Statement* about,
                  Context& context) {
  for (const auto& child : statement.body) {
    auto kind = passage_kind(child.keyword);
    if (!kind) {
      // A statement inside one that is no entity (a field in a form's section).
      add_passages(described, child, &child, context);
      continue;
    }
    if (const auto* text = child.find(Tag::text)) {
      model::Passage passage{text_of(*text, context), {}, {}, *kind};
      if (about != nullptr) {
        passage.about = grammar::row_of(about->keyword).name;
        passage.about_span = about->span;
      }
      described.add_passage(passage);
    }
    // A quote under a `context` passage is about that passage.
    add_passages(described, child, &child, context);
  }
}

}  // namespace

void describe(model::Described& described, const ast::Statement& statement, Context& context) {
  add_passages(described, statement, nullptr, context);
}

void describe_block(model::Described& described, const ast::Statement& statement, grammar::Block opened,
                    Context& context) {
  for (const auto& child : statement.body) {
    if (auto kind = passage_kind(child.keyword)) {
      if (const auto* text = child.find(Tag::text)) described.add_passage({text_of(*text, context), {}, {}, *kind});
      add_passages(described, child, &child, context);
      continue;
    }
    if (grammar::row_of(child.keyword).keeps_source_and_note_in.contains(opened)) continue;
    add_passages(described, child, &child, context);
  }
}

// Contacts and duties are most of a large protocol's statements, so each is read in one
// pass over its values; where a value may appear twice, the first one counts, as
// Statement::find would have it.
namespace {

void keep_first(std::optional<model::Text>& slot, const ast::Value& value, Context& context) {
  if (!slot) slot = text_of(value, context);
}

}  // namespace

model::Contact contact_of(const ast::Statement& statement, Context& context) {
  model::Contact contact;
  contact.span = statement.span;
  const ast::Value *title = nullptr, *of = nullptr;
  bool has_windows = false;
  for (const auto& value : statement.values) {
    switch (value.tag) {
      case Tag::title:
        if (title == nullptr) title = &value;
        break;
      case Tag::person: keep_first(contact.person, value, context); break;
      case Tag::phone: contact.phones.push_back(text_of(value, context)); break;
      case Tag::email: contact.emails.push_back(text_of(value, context)); break;
      case Tag::call_sign: contact.call_signs.push_back(text_of(value, context)); break;
      case Tag::switchboard: contact.switchboards.push_back(text_of(value, context)); break;
      case Tag::via: keep_first(contact.via, value, context); break;
      case Tag::condition: keep_first(contact.condition, value, context); break;
      case Tag::of:
        if (of == nullptr) of = &value;
        break;
      case Tag::window: has_windows = true; break;
      case Tag::mobile: contact.mobiles.push_back(text_of(value, context)); break;
      case Tag::direct_line: contact.direct_lines.push_back(text_of(value, context)); break;
      case Tag::address: keep_first(contact.address, value, context); break;
      case Tag::purpose: keep_first(contact.purpose, value, context); break;
      case Tag::not_for_escalation: contact.not_for_escalation = true; break;
      case Tag::as_listed: contact.as_listed = value.span; break;
      case Tag::in_own_agency: contact.in_own_agency = true; break;
      case Tag::details_unknown: {
        model::Unknown unknown;
        unknown.subject = model::UnknownSubject::contacts;
        unknown.span = value.span;
        unknown.reason = optional_text(statement, Tag::text, context);
        contact.details_unknown = unknown;
        break;
      }
      case Tag::case_kind:
        if (normalised_starts_with(value.text, "open")) contact.case_kinds.add(model::CaseKind::open_cases);
        if (normalised_starts_with(value.text, "new")) contact.case_kinds.add(model::CaseKind::new_referrals);
        if (normalised_starts_with(value.text, "all")) contact.case_kinds.add(model::all_cases);
        break;
      default: break;
    }
  }
  if (title != nullptr) contact.title = text_of(*title, context);
  if (of != nullptr) contact.of = {context.lookup(context.symbols.agencies, of->text, of->span)};
  if (has_windows) contact.windows = windows_of(statement, context);
  describe(contact, statement, context);
  return contact;
}

namespace {

// The verbs of `duty_verb` in the grammar, so that 180,000 duties share ten strings.
// A verb added to the grammar and not here still works: it is kept as a normalised copy.
std::string_view verb_of(std::string_view written, Context& context) {
  static constexpr std::string_view verbs[] = {"record", "notify", "confirm in writing", "inform",
                                               "give feedback", "submit", "update", "share", "agree",
                                               model::duty_in_own_words};
  for (auto verb : verbs) {
    if (normalised_equals(written, verb)) return verb;
  }
  return context.texts.keep(normalise_words(written));
}

}  // namespace

model::Duty duty_of(const ast::Statement& statement, Context& context) {
  model::Duty duty;
  duty.span = statement.span;
  const ast::Value *object = nullptr, *form = nullptr, *timeframe = nullptr;
  for (const auto& value : statement.values) {
    switch (value.tag) {
      case Tag::verb:
        if (duty.verb.empty()) duty.verb = verb_of(value.text, context);
        break;
      case Tag::object:
        if (object == nullptr) object = &value;
        break;
      case Tag::ref:
        if (form == nullptr) form = &value;
        break;
      case Tag::to:
        duty.to.push_back(text_of(value, context));
        duty.to_one_of = duty.to_one_of || (value.flags & ast::joined_by_or) != 0;
        break;
      case Tag::throughout: duty.formal_stages_only = value.text == "every formal stage"; break;
      case Tag::on: keep_first(duty.on, value, context); break;
      case Tag::via: keep_first(duty.via, value, context); break;
      case Tag::by: keep_first(duty.by, value, context); break;
      case Tag::email: duty.emails.push_back(text_of(value, context)); break;
      case Tag::condition: keep_first(duty.condition, value, context); break;
      case Tag::purpose: keep_first(duty.purpose, value, context); break;
      case Tag::under: keep_first(duty.under, value, context); break;
      case Tag::timeframe:
        if (timeframe == nullptr) timeframe = &value;
        break;
      case Tag::before_stage:
        if (!duty.before_stage) duty.before_stage = value.low;
        break;
      default: break;
    }
  }
  if (form != nullptr) {
    duty.object = text_of(*form, context);
    duty.form = {context.lookup(context.symbols.forms, form->text, form->span)};
  } else if (object != nullptr) {
    duty.object = text_of(*object, context);
  }
  if (timeframe != nullptr) duty.timeframe = timeframe_of(statement, *timeframe, context);
  duty.modality = modality_of(statement);
  describe(duty, statement, context);
  return duty;
}

std::optional<model::Unknown> unknown_of(const ast::Statement& statement, model::UnknownPlace place,
                                         Context& context) {
  const auto* subject = statement.find(Tag::word);
  if (subject == nullptr) return std::nullopt;
  auto name = normalise_words(subject->text);
  auto known = model::find_unknown_subject(name);
  if (!known) {
    std::vector<std::string_view> names;
    for (const auto& row : model::unknown_table::rows) names.push_back(row.name);
    auto& d = context.sink.report(Code::N010, subject->span,
                                  fmt::format("escc does not know '{}' as something a protocol records as unknown",
                                              subject->text));
    auto best = closest_word(name, names);
    d.suggestion = best.empty() ? fmt::format("what can be unknown: {}", spoken_list(names, "or"))
                                : fmt::format("did you mean '{}'?", best);
    return std::nullopt;
  }
  const auto& row = model::row_of(*known);
  if (!row.stands_in.has(place)) {
    std::vector<std::string_view> places;
    for (auto each : {model::UnknownPlace::protocol, model::UnknownPlace::stage, model::UnknownPlace::agency,
                      model::UnknownPlace::line}) {
      if (row.stands_in.has(each)) places.push_back(model::unknown_place_words(each));
    }
    auto& d = context.sink.report(Code::N010, subject->span,
                                  fmt::format("'{}' cannot be recorded as unknown in {}; it belongs in {}", row.name,
                                              model::unknown_place_words(place), spoken_list(places, "or")));
    d.suggestion = "move the line to where the document leaves it unknown";
    return std::nullopt;
  }
  model::Unknown unknown;
  unknown.span = statement.span;
  unknown.subject = *known;
  unknown.reason = optional_text(statement, Tag::text, context);
  return unknown;
}

}  // namespace esc::resolving
