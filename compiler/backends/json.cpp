// The resolved model as JSON, for other tools. The layout is documented in
// docs/json.md; `schema_version` changes whenever a field changes meaning or goes away.
#include "compiler/backends/json.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <span>
#include <type_traits>
#include <utility>
#include <variant>

#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/model/unknowns.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;

json text(const model::Text& t) { return std::string(t.value); }

json optional_text(const std::optional<model::Text>& t) { return t ? text(*t) : json(nullptr); }

json texts(std::span<const model::Text> list) {
  auto array = json::array();
  for (const auto& t : list) array.push_back(text(t));
  return array;
}

json date(const std::optional<model::Date>& d) {
  if (!d) return nullptr;
  if (d->year_only()) return std::to_string(d->year);
  if (d->month_only()) return iso_date({d->year, d->month, 1}).substr(0, 7);
  return iso_date({d->year, d->month, d->day});
}

json working_days(const std::optional<model::WorkingDays>& days) {
  if (!days) return nullptr;
  return json{{"low", days->low}, {"high", days->high}};
}

// Every passage kept for an entity, in the order written, each saying which of the
// entity's statements it is about (null: the entity itself).
void describe(json& object, const model::Described& described) {
  auto quotes = json::array();
  for (const auto& passage : described.passages()) {
    quotes.push_back({{"kind", model::passage_kind_name(passage.kind)},
                      {"text", std::string(passage.text.value)},
                      {"about", passage.about.empty() ? json(nullptr) : json(passage.about)}});
  }
  object["quotes"] = std::move(quotes);
}

// Levels and kinds: a name, a title, and what is said of them.
template <typename Entity>
json named_entities(const std::vector<Entity>& list) {
  auto array = json::array();
  for (const auto& entity : list) {
    json object{{"name", entity.name}, {"title", optional_text(entity.title)}};
    describe(object, entity);
    array.push_back(std::move(object));
  }
  return array;
}

json duration(const model::Duration& d) {
  return json{{"text", d.describe()},
              {"unit", d.kind == model::DurationKind::amount ? std::string(model::unit_name(d.unit))
                                                             : d.describe()},
              {"low", d.low},
              {"high", d.high},
              {"working_days", working_days(d.working_days())}};
}

// The document's must, should or may, and its "as a guide", appear only where it says them.
void add_modality(json& object, model::Modality modality) {
  if (modality != model::Modality::unstated) object["modality"] = model::modality_name(modality);
}

json timeframe(const model::Timeframe& t) {
  auto object = duration(t.duration);
  object["further"] = t.further;
  object["by_day"] = t.by_day;
  object["or_sooner"] = t.or_sooner;
  object["from"] = optional_text(t.clock_start);
  if (t.also_stated) object["also_stated"] = duration(*t.also_stated);
  if (t.alternative) {
    auto other = duration(t.alternative->duration);
    other["whichever_is"] = text(t.alternative->word);
    other["counts"] = t.alternative->combine == model::Combine::lesser ? "lesser" : "greater";
    object["alternative"] = std::move(other);
    object["working_days"] = working_days(t.working_days());
  }
  if (t.after_step) {
    constexpr const char* edges[] = {nullptr, "start", "end"};
    const auto* edge = edges[static_cast<std::size_t>(t.after_step->edge)];
    object["after_step"] = {{"step", text(t.after_step->step)}, {"from", edge ? json(edge) : json(nullptr)}};
  }
  add_modality(object, t.modality);
  if (t.advisory()) object["advisory"] = model::guidance_name(t.guidance);
  return object;
}

std::string clock(int minutes) {
  std::string text(5, '0');
  text[0] = static_cast<char>('0' + minutes / 600);
  text[1] = static_cast<char>('0' + minutes / 60 % 10);
  text[2] = ':';
  text[3] = static_cast<char>('0' + minutes % 60 / 10);
  text[4] = static_cast<char>('0' + minutes % 10);
  return text;
}

