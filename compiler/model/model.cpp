#include "compiler/model/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <type_traits>
#include <unordered_set>

#include "compiler/source/spoken_list.hpp"

namespace esc::model {

std::optional<WorkingDays> Duration::working_days() const {
  switch (kind) {
    case DurationKind::same_working_day:
    case DurationKind::immediately: return WorkingDays{0, 0};
    case DurationKind::as_soon_as_possible: return std::nullopt;
    case DurationKind::amount: break;
  }
  auto round_up_days = [](std::int64_t hours) { return (hours + 23) / 24; };
  switch (unit) {
    case Unit::hours: return WorkingDays{round_up_days(low), round_up_days(high)};
    case Unit::working_weeks:
    case Unit::weeks: return WorkingDays{low * 5, high * 5};
    // n working days lie within [5n/7, n] too, so both readings of "n days" do.
    case Unit::calendar_days:
    case Unit::days: return WorkingDays{low * 5 / 7, high};
    default: return WorkingDays{low, high};
  }
}

std::string Duration::describe() const {
  switch (kind) {
    case DurationKind::same_working_day: return "the same working day";
    case DurationKind::immediately: return "immediately";
    case DurationKind::as_soon_as_possible: return "as soon as possible";
    case DurationKind::amount: break;
  }
  auto amount = low == high ? fmt::format("{}", low) : fmt::format("{}-{}", low, high);
  auto unit_words = std::string(unit_name(unit));
  if (low == high && high == 1 && unit_words.back() == 's') unit_words.pop_back();
  return fmt::format("{} {}", amount, unit_words);
}

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::working_days: return "working days";
    case Unit::calendar_days: return "calendar days";
    case Unit::hours: return "hours";
    case Unit::working_weeks: return "working weeks";
    case Unit::weeks: return "weeks";
    case Unit::days: return "days";
    case Unit::months: return "months";
    case Unit::years: return "years";
  }
  return "";
}

std::string_view frequency_name(Frequency frequency) {
  switch (frequency) {
    case Frequency::monthly: return "monthly";
    case Frequency::quarterly: return "quarterly";
    case Frequency::annually: return "annually";
  }
  return "";
}

std::string Protocol::partnership_names() const {
  std::vector<std::string_view> names;
  for (const auto& partnership : partnerships) names.push_back(partnership.shown_name());
  return spoken_list(names, "and");
}

std::string Report::describe() const {
  if (!every_months) return std::string(frequency_name(frequency));
  if (*every_months % 12 == 0) {
    auto years = *every_months / 12;
    return years == 1 ? std::string("every year") : "every " + std::to_string(years) + " years";
  }
  return *every_months == 1 ? std::string("every month") : "every " + std::to_string(*every_months) + " months";
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::draft: return "draft";
    case Status::live: return "live";
    case Status::withdrawn: return "withdrawn";
  }
  return "";
}

std::string_view passage_kind_name(PassageKind kind) {
  switch (kind) {
    case PassageKind::source: return "source";
    case PassageKind::note: return "note";
    case PassageKind::context: return "context";
  }
  return "";
}

std::string_view modality_name(Modality modality) {
  switch (modality) {
    case Modality::unstated: return "";
    case Modality::must: return "must";
    case Modality::should: return "should";
    case Modality::may: return "may";
  }
  return "";
}

namespace {

template <typename List, typename Each>
void each_of(const List& list, const Where* outer, Each& each) {
  for (const auto& described : list) each(described, Where{&described, outer});
}

template <typename Each>
void stage_described(const Stage& stage, const Where& here, Each& each) {
  each(stage, here);
  each_of(stage.steps, &here, each);
  each_of(stage.duties, &here, each);
  each_of(stage.contacts, &here, each);
  each_of(stage.outcomes, &here, each);
  for (const auto& outcome : stage.outcomes) {
    Where in_outcome{&outcome, &here};
    each_of(outcome.duties, &in_outcome, each);
  }
}

// A title as part of a place: quoted, and short enough to read in a line.
std::string titled(std::string_view word, std::string_view title) {
  constexpr std::size_t longest = 40;
  if (title.size() <= longest) return fmt::format("{} \"{}\"", word, title);
  auto cut = longest - 3;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{} \"{}…\"", word, title.substr(0, cut));
}

