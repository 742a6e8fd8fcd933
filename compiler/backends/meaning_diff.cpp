#include "compiler/backends/meaning_diff.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>

#include "compiler/backends/json.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;
using analysis::Change;
using analysis::ChangeKind;
using Keys = std::initializer_list<std::string_view>;

bool among(std::string_view key, Keys keys) { return std::find(keys.begin(), keys.end(), key) != keys.end(); }

// The quotes are the document's words and the transcriber's notes, not what the
// protocol means (D001 and `escc trace` judge them); the file's name is not either.
void drop_quotes(json& value) {
  if (value.is_object()) {
    value.erase("quotes");
    for (auto& item : value.items()) drop_quotes(item.value());
  } else if (value.is_array()) {
    for (auto& element : value) drop_quotes(element);
  }
}

json model_as_json(const model::Model& model, const analysis::Analyses& analyses) {
  auto value = json::parse(emit_json(model, analyses, ""));
  value.erase("source");
  value.erase("schema_version");
  drop_quotes(value);
  return value;
}

// ---- Values in the words of the language ------------------------------------------------

std::string key_words(std::string_view key) {
  static constexpr std::pair<std::string_view, std::string_view> words[] = {
      {"review_every_months", "review every (months)"},
      {"timeframes_from", "timeframes counted from"},
      {"contact_lines", "contacts"},
      {"contacts_join", "contacts all or any one"},
      {"entries", "entry"},
      {"unknown", "recorded as unknown"},
      {"condition", "if"},
      {"case_kinds", "for"},
      {"required_from_stage", "required from stage"},
      {"shows_stages", "shows stages"},
      {"says", "says"},
      {"timeframes", "timeframe"},
      {"steps", "step"},
      {"duties", "duty"},
      {"outcomes", "outcome"},
      {"targets", "target"},
      {"windows", "available"},
  };
  for (const auto& [name, said] : words) {
    if (name == key) return std::string(said);
  }
  std::string text(key);
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// Values that are words of the language, not text quoted from the document.
bool is_language_word(std::string_view key) {
  return among(key, {"status", "covers", "verb", "when", "modality", "advisory", "kind", "unit", "frequency",
                     "subject", "timeframes_called", "case_kinds", "days", "go_to", "level", "calendar", "form", "of",
                     "hours", "name", "code", "label", "in", "from", "to", "date"});
}

std::string render(const json& value, std::string_view key = {});

std::string render_timeframe(const json& t) {
  std::vector<std::string> parts;
  if (t.contains("modality")) parts.push_back(t["modality"].get<std::string>() + " be done");
  auto text = t.value("text", std::string());
  bool amount = t.value("unit", std::string()) != text;
  if (!t.contains("further")) {
    parts.push_back(text);  // a duration, such as a stated running total
  } else if (t.value("by_day", false)) {
    parts.push_back(fmt::format("by day {}", t["low"] == t["high"] ? t["low"].dump() : text));
  } else {
    parts.push_back(amount ? fmt::format("within {}{}", t.value("further", false) ? "a further " : "", text) : text);
  }
  if (t.value("or_sooner", false)) parts.push_back("or sooner");
  if (t.contains("from") && t["from"].is_string()) parts.push_back(fmt::format("from \"{}\"", t["from"].get<std::string>()));
  if (t.contains("advisory")) parts.push_back(t["advisory"].get<std::string>());
  return fmt::format("{}", fmt::join(parts, " "));
}

std::string render_window(const json& w) {
  if (w.contains("hours")) return w["hours"].get<std::string>();
  if (w.value("always", false)) return "always";
  std::vector<std::string> parts;
  std::vector<std::string> days;
  for (const auto& day : w["days"]) days.push_back(day.get<std::string>());
  auto weekdays = std::vector<std::string>{"monday", "tuesday", "wednesday", "thursday", "friday"};
  if (days == weekdays) {
    parts.push_back("weekdays");
  } else if (days == std::vector<std::string>{"saturday", "sunday"}) {
    parts.push_back("weekends");
  } else if (!days.empty() && days.size() < 7) {
    parts.push_back(fmt::format("{}", fmt::join(days, " ")));
  }
  if (w["from"].is_string()) parts.push_back(fmt::format("{}-{}", w["from"].get<std::string>(), w["to"].get<std::string>()));
  if (w.value("bank_holidays", false)) parts.push_back("bank holidays");
  if (w.value("except_bank_holidays", false)) parts.push_back("except bank holidays");
  return parts.empty() ? "every day" : fmt::format("{}", fmt::join(parts, " "));
}

std::string render_outcome(const json& o) {
  std::string text = "when " + o.value("when", std::string());
  if (o.contains("condition") && o["condition"].is_string()) text += fmt::format(" if \"{}\"", o["condition"].get<std::string>());
  std::vector<std::string> actions;
  for (const auto& action : o["actions"]) actions.push_back(render(action));
  return fmt::format("{}: {}", text, fmt::join(actions, ", then "));
}

bool is_empty(const json& value) {
  return value.is_null() || (value.is_boolean() && !value.get<bool>()) || ((value.is_array() || value.is_object()) && value.empty());
}

std::string render_object(const json& object) {
  if (object.contains("unit") && object.contains("text")) return render_timeframe(object);
  if (object.contains("always") || (object.size() == 1 && object.contains("hours"))) return render_window(object);
  if (object.contains("when") && object.contains("actions")) return render_outcome(object);
  std::string prefix;
  if (object.contains("go_to") || object.contains("end")) {
    prefix = object.contains("modality") ? object["modality"].get<std::string>() + " " : "";
    return prefix + (object.contains("go_to") ? "go to " + render(object["go_to"], "go_to") : "end");
  }
  if (object.contains("duty")) return render(object["duty"]);
  std::vector<std::string> parts;
  for (const auto& item : object.items()) {
    const auto& key = item.key();
    const auto& value = item.value();
    if (is_empty(value) || among(key, {"working_days", "running_total"})) continue;
    if (key == "modality") {
      parts.insert(parts.begin(), value.get<std::string>());
    } else if (among(key, {"title", "verb", "object", "name", "term", "label", "about", "code", "timeframe"})) {
      parts.push_back(render(value, key));
    } else if (value.is_boolean()) {
      parts.push_back(key_words(key));
    } else {
      parts.push_back(key_words(key) + " " + render(value, key));
    }
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

std::string render(const json& value, std::string_view key) {
  if (value.is_null()) return "none";
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number()) return value.dump();
  if (value.is_string()) {
    auto text = value.get<std::string>();
    return is_language_word(key) ? text : fmt::format("\"{}\"", text);
  }
  if (value.is_array()) {
    if (value.empty()) return "none";
    std::vector<std::string> items;
    for (const auto& element : value) items.push_back(render(element, key));
    return fmt::format("{}", fmt::join(items, ", "));
  }
  return render_object(value);
}

// ---- Comparing ------------------------------------------------------------------------------

class MeaningDiff {
 public:
  explicit MeaningDiff(std::vector<Change>& changes) : changes_(changes) {}

  // Each key of two objects that differs, but those in `owned`, which the semantic diff
  // has compared already, or which are worked out from the others.
  void fields(const std::string& subject, const json& before, const json& after, Keys owned = {}) {
    auto field = [&](const std::string& key) {
      if (among(key, owned)) return;
      const json none;
      const auto& was = before.contains(key) ? before[key] : none;
      const auto& now = after.contains(key) ? after[key] : none;
      if (was != now) value(subject, key, was, now);
    };
    for (const auto& item : after.items()) field(item.key());
    for (const auto& item : before.items()) {
      if (!after.contains(item.key())) field(item.key());
    }
  }

  // Two values of one key: lists say what is no longer there and what now is.
  void value(const std::string& subject, const std::string& key, const json& was, const json& now) {
    auto what = key_words(key);
    if (is_empty(was)) {
      add(ChangeKind::statement_added, subject, now.is_boolean() ? fmt::format("now {}", what)
                                                                 : fmt::format("now {} {}", what, render(now, key)));
      return;
    }
    if (is_empty(now)) {
      add(ChangeKind::statement_removed, subject, was.is_boolean() ? fmt::format("no longer {}", what)
                                                                   : fmt::format("no longer {} {}", what, render(was, key)));
      return;
    }
    if (was.is_array() && now.is_array()) {
      auto items = [&](const json& list) {
        std::vector<std::string> rendered;
        for (const auto& element : list) rendered.push_back(render(element, key));
        std::sort(rendered.begin(), rendered.end());
        return rendered;
      };
      auto a = items(was);
      auto b = items(now);
      std::vector<std::string> gone;
      std::vector<std::string> added;
      std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(gone));
      std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(added));
      if (gone.size() == 1 && added.size() == 1) {
        add(ChangeKind::statement_changed, subject, fmt::format("{} {} → {}", what, gone.front(), added.front()));
        return;
      }
      if (!gone.empty() || !added.empty()) {
        std::vector<std::string> parts;
        for (const auto& item : gone) parts.push_back(fmt::format("no longer {} {}", what, item));
        for (const auto& item : added) parts.push_back(fmt::format("now {} {}", what, item));
        auto kind = gone.empty() ? ChangeKind::statement_added
                                 : (added.empty() ? ChangeKind::statement_removed : ChangeKind::statement_changed);
        add(kind, subject, fmt::format("{}", fmt::join(parts, "; ")));
        return;
      }
      // The same items in another order: the order is meaning where the language
      // reads it so (parties, a figure's stages, a contact's numbers).
    }
    add(ChangeKind::statement_changed, subject, fmt::format("{} {} → {}", what, render(was, key), render(now, key)));
  }

  // Lists of named things: each is matched by `key_of`; one on a side only is added or
  // removed, one on both is compared by `compare`.
  void named(const json& before, const json& after, const std::function<std::string(const json&)>& key_of,
             const std::function<std::string(const json&)>& subject_of,
             const std::function<void(const std::string&, const json&, const json&)>& compare) {
    std::vector<bool> matched(after.size(), false);
    for (const auto& was : before) {
      std::size_t found = 0;
      while (found < after.size() && (matched[found] || key_of(after[found]) != key_of(was))) ++found;
      if (found == after.size()) {
        add(ChangeKind::statement_removed, subject_of(was), "removed");
        continue;
      }
      matched[found] = true;
      compare(subject_of(was), was, after[found]);
    }
    for (std::size_t i = 0; i < after.size(); ++i) {
      if (!matched[i]) add(ChangeKind::statement_added, subject_of(after[i]), "added: " + render(after[i]));
    }
  }

 private:
  void add(ChangeKind kind, const std::string& subject, std::string description) {
    changes_.push_back({kind, subject, std::move(description)});
  }

  std::vector<Change>& changes_;
};