json window(const model::Window& w, const model::Model& m) {
  static constexpr const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  json object;
  if (w.hours.valid()) {
    object["hours"] = m.hours.at(w.hours.index).name;
    return object;
  }
  auto names = json::array();
  for (int day = 0; day < 7; ++day) {
    if (w.days & (1 << day)) names.push_back(days[day]);
  }
  object["days"] = std::move(names);
  object["from"] = w.from_minute < 0 ? json(nullptr) : json(clock(w.from_minute));
  object["to"] = w.to_minute < 0 ? json(nullptr) : json(clock(w.to_minute));
  object["always"] = w.always;
  object["bank_holidays"] = w.bank_holidays;
  object["except_bank_holidays"] = w.except_bank_holidays;
  return object;
}

// Where a part of a protocol that extends a regional one comes from; nothing is added to
// the JSON of a protocol that extends none.
void add_origin(json& object, Span span, const model::Model& m) {
  if (auto origin = m.origin(span); !origin.empty()) object["origin"] = origin;
}

json contact(const model::Contact& c, const model::Model& m) {
  json object{{"title", text(c.title)},          {"person", optional_text(c.person)},
              {"phones", texts(c.phones)},       {"emails", texts(c.emails)},
              {"call_signs", texts(c.call_signs)}, {"switchboards", texts(c.switchboards)},
              {"via", optional_text(c.via)},
              {"mobiles", texts(c.mobiles)},     {"direct_lines", texts(c.direct_lines)},
              {"address", optional_text(c.address)}, {"purpose", optional_text(c.purpose)},
              {"not_for_escalation", c.not_for_escalation},
              {"as_listed", c.as_listed.has_value()},
              {"details_unknown", c.details_unknown ? json{{"reason", optional_text(c.details_unknown->reason)}}
                                                    : json(nullptr)},
              {"of", c.of.valid() ? json(m.agency(c.of).name) : json(nullptr)}};
  auto available = json::array();
  for (const auto& w : c.windows) available.push_back(window(w, m));
  object["available"] = std::move(available);
  auto kinds = json::array();
  if (c.case_kinds.has(model::CaseKind::open_cases)) kinds.push_back("open cases");
  if (c.case_kinds.has(model::CaseKind::new_referrals)) kinds.push_back("new referrals");
  object["case_kinds"] = std::move(kinds);
  object["condition"] = optional_text(c.condition);
  if (c.in_own_agency) object["in_own_agency"] = true;
  add_origin(object, c.span, m);
  describe(object, c);
  return object;
}

json contacts(const std::vector<model::Contact>& list, const model::Model& m) {
  auto array = json::array();
  for (const auto& c : list) array.push_back(contact(c, m));
  return array;
}

json unknowns(const std::vector<model::Unknown>& list) {
  auto array = json::array();
  for (const auto& u : list) {
    array.push_back({{"subject", model::unknown_subject_name(u.subject)}, {"reason", optional_text(u.reason)}});
  }
  return array;
}

json duty(const model::Duty& d, const model::Model& m) {
  json object{{"verb", d.verb},
              {"object", optional_text(d.object)},
              {"form", d.form.valid() ? json(m.forms.at(d.form.index).name) : json(nullptr)},
              {"to", texts(d.to)},
              {"on", optional_text(d.on)},
              {"via", optional_text(d.via)},
              {"by", optional_text(d.by)},
              {"emails", texts(d.emails)},
              {"timeframe", d.timeframe ? timeframe(*d.timeframe) : json(nullptr)},
              {"before_stage", d.before_stage ? json(*d.before_stage) : json(nullptr)},
              {"condition", optional_text(d.condition)},
              {"purpose", optional_text(d.purpose)}};
  if (d.under) object["under"] = d.under->value;
  if (d.to_one_of) object["to_one_of"] = true;
  add_modality(object, d.modality);
  add_origin(object, d.span, m);
  describe(object, d);
  return object;
}

json duties(const std::vector<model::Duty>& list, const model::Model& m) {
  auto array = json::array();
  for (const auto& d : list) array.push_back(duty(d, m));
  return array;
}