struct Describe {
  std::string operator()(const Protocol*) const { return "protocol"; }
  std::string operator()(const Target* target) const { return "resolve " + target->timeframe.describe(); }
  std::string operator()(Where::ImmediateRisk) const { return "immediate risk"; }
  std::string operator()(const Stage* stage) const {
    return stage->kind == StageKind::informal ? "informal stage" : stage->label();
  }
  std::string operator()(const Step* step) const { return titled("step", step->title.value); }
  std::string operator()(const Duty* duty) const {
    return duty->object ? titled(duty->verb, duty->object->value) : std::string(duty->verb);
  }
  std::string operator()(const Outcome* outcome) const { return fmt::format("when {}", outcome_name(outcome->kind)); }
  std::string operator()(const Contact* contact) const { return titled("contact", contact->title.value); }
  std::string operator()(const Agency* agency) const { return "agency " + agency->name; }
  std::string operator()(const Role* role) const { return titled("role", role->title.value); }
  std::string operator()(const Line* line) const { return "line " + line->label; }
  std::string operator()(const Form* form) const { return "form " + form->name; }
  std::string operator()(const Complaints* complaints) const { return titled("complaints about", complaints->about.value); }
  std::string operator()(const Level* level) const { return "level " + level->name; }
  std::string operator()(const Kind* kind) const { return "kind " + kind->name; }
  std::string operator()(const Hours* hours) const { return "hours " + hours->name; }
  std::string operator()(const Calendar* calendar) const { return "calendar " + calendar->name; }
  std::string operator()(const Figure* figure) const { return titled("figure", figure->title.value); }
  std::string operator()(const Ambiguity* ambiguity) const { return titled("ambiguous", ambiguity->about.value); }
  std::string operator()(const Reading* reading) const { return titled("reading", reading->label.value); }
};

}  // namespace

std::string Where::describe() const {
  auto text = std::visit(Describe{}, entity);
  for (const auto* at = outer; at != nullptr; at = at->outer) text = std::visit(Describe{}, at->entity) + " › " + text;
  return text;
}

Span Where::span() const {
  return std::visit(
      [](const auto& held) {
        if constexpr (std::is_same_v<std::decay_t<decltype(held)>, ImmediateRisk>) {
          return held.rule->span;
        } else {
          return held->span;
        }
      },
      entity);
}

namespace {

using Each = std::function<void(const Described&, const Where&)>;

void protocol_described(const Protocol& protocol, const Where* outer, const Each& each) {
  Where here{&protocol, outer};
  each(protocol, here);
  each_of(protocol.contacts, &here, each);
  each_of(protocol.duties, &here, each);
  each_of(protocol.targets, &here, each);
}

void line_described(const Line& line, const Where* outer, const Each& each) {
  Where here{&line, outer};
  each(line, here);
  each_of(line.contacts, &here, each);
  each_of(line.duties, &here, each);
}

void agency_described(const Agency& agency, const Where* outer, const Each& each) {
  Where here{&agency, outer};
  each(agency, here);
  each_of(agency.roles, &here, each);
  each_of(agency.contacts, &here, each);
  for (const auto& line : agency.lines) line_described(line, &here, each);
}

}  // namespace

void for_each_described_where(const Model& model, const Each& each) {
  if (model.protocol) protocol_described(*model.protocol, nullptr, each);
  if (model.regional) protocol_described(model.regional->protocol, nullptr, each);
  for (const auto& stage : model.stages) stage_described(stage, Where{&stage}, each);
  if (model.immediate_risk) stage_described(*model.immediate_risk, Where{Where::ImmediateRisk{&*model.immediate_risk}}, each);
  for (const auto& agency : model.agencies) agency_described(agency, nullptr, each);
  for (const auto& form : model.forms) {
    Where in_form{&form};
    each(form, in_form);
    each_of(form.send_to, &in_form, each);
  }
  for (const auto& complaints : model.complaints) {
    Where in_complaints{&complaints};
    each(complaints, in_complaints);
    each_of(complaints.contacts, &in_complaints, each);
    each_of(complaints.duties, &in_complaints, each);
  }
  each_of(model.levels, nullptr, each);
  each_of(model.kinds, nullptr, each);
  each_of(model.hours, nullptr, each);
  each_of(model.calendars, nullptr, each);
  each_of(model.figures, nullptr, each);
  for (const auto& ambiguity : model.ambiguities) {
    Where in_ambiguity{&ambiguity};
    each(ambiguity, in_ambiguity);
    for (const auto& reading : ambiguity.readings) {
      Where in_reading{&reading, &in_ambiguity};
      each(reading, in_reading);
      if (const auto* protocol = std::get_if<Protocol>(&reading.says)) protocol_described(*protocol, &in_reading, each);
      if (const auto* stage = std::get_if<Stage>(&reading.says)) stage_described(*stage, Where{stage, &in_reading}, each);
      if (const auto* agency = std::get_if<Agency>(&reading.says)) agency_described(*agency, &in_reading, each);
      if (const auto* line = std::get_if<Line>(&reading.says)) line_described(*line, &in_reading, each);
    }
  }
}