// Outcomes without the moves (go to, end), which the semantic diff compares with the
// stages renumbered; an outcome that only moves is left out with them.
json outcomes_without_moves(const json& outcomes) {
  auto kept = json::array();
  for (auto outcome : outcomes) {
    auto actions = json::array();
    for (const auto& action : outcome["actions"]) {
      if (action.contains("duty")) actions.push_back(action);
    }
    if (actions.empty()) continue;
    outcome["actions"] = std::move(actions);
    kept.push_back(std::move(outcome));
  }
  return kept;
}

std::string text_of(const json& value, std::string_view key) {
  return value.contains(key) && value[key].is_string() ? value[key].get<std::string>() : value.value(key, json()).dump();
}

}  // namespace

std::vector<Change> changes_in_meaning(const model::Model& before, const analysis::Analyses& before_analyses,
                                       const model::Model& after, const analysis::Analyses& after_analyses) {
  auto changes = analysis::semantic_diff(before, before_analyses, after, after_analyses);
  auto was = model_as_json(before, before_analyses);
  auto now = model_as_json(after, after_analyses);
  MeaningDiff diff(changes);

  // The protocol block: what semantic_diff does not already compare.
  if (was["protocol"].is_object() && now["protocol"].is_object()) {
    diff.fields("the protocol", was["protocol"], now["protocol"],
                {"status", "covers", "approvals", "review_due", "last_reviewed", "calendar", "contacts"});
  } else if (was["protocol"] != now["protocol"]) {
    diff.value("the protocol", "protocol", was["protocol"], now["protocol"]);
  }

  // The immediate-risk rule is no stage of the escalation: semantic_diff leaves it whole.
  if (was["immediate_risk"].is_object() && now["immediate_risk"].is_object()) {
    diff.fields("the immediate-risk rule", was["immediate_risk"], now["immediate_risk"]);
  } else if (was["immediate_risk"].is_null() != now["immediate_risk"].is_null()) {
    if (now["immediate_risk"].is_null()) {
      changes.push_back({ChangeKind::statement_removed, "the immediate-risk rule", "removed: no route now bypasses the stages"});
    } else {
      auto rule = now["immediate_risk"];
      for (const auto* key : {"kind", "number", "title"}) rule.erase(key);
      changes.push_back({ChangeKind::statement_added, "the immediate-risk rule", "added: " + render(rule)});
    }
  }

  // Stages as semantic_diff matches them; it reports those added and removed.
  auto match = analysis::match_stages(before, after);
  for (std::uint32_t i = 0; i < match.size() && i < was["stages"].size(); ++i) {
    if (match[i] == model::no_id || match[i] >= now["stages"].size()) continue;
    auto stage_was = was["stages"][i];
    auto stage_now = now["stages"][match[i]];
    stage_was["outcomes"] = outcomes_without_moves(stage_was["outcomes"]);
    stage_now["outcomes"] = outcomes_without_moves(stage_now["outcomes"]);
    diff.fields(after.stages[match[i]].label(), stage_was, stage_now,
                {"kind", "number", "name", "title", "working_days", "running_total", "contacts"});
  }

  // Agencies and their lines, by name and label; their contacts are semantic_diff's.
  diff.named(
      was["agencies"], now["agencies"], [](const json& a) { return text_of(a, "name"); },
      [](const json& a) { return "agency " + text_of(a, "name"); },
      [&](const std::string& subject, const json& a, const json& b) {
        diff.fields(subject, a, b, {"contacts", "lines"});
        diff.named(
            a["lines"], b["lines"], [](const json& l) { return text_of(l, "label"); },
            [&](const json& l) { return fmt::format("{} line {}", text_of(a, "name"), text_of(l, "label")); },
            [&](const std::string& line, const json& x, const json& y) { diff.fields(line, x, y, {"contacts"}); });
      });

  auto whole = [&](const std::string& subject, const json& a, const json& b) { diff.fields(subject, a, b); };
  auto by = [](std::string_view key) { return [key](const json& v) { return text_of(v, key); }; };
  auto called = [](std::string what, std::string_view key) {
    return [what, key](const json& v) { return fmt::format("{} {}", what, text_of(v, key)); };
  };
  diff.named(was["hours"], now["hours"], by("name"), called("hours", "name"), whole);
  diff.named(was["levels"], now["levels"], by("name"), called("level", "name"), whole);
  diff.named(was["kinds"], now["kinds"], by("name"), called("kind", "name"), whole);
  diff.named(was["forms"], now["forms"], by("name"), called("form", "name"), whole);
  diff.named(was["figures"], now["figures"], by("title"),
             [](const json& f) { return fmt::format("figure \"{}\"", text_of(f, "title")); }, whole);
  diff.named(was["allows"], now["allows"], by("code"), called("allow", "code"), whole);
  diff.named(
      was["ambiguities"], now["ambiguities"], [](const json& a) { return text_of(a, "in") + "\n" + text_of(a, "about"); },
      [](const json& a) {
        auto in = text_of(a, "in");
        return fmt::format("the ambiguity \"{}\"{}", text_of(a, "about"), in == "the protocol" ? "" : " in " + in);
      },
      whole);
  // The calendar a protocol names is semantic_diff's; the same calendar's days are not.
  if (was["calendar"].is_object() && now["calendar"].is_object() && was["calendar"]["name"] == now["calendar"]["name"]) {
    diff.fields("the calendar", was["calendar"], now["calendar"]);
  }
  // Whatever else the JSON states is compared whole, so that nothing new goes unseen.
  diff.fields("the protocol", was, now,
              {"protocol", "immediate_risk", "stages", "agencies", "hours", "levels", "kinds", "forms", "figures",
               "allows", "ambiguities", "calendar"});
  return changes;
}

}  // namespace esc::backends