// The duties of the whole protocol, each with where it holds.
json every_stage_duties(const std::vector<model::Duty>& list, const model::Model& m) {
  auto array = json::array();
  for (const auto& d : list) {
    auto object = duty(d, m);
    object["holds"] = analysis::where_duty_holds(d);
    array.push_back(std::move(object));
  }
  return array;
}

std::string_view stage_kind(model::StageKind kind) {
  switch (kind) {
    case model::StageKind::formal: return "stage";
    case model::StageKind::informal: return "informal stage";
    case model::StageKind::route: return "route";
  }
  return "stage";
}

json stage(const model::Stage& s, const model::Model& m, const analysis::StageTime* time,
           const analysis::PathPoint* point) {
  json object{{"kind", stage_kind(s.kind)},
              {"number", s.kind == model::StageKind::formal ? json(s.number) : json(nullptr)},
              {"name", s.name.empty() ? json(nullptr) : json(s.name)},
              {"title", s.title.value.empty() ? json(nullptr) : text(s.title)},
              {"parties", texts(s.parties)},
              {"level", s.level.valid() ? json(m.levels.at(s.level.index).name) : json(nullptr)}};
  auto steps = json::array();
  for (const auto& step : s.steps) {
    json entry{{"title", text(step.title)},
               {"timeframe", step.timeframe ? timeframe(*step.timeframe) : json(nullptr)},
               {"cumulative", step.cumulative ? duration(*step.cumulative) : json(nullptr)}};
    if (!step.variants.empty()) {
      auto variants = json::array();
      for (const auto& variant : step.variants) {
        variants.push_back({{"label", text(variant.label)},
                            {"timeframe", variant.timeframe ? timeframe(*variant.timeframe) : json(nullptr)},
                            {"condition", optional_text(variant.condition)},
                            {"otherwise", variant.otherwise}});
      }
      entry["variants"] = std::move(variants);
    }
    if (step.by) entry["by"] = text(*step.by);
    if (step.condition) entry["condition"] = text(*step.condition);
    if (step.part_of) entry["part_of"] = text(*step.part_of);
    add_modality(entry, step.modality);
    add_origin(entry, step.span, m);
    describe(entry, step);
    steps.push_back(std::move(entry));
  }
  object["steps"] = std::move(steps);
  auto timeframes = json::array();
  for (const auto& t : s.timeframes) {
    auto entry = timeframe(t);
    add_origin(entry, t.span, m);
    timeframes.push_back(std::move(entry));
  }
  object["timeframes"] = std::move(timeframes);
  add_origin(object, s.span, m);
  if (!s.local_layers.empty()) object["local_additions"] = true;
  if (s.local_title) object["local_title"] = text(*s.local_title);
  object["cumulative"] = s.cumulative ? duration(*s.cumulative) : json(nullptr);
  object["working_days"] = time ? working_days(time->own) : json(nullptr);
  object["running_total"] = point ? working_days(point->end) : json(nullptr);
  auto outcomes = json::array();
  for (const auto& o : s.outcomes) {
    auto actions = json::array();
    for (const auto& a : o.actions) {
      switch (a.kind) {
        case model::ActionKind::go_to:
          actions.push_back({{"go_to", a.target.valid() ? json(m.stage(a.target).label()) : json(nullptr)}});
          break;
        case model::ActionKind::end: actions.push_back({{"end", true}}); break;
        case model::ActionKind::duty: actions.push_back({{"duty", duty(o.duties.at(a.duty), m)}}); break;
      }
      if (a.kind != model::ActionKind::duty) add_modality(actions.back(), a.modality);
    }
    json entry{{"when", model::outcome_name(o.kind)}, {"condition", optional_text(o.condition)}, {"actions", actions}};
    describe(entry, o);
    outcomes.push_back(std::move(entry));
  }
  object["outcomes"] = std::move(outcomes);
  object["duties"] = duties(s.duties, m);
  auto lines = json::array();
  for (const auto& range : s.contact_lines) {
    lines.push_back({{"from", range.first},
                     {"to", range.last},
                     {"of", range.agency.valid() ? json(m.agency(range.agency).name) : json(nullptr)}});
  }
  object["contact_lines"] = std::move(lines);
  if (s.contacts_join) object["contacts_join"] = model::contacts_join_words(s.contacts_join->value);
  object["contacts"] = contacts(s.contacts, m);
  auto entries = json::array();
  for (const auto& e : s.entries) {
    entries.push_back({{"from", e.any_stage ? json("any stage") : json(e.stage_number)},
                       {"condition", optional_text(e.condition)}});
  }
  object["entries"] = std::move(entries);
  object["through"] = optional_text(s.through);
  object["by"] = optional_text(s.actor);
  if (!s.actor_alternatives.empty()) object["or_by"] = texts(s.actor_alternatives);
  object["final"] = s.final;
  object["binding"] = s.binding;
  // Only where the protocol says it, so that other stages' JSON stays as it was.
  if (s.decided_by) object["decided_by"] = text(*s.decided_by);
  add_modality(object, s.modality);
  object["unknown"] = unknowns(s.unknowns);
  describe(object, s);
  return object;
}