void for_each_described(const Model& model, const std::function<void(const Described&)>& each) {
  for_each_described_where(model, [&](const Described& described, const Where&) { each(described); });
}

std::string_view guidance_name(Guidance guidance) {
  switch (guidance) {
    case Guidance::none: return "";
    case Guidance::as_a_guide: return "as a guide";
    case Guidance::indicative: return "indicative";
  }
  return "";
}

std::string_view contacts_join_words(ContactsJoin join) {
  switch (join) {
    case ContactsJoin::all: return "all of these";
    case ContactsJoin::any_one: return "any one of these";
    case ContactsJoin::unstated: return "";
  }
  return "";
}

bool Contact::reached_in_own_agency() const {
  if (in_own_agency) return true;
  std::string words(title.value);
  std::transform(words.begin(), words.end(), words.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // The reader's possessive names the reader's own post; "own agency" says so outright.
  return words.rfind("your ", 0) == 0 || words.rfind("their ", 0) == 0 ||
         words.find("own agency") != std::string::npos || words.find("your agency") != std::string::npos;
}

bool Unknown::lost_in_extraction() const {
  if (!reason) return false;
  std::string words(reason->value);
  std::transform(words.begin(), words.end(), words.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // "extracted", "extraction"; "lost", "was lost when ...".
  return words.find("extract") != std::string::npos || words.find("lost") != std::string::npos;
}


std::string_view outcome_name(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::resolved: return "resolved";
    case OutcomeKind::unresolved: return "unresolved";
    case OutcomeKind::no_response: return "no response";
  }
  return "unresolved";
}

std::string Timeframe::describe() const {
  std::string text;
  switch (duration.kind) {
    case DurationKind::amount:
      if (by_day) {
        text = duration.low == duration.high ? fmt::format("by day {}", duration.high)
                                             : fmt::format("by days {}-{}", duration.low, duration.high);
      } else {
        text = (further ? "within a further " : "within ") + duration.describe();
        if (also_stated) text += fmt::format(" ({})", also_stated->describe());
        if (alternative) {
          text += fmt::format(" or {}, whichever is {}", alternative->duration.describe(), alternative->word.value);
        }
      }
      break;
    case DurationKind::same_working_day: text = "on the same working day"; break;
    case DurationKind::immediately:
    case DurationKind::as_soon_as_possible: text = duration.describe(); break;
  }
  if (clock_start) text += fmt::format(" from {}", clock_start->value);
  if (after_step) {
    constexpr std::string_view edges[] = {"of", "from the start of", "from the end of"};
    text += fmt::format(" {} step \"{}\"", edges[static_cast<std::size_t>(after_step->edge)], after_step->step.value);
  }
  if (or_sooner) text += " or sooner";
  if (advisory()) text += fmt::format(" {}", guidance_name(guidance));
  return text;
}

std::string Timeframe::amount_words() const {
  if (!alternative) return duration.describe();
  return fmt::format("{} or {}, whichever is {}", duration.describe(), alternative->duration.describe(),
                     alternative->word.value);
}

std::optional<WorkingDays> Timeframe::working_days() const {
  auto days = duration.working_days();
  if (!alternative) return days;
  auto other = alternative->duration.working_days();
  if (alternative->combine == Combine::lesser) {
    if (!days || !other) {
      const auto& known = days ? days : other;
      if (!known) return std::nullopt;
      return WorkingDays{0, known->high};
    }
    return WorkingDays{std::min(days->low, other->low), std::min(days->high, other->high)};
  }
  if (!days || !other) return std::nullopt;
  return WorkingDays{std::max(days->low, other->low), std::max(days->high, other->high)};
}

std::string Timeframe::stated() const {
  if (modality == Modality::unstated) return describe();
  return fmt::format("{} be done {}", modality_name(modality), describe());
}

std::string Stage::label() const {
  switch (kind) {
    case StageKind::formal: return fmt::format("stage {}", number);
    case StageKind::informal: return "the informal stage";
    case StageKind::route: return fmt::format("route {}", name);
  }
  return "stage";
}

bool Stage::named() const {
  // The title's words in lower case, single-spaced, to compare with "stage N".
  std::string words;
  for (char c : title.value) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  if (words.empty()) return false;
  return kind != StageKind::formal || words != fmt::format("stage {}", number);
}

std::optional<Span> Step::time_span() const {
  if (timeframe) return timeframe->span;
  for (const auto& variant : variants) {
    if (variant.timeframe) return variant.timeframe->span;
  }
  return std::nullopt;
}

std::string Step::time_words() const {
  if (variants.empty()) return timeframe ? timeframe->describe() : std::string();
  std::string words;
  for (const auto& variant : variants) {
    if (!words.empty()) words += "; ";
    words += variant.label.value;
    if (variant.condition) words += fmt::format(" if {}", variant.condition->value);
    if (variant.otherwise) words += " otherwise";
    if (variant.timeframe) words += ": " + variant.timeframe->describe();
  }
  return words;
}

std::string Stage::actor_words() const {
  if (!actor) return {};
  std::string words(actor->value);
  for (const auto& other : actor_alternatives) words += fmt::format(" or {}", other.value);
  return words;
}

std::string Stage::heading() const {
  std::string text;
  switch (kind) {
    case StageKind::formal:
      text = named() ? fmt::format("Stage {}: {}", number, title.value) : fmt::format("Stage {}", number);
      break;
    case StageKind::informal: text = named() ? fmt::format("Informal stage: {}", title.value) : "Informal stage"; break;
    case StageKind::route: text = fmt::format("Route: {}", title.value); break;
  }
  // Every output that names the stage says, as the document does, that it may not be held.
  if (modality == Modality::may) text += " (may take place)";
  return text;
}

std::vector<const Window*> plain_windows(const std::vector<Window>& windows, const Model& model) {
  std::vector<const Window*> plain;
  std::unordered_set<std::uint32_t> expanded;
  // An explicit stack rather than recursion: a chain of definitions can be as long as
  // the file, and must not exhaust the call stack.
  std::vector<std::pair<const std::vector<Window>*, std::size_t>> pending{{&windows, 0}};
  while (!pending.empty()) {
    auto& [list, next] = pending.back();
    if (next == list->size()) {
      pending.pop_back();
      continue;
    }
    const auto& window = (*list)[next++];
    if (!window.hours.valid()) {
      plain.push_back(&window);
    } else if (window.hours.index < model.hours.size() && expanded.insert(window.hours.index).second) {
      pending.push_back({&model.hours[window.hours.index].windows, 0});
    }
  }
  return plain;
}

void walk_hours(const Model& model, const HoursWalk& walk) {
  enum class State : char { unseen, open, done };
  std::vector<State> state(model.hours.size(), State::unseen);
  for (std::uint32_t root = 0; root < model.hours.size(); ++root) {
    if (state[root] != State::unseen) continue;
    state[root] = State::open;
    // The definitions being followed, each with the next of its windows to look at: the
    // window before that one names the definition after it on the path.
    std::vector<std::pair<std::uint32_t, std::size_t>> path{{root, 0}};
    while (!path.empty()) {
      auto [id, next] = path.back();
      const auto& windows = model.hours[id].windows;
      if (next == windows.size()) {
        state[id] = State::done;
        path.pop_back();
        if (!path.empty() && walk.named) walk.named(path.back().first, id);
        continue;
      }
      ++path.back().second;
      const auto& window = windows[next];
      if (!window.hours.valid()) {
        if (walk.plain) walk.plain(id, window);
        continue;
      }
      auto inner = window.hours.index;
      if (inner >= state.size()) continue;
      if (state[inner] == State::unseen) {
        state[inner] = State::open;
        path.push_back({inner, 0});
      } else if (state[inner] == State::done) {
        if (walk.named) walk.named(id, inner);
      } else if (walk.circle) {
        std::size_t first = 0;
        while (path[first].first != inner) ++first;
        HoursCircle circle;
        for (auto i = first; i < path.size(); ++i) {
          circle.push_back({path[i].first, &model.hours[path[i].first].windows[path[i].second - 1]});
        }
        walk.circle(circle);
      }
    }
  }
}

}  // namespace esc::model