json protocol(const model::Protocol& p, const model::Model& m) {
  auto partnerships = json::array();
  for (const auto& partnership : p.partnerships) {
    partnerships.push_back({{"name", partnership.known_only_by_abbreviation() ? json(nullptr) : text(partnership.name)},
                            {"short_name", partnership.short_name ? json(*partnership.short_name) : json(nullptr)},
                            {"also_called", texts(partnership.also_called)},
                            {"formerly", optional_text(partnership.formerly)}});
  }
  auto approvals = json::array();
  for (const auto& a : p.approvals) approvals.push_back({{"by", texts(a.names)}, {"date", date(a.date)}});
  auto read_with = json::array();
  for (const auto& r : p.read_with) read_with.push_back({{"title", text(r.title)}, {"url", optional_text(r.url)}});
  auto scope = json::array();
  if (p.scope.has(model::Scope::children)) scope.push_back("children");
  if (p.scope.has(model::Scope::young_people)) scope.push_back("young people");
  if (p.scope.has(model::Scope::adults)) scope.push_back("adults");
  if (p.scope.has(model::Scope::families)) scope.push_back("families");
  auto targets = json::array();
  for (const auto& t : p.targets) {
    json target{{"timeframe", timeframe(t.timeframe)},
                {"first_stage", t.first_stage ? json(*t.first_stage) : json(nullptr)},
                {"last_stage", t.last_stage ? json(*t.last_stage) : json(nullptr)}};
    describe(target, t);
    targets.push_back(std::move(target));
  }
  auto reports = json::array();
  for (const auto& r : p.reports) {
    reports.push_back({{"frequency", r.every_months ? json(nullptr) : json(model::frequency_name(r.frequency))},
                       {"every_months", r.every_months ? json(*r.every_months) : json(nullptr)},
                       {"what", optional_text(r.what)},
                       {"to", texts(r.to)}});
  }
  auto counterparts = json::array();
  for (const auto& c : p.counterparts) counterparts.push_back({{"who", text(c.who)}, {"for", text(c.for_whom)}});
  auto not_replaced = json::array();
  for (const auto& kept : p.not_replaced) {
    not_replaced.push_back(
        {{"document", text(kept.document)}, {"said", kept.said_separate ? "separate from" : "does not replace"}});
  }
  auto used_when = json::array();
  for (const auto& u : p.used_when) used_when.push_back({{"situations", texts(u.situations)}, {"joined_by", u.joined_by}});
  auto oversight = json::array();
  for (const auto& o : p.oversight) oversight.push_back({{"by", text(o.by)}, {"purpose", optional_text(o.purpose)}});
  auto excluded_instead = json::array();
  for (const auto& e : p.excluded_instead) {
    excluded_instead.push_back({{"excluded", text(e.excluded)}, {"instead", text(e.instead)}});
  }
  auto part_of = json::array();
  for (const auto& part : p.part_of) {
    part_of.push_back({{"manual", text(part.manual)}, {"section", optional_text(part.section)}});
  }
  auto amendments = json::array();
  for (const auto& a : p.amendments) amendments.push_back({{"date", date(a.date)}, {"what", optional_text(a.what)}});
  auto dates = json::array();
  for (const auto& d : p.dates) dates.push_back(date(d));
  auto terms = json::array();
  for (const auto& t : p.terms) terms.push_back({{"term", text(t.term)}, {"means", text(t.meaning)}});
  json object{{"title", text(p.title)},
              {"partnerships", partnerships},
              {"version", optional_text(p.version)},
              {"status", p.status ? json(model::status_name(p.status->value)) : json(nullptr)},
              {"authors", texts(p.authors)},
              {"dated", date(p.dated)},
              {"approvals", approvals},
              {"last_reviewed", date(p.last_reviewed)},
              {"review_due", date(p.review_due)},
              {"review_every_months", p.review_every_months ? json(p.review_every_months->value) : json(nullptr)},
              {"read_with", read_with},
              {"covers", scope},
              {"excludes", texts(p.exclusions)},
              {"applies_to", texts(p.applies_to)},
              {"counterparts", counterparts},
              {"part_of", part_of},
              {"supersedes", texts(p.supersedes)},
              {"amendments", amendments},
              {"statutory", texts(p.statutory)},
              {"does_not_replace", not_replaced},
              {"overseen_by", oversight},
              {"used_when", used_when},
              {"excluded_instead", excluded_instead},
              {"versions", texts(p.versions)},
              {"dates", dates},
              {"calendar", p.calendar.valid() ? json(m.calendars.at(p.calendar.index).name) : json(nullptr)},
              {"targets", targets},
              {"timeframes_from", optional_text(p.timeframes_from)},
              {"reports", reports},
              {"terms", terms},
              {"links", texts(p.links)},
              {"document", p.document ? json(p.document->named.value) : json(nullptr)},
              {"contacts", contacts(p.contacts, m)},
              {"duties", every_stage_duties(p.duties, m)},
              {"unknown", unknowns(p.unknowns)}};
  auto called = json::array();
  if (p.timeframes_mandatory) called.push_back("mandatory");
  if (p.timeframes_indicative) called.push_back("indicative");
  if (!called.empty()) object["timeframes_called"] = std::move(called);
  if (p.formal_start) {
    json start{{"stage", p.formal_start->stage_number}, {"started_by", optional_text(p.formal_start->started_by)}};
    // Written only where the statement says them, so that the key's shape stays as it was.
    if (p.formal_start->condition) start["if"] = text(*p.formal_start->condition);
    add_modality(start, p.formal_start->modality);
    // "procedure_from" where the document does not call the procedure formal.
    object[p.formal_start->called_formal ? "formal_from" : "procedure_from"] = std::move(start);
  }
  // Each only where the protocol says it, as `formal_from` is.
  auto via = json::array();
  for (const auto& v : p.via) via.push_back({{"ways", texts(v.ways)}, {"joined_by", v.joined_by}});
  if (!via.empty()) object["via"] = std::move(via);
  auto covered_kinds = json::array();
  for (const auto& c : p.covered_kinds) {
    covered_kinds.push_back({{"of", c.of}, {"only", c.only}, {"kinds", texts(c.kinds)}, {"joined_by", c.joined_by}});
  }
  if (!covered_kinds.empty()) object["covers_kinds"] = std::move(covered_kinds);
  describe(object, p);
  return object;
}

json line(const model::Line& l, const model::Model& m) {
  json object{{"label", l.label},
              {"title", optional_text(l.title)},
              {"contacts", contacts(l.contacts, m)},
              {"duties", duties(l.duties, m)},
              {"unknown", unknowns(l.unknowns)}};
  describe(object, l);
  return object;
}

json agency(const model::Agency& a, const model::Model& m) {
  auto roles = json::array();
  for (const auto& r : a.roles) {
    json role{{"title", text(r.title)},
              {"level", r.level.valid() ? json(m.levels.at(r.level.index).name) : json(nullptr)},
              {"person", optional_text(r.person)}};
    describe(role, r);
    roles.push_back(std::move(role));
  }
  auto lines = json::array();
  for (const auto& l : a.lines) lines.push_back(line(l, m));
  json object{{"name", a.name},    {"title", text(a.title)}, {"also_called", texts(a.also_called)},
              {"kind", optional_text(a.kind)},
              {"roles", roles},    {"lines", lines},         {"contacts", contacts(a.contacts, m)},
              {"unknown", unknowns(a.unknowns)}};
  add_origin(object, a.span, m);
  describe(object, a);
  return object;
}

// What a reading says, as the block its ambiguity stands in would say it: only what
// the reading states, without the keys that name the block (given by `in`).
json reading_says(const model::Reading& reading, const model::Model& m) {
  json says = std::visit(
      [&](const auto& entity) -> json {
        using Entity = std::decay_t<decltype(entity)>;
        if constexpr (std::is_same_v<Entity, model::Protocol>) return protocol(entity, m);
        if constexpr (std::is_same_v<Entity, model::Stage>) return stage(entity, m, nullptr, nullptr);
        if constexpr (std::is_same_v<Entity, model::Agency>) return agency(entity, m);
        if constexpr (std::is_same_v<Entity, model::Line>) return line(entity, m);
      },
      reading.says);
  json kept = json::object();
  for (auto& [key, value] : says.items()) {
    bool names_block = key == "kind" || key == "number" || key == "name" || key == "title" || key == "label";
    bool empty = value.is_null() || value == false || (value.is_array() && value.empty()) ||
                 (value.is_string() && value.get<std::string>().empty());
    if (!names_block && !empty) kept[key] = value;
  }
  return kept;
}

json ambiguities(const model::Model& m) {
  auto array = json::array();
  for (const auto& a : m.ambiguities) {
    auto readings = json::array();
    for (const auto& r : a.readings) {
      json reading{{"label", text(r.label)}, {"says", reading_says(r, m)}};
      describe(reading, r);
      readings.push_back(std::move(reading));
    }
    json object{{"about", text(a.about)}, {"in", a.place}, {"readings", readings}};
    describe(object, a);
    array.push_back(std::move(object));
  }
  return array;
}

// Stands in the document for an array written separately; no protocol text can look
// like it, since a string's own quotes are always escaped.
constexpr std::string_view stages_marker = "\x01stages";
constexpr std::string_view agencies_marker = "\x01agencies";

std::string dump(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

// The text of an array of `count` elements at the document's second level, exactly as
// dumping the whole array would write it, made one element at a time.
template <typename Element>
std::string streamed_array(std::size_t count, Element&& element) {
  if (count == 0) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    out += "    ";
    for (char c : dump(element(i))) {
      out += c;
      if (c == '\n') out += "    ";
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  out += "  ]";
  return out;
}

// The document with each marker's string (given in document order) replaced by its
// array's text, in one pass: copying a large document once per array would double the
// time it takes to write it.
std::string spliced(const std::string& document,
                    std::initializer_list<std::pair<std::string_view, const std::string*>> arrays) {
  std::size_t size = document.size() + 1;
  for (const auto& [marker, array] : arrays) size += array->size();
  std::string out;
  out.reserve(size);
  std::size_t from = 0;
  for (const auto& [marker, array] : arrays) {
    auto quoted = dump(json(std::string(marker)));
    auto at = document.find(quoted, from);
    if (at == std::string::npos) continue;
    out.append(document, from, at - from);
    out += *array;
    from = at + quoted.size();
  }
  out.append(document, from);
  out += '\n';
  return out;
}

}  // namespace

std::string emit_json(const model::Model& model, const analysis::Analyses& analyses, std::string_view source_path) {
  const auto& durations = analyses.durations;
  const auto& totals = analyses.totals;

  json root;
  root["schema_version"] = json_schema_version;
  root["source"] = std::string(source_path);
  root["protocol"] = model.protocol ? protocol(*model.protocol, model) : json(nullptr);
  if (model.regional) {
    const auto& regional = model.regional->protocol;
    root["extends"] = {{"file", text(model.regional->named)},
                       {"title", text(regional.title)},
                       {"version", optional_text(regional.version)},
                       {"dated", date(regional.dated)},
                       {"document", regional.document ? text(regional.document->named) : json(nullptr)}};
  }
  root["immediate_risk"] =
      model.immediate_risk ? stage(*model.immediate_risk, model, nullptr, nullptr) : json(nullptr);
  std::vector<const analysis::PathPoint*> point_of(model.stages.size(), nullptr);
  for (const auto& p : totals) point_of[p.stage.index] = &p;
  // Stages and agencies are most of a model: each is turned into JSON and written out
  // in turn (streamed_array), never all of them at once.
  root["stages"] = stages_marker;
  auto stages = streamed_array(model.stages.size(), [&](std::size_t i) {
    return stage(model.stages[i], model, &durations.stages[i], point_of[i]);
  });
  root["agencies"] = agencies_marker;
  auto agencies = streamed_array(model.agencies.size(),
                                 [&](std::size_t index) { return agency(model.agencies[index], model); });
  auto hours = json::array();
  for (const auto& h : model.hours) {
    auto windows = json::array();
    for (const auto& w : h.windows) windows.push_back(window(w, model));
    json entry{{"name", h.name}, {"title", optional_text(h.title)}, {"windows", windows}};
    describe(entry, h);
    hours.push_back(std::move(entry));
  }
  root["hours"] = std::move(hours);
  root["levels"] = named_entities(model.levels);
  root["kinds"] = named_entities(model.kinds);
  // Only the calendar the protocol uses: the others are library data, not the protocol.
  if (model.protocol && model.protocol->calendar.valid()) {
    const auto& c = model.calendars.at(model.protocol->calendar.index);
    auto holidays = json::array();
    for (const auto& h : c.holidays) {
      holidays.push_back({{"date", date(h.date)}, {"name", optional_text(h.name)}});
    }
    static constexpr const char* day_names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    auto working = json::array();
    for (int day = 0; day < 7; ++day) {
      if (c.working_days & (1 << day)) working.push_back(day_names[day]);
    }
    root["calendar"] = {{"name", c.name},
                        {"title", optional_text(c.title)},
                        {"working_days", working},
                        {"data_from", c.data_from},
                        {"data_to", c.data_to},
                        {"bank_holidays", holidays}};
    describe(root["calendar"], c);
  } else {
    root["calendar"] = nullptr;
  }
  auto forms = json::array();
  for (const auto& f : model.forms) {
    auto sections = json::array();
    for (const auto& s : f.sections) sections.push_back({{"title", text(s.title)}, {"fields", texts(s.fields)}});
    json form{{"name", f.name},
              {"title", text(f.title)},
              {"required_from_stage", f.required_from ? json(*f.required_from) : json(nullptr)},
              {"send_to", contacts(f.send_to, model)},
              {"sections", sections},
              {"fields", texts(f.fields)},
              {"columns", texts(f.columns)}};
    describe(form, f);
    forms.push_back(std::move(form));
  }
  root["forms"] = std::move(forms);
  auto figures = json::array();
  for (const auto& f : model.figures) {
    json figure{{"title", text(f.title)}, {"shows_stages", f.stage_numbers}};
    describe(figure, f);
    figures.push_back(std::move(figure));
  }
  root["figures"] = std::move(figures);
  // Only where the protocol has them, so that every other protocol's JSON stays as it was.
  if (!model.complaints.empty()) {
    auto complaints = json::array();
    for (const auto& c : model.complaints) {
      json complaint{{"about", text(c.about)}, {"contacts", contacts(c.contacts, model)}, {"duties", duties(c.duties, model)}};
      describe(complaint, c);
      complaints.push_back(std::move(complaint));
    }
    root["complaints"] = std::move(complaints);
  }
  auto allows = json::array();
  for (const auto& a : model.allows) allows.push_back({{"code", a.code}, {"reason", text(a.reason)}});
  root["allows"] = std::move(allows);
  root["ambiguities"] = ambiguities(model);
  return spliced(dump(root), {{stages_marker, &stages}, {agencies_marker, &agencies}});
}

}  // namespace esc::backends
