#include "compiler/backends/cpp_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/flow.hpp"
#include "compiler/analysis/lines.hpp"
#include "compiler/analysis/whom_to_contact.hpp"
#include "compiler/source/embedded.hpp"

namespace esc::backends {
namespace {

// A string_view literal holding exactly `text`. Everything outside printable ASCII, and
// the characters that could end the literal or start an escape or a trigraph, is
// written as an octal escape (three digits, so a following digit cannot extend it).
// The `sv` suffix gives the length without counting: g++ gives up on a table whose
// views count more than 33 million characters in all (-fconstexpr-ops-limit).
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\' || c == '?') {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"sv";
}

// Letters and digits of `text`, each run of anything else made one underscore, with
// none at either end: the part of a generated name that comes from the protocol.
std::string identifier_part(std::string_view text) {
  std::string part;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep) {
      part += c;
    } else if (!part.empty() && part.back() != '_') {
      part += '_';
    }
  }
  while (!part.empty() && part.back() == '_') part.pop_back();
  return part.empty() ? "unnamed" : part;
}

// Collects texts into one pool, so that lists of phone numbers and line labels are
// views of one array.
class TextPool {
 public:
  // The list `{data::texts + first, count}` for these texts, stored together.
  std::string list(const std::vector<std::string_view>& items) {
    if (items.empty()) return "{}";
    auto first = texts_.size();
    for (auto item : items) texts_.emplace_back(item);
    return fmt::format("{{data::texts + {}, {}}}", first, items.size());
  }
  const std::vector<std::string>& texts() const { return texts_; }

 private:
  std::vector<std::string> texts_;
};

std::vector<std::string_view> views(const std::vector<model::Text>& texts) {
  std::vector<std::string_view> out;
  for (const auto& t : texts) out.push_back(t.value);
  return out;
}

std::string working_days(const std::optional<model::WorkingDays>& days) {
  if (!days) return "{0, 0, false}";
  return fmt::format("{{{}, {}, true}}", days->low, days->high);
}

// Unique enumerator names, in order.
class Enumerators {
 public:
  // `prefix` keeps the name clear of keywords and of every macro of the C and C++
  // libraries and the compilers (NULL, errno, linux...), which are none of them
  // "stage_..." or "agency_...".
  std::string add(std::string_view prefix, std::string_view wanted) {
    auto name = std::string(prefix) + identifier_part(wanted);
    auto unique = name;
    for (int n = 2; !used_.insert(unique).second; ++n) unique = fmt::format("{}_{}", name, n);
    names_.push_back(unique);
    return unique;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::set<std::string> used_;
  std::vector<std::string> names_;
};

struct ContactRow {
  const model::Contact* contact;
  std::uint32_t agency;
  std::uint32_t stage;
  std::string_view line;
};

std::string index_or_none(std::uint32_t index) {
  return index == model::no_id ? "escc::tables::none" : std::to_string(index);
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

// The smallest unsigned type that numbers `count` things from 0.
std::string_view smallest_type_for(std::size_t count) {
  if (count <= 0x100) return "std::uint8_t";
  if (count <= 0x10000) return "std::uint16_t";
  return "std::uint32_t";
}

std::string deadline_rule_row(const analysis::DeadlineRule& rule) {
  std::string_view basis = "none";
  switch (rule.basis) {
    case analysis::DeadlineBasis::by_day: basis = "by_day"; break;
    case analysis::DeadlineBasis::timeframe: basis = "timeframe"; break;
    case analysis::DeadlineBasis::steps: basis = "steps"; break;
    case analysis::DeadlineBasis::none: break;
  }
  return fmt::format("{{escc::tables::CountedFrom::{}, escc::tables::DeadlineBasis::{}, {}, {}, {}}}",
                     rule.from == analysis::CountedFrom::raised ? "raised" : "stage_start", basis,
                     working_days(rule.days), working_days(rule.stated_otherwise), literal(rule.words));
}

// Whether the stage is a route entered from any stage, with the condition of entry.
std::string entry_fields(const model::Stage& stage) {
  for (const auto& entry : stage.entries) {
    if (entry.any_stage) return ", true, " + literal(entry.condition ? entry.condition->value : "");
  }
  return ", false, " + literal("");
}

}  // namespace

std::string cpp_namespace(std::string_view stem) {
  std::string name = "escc_";
  for (char c : stem) {
    bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if ((letter_or_digit && c != 'Z') || (c == '_' && name.back() != '_')) {
      name += c;
    } else {
      // 'Z' starts every escape, so no two names meet; an underscore that would make
      // two in a row ("__" is reserved to the compiler) is escaped too.
      name += fmt::format("Z{:02X}", static_cast<unsigned char>(c));
    }
  }
  return name;
}

std::string emit_cpp_tables(const model::Model& model, const analysis::Analyses& analyses, std::string_view name) {
  auto space = cpp_namespace(name);
  const auto& flow = analyses.flow;
  const auto& durations = analyses.durations;
  const auto& totals = analyses.totals;
  auto line_labels = analysis::line_order(model);

  std::string tables_header;
  for (const auto& file : runtime_files()) {
    if (file.path == "escc/tables.hpp") tables_header = std::string(file.text);
  }

  std::vector<ContactRow> contacts;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    for (const auto& c : model.stages[i].contacts) contacts.push_back({&c, c.of.index, i, {}});
  }
  for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
    for (const auto& c : model.agencies[a].contacts) contacts.push_back({&c, a, model::no_id, {}});
    for (const auto& line : model.agencies[a].lines) {
      for (const auto& c : line.contacts) contacts.push_back({&c, a, model::no_id, line.label});
    }
  }
  if (model.protocol) {
    for (const auto& c : model.protocol->contacts) contacts.push_back({&c, c.of.index, model::no_id, {}});
  }
  std::unordered_map<const model::Contact*, std::size_t> row_of;
  for (std::size_t i = 0; i < contacts.size(); ++i) row_of.emplace(contacts[i].contact, i);
  const auto& whom = analyses.whom;
  std::string stage_contact_rows;
  std::size_t stage_contact_count = 0;
  // A list of contacts as positions in data::contacts, stored in data::stage_contacts.
  auto contact_list = [&](const std::vector<analysis::StageContact>& listed) {
    if (listed.empty()) return std::string("{}");
    auto first = stage_contact_count;
    for (const auto& entry : listed) stage_contact_rows += fmt::format("    {},\n", row_of.at(entry.contact));
    stage_contact_count += listed.size();
    return fmt::format("{{data::stage_contacts + {}, {}}}", first, listed.size());
  };
  std::vector<std::string> line_lists;
  for (const auto& listed : whom.line_lists) line_lists.push_back(contact_list(listed));
  auto line_contacts = [&](std::uint32_t stage) {
    const auto& lines = whom.stages[stage].lines;
    return lines ? line_lists[*lines] : std::string("{}");
  };

  TextPool pool;
  Enumerators stage_names;
  std::string stage_rows;
  std::vector<const analysis::PathPoint*> point_of(model.stages.size(), nullptr);
  for (const auto& point : totals) point_of[point.stage.index] = &point;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    const auto& stage = model.stages[i];
    std::string kind = "formal";
    switch (stage.kind) {
      case model::StageKind::formal: stage_names.add("stage_", std::to_string(stage.number)); break;
      case model::StageKind::informal:
        kind = "informal";
        stage_names.add("stage_", "informal");
        break;
      case model::StageKind::route:
        kind = "route";
        stage_names.add("route_", stage.name);
        break;
    }
    std::string timeframe;
    for (const auto& t : stage.timeframes) timeframe += (timeframe.empty() ? "" : "; ") + t.describe();
    auto by_day = analysis::by_day_of(stage, point_of[i]);
    auto labels = analysis::stage_line_labels(stage, line_labels);
    std::vector<std::string_view> label_views(labels.begin(), labels.end());
    std::vector<std::string> duty_words;
    for (const auto& held : analysis::duties_at(model, stage)) {
      duty_words.push_back(analysis::duty_words(*held.duty, model) +
                           (held.whole_protocol ? fmt::format(" ({})", analysis::where_duty_holds(*held.duty)) : ""));
    }
    std::vector<std::string_view> duty_views(duty_words.begin(), duty_words.end());
    stage_rows += fmt::format(
        "    {{escc::tables::StageKind::{kind}, {number}, {label}, {title}, {timeframe}, {days}, {by_day}, "
        "{lines}, {contacts}, {line_contacts}, {final}, {binding}, {duties}, {optional}, {deadline}{entry}}},\n",
        fmt::arg("kind", kind), fmt::arg("number", stage.kind == model::StageKind::formal ? stage.number : 0),
        fmt::arg("label", literal(stage.label())), fmt::arg("title", literal(stage.title.value)),
        fmt::arg("timeframe", literal(timeframe)), fmt::arg("days", working_days(durations.stages[i].own)),
        fmt::arg("by_day", working_days(by_day)), fmt::arg("lines", pool.list(label_views)),
        fmt::arg("contacts", contact_list(whom.stages[i].named)), fmt::arg("line_contacts", line_contacts(i)),
        fmt::arg("final", bool_text(stage.final)),
        fmt::arg("binding", bool_text(stage.binding)), fmt::arg("duties", pool.list(duty_views)),
        fmt::arg("optional", bool_text(stage.modality == model::Modality::may)),
        fmt::arg("deadline", deadline_rule_row(analyses.deadline_rules[i])), fmt::arg("entry", entry_fields(stage)));
  }

  std::string transition_rows;
  for (std::uint32_t i = 0; i < model.stages.size(); ++i) {
    for (const auto& outcome : model.stages[i].outcomes) {
      auto outcome_name = identifier_part(model::outcome_name(outcome.kind));
      auto condition = outcome.condition ? literal(outcome.condition->value) : literal("");
      bool moved = false;
      for (const auto& action : outcome.actions) {
        if (action.kind == model::ActionKind::go_to && action.target.valid()) {
          transition_rows += fmt::format("    {{{}, escc::tables::Outcome::{}, {}, {}}},\n", i, outcome_name,
                                         action.target.index, condition);
          moved = true;
        }
      }
      bool ends = std::any_of(outcome.actions.begin(), outcome.actions.end(),
                              [](const model::Action& a) { return a.kind == model::ActionKind::end; });
      if (!moved && ends) {
        transition_rows += fmt::format("    {{{}, escc::tables::Outcome::{}, escc::tables::none, {}}},\n", i,
                                       outcome_name, condition);
      }
    }
  }

  Enumerators agency_names;
  std::string agency_rows;
  for (const auto& agency : model.agencies) {
    agency_names.add("agency_", agency.name);
    agency_rows += fmt::format("    {{{}, {}}},\n", literal(agency.name), literal(agency.title.value));
  }

  analysis::AvailabilityTable availabilities(model);
  std::string contact_rows;
  for (const auto& row : contacts) {
    const auto& c = *row.contact;
    auto hours = availabilities.index_of(c);
    contact_rows += fmt::format(
        "    {{{title}, {person}, {phones}, {emails}, {call_signs}, {agency}, {stage}, {line}, {availability}, "
        "{case_kinds}, {condition}}},\n",
        fmt::arg("title", literal(c.title.value)), fmt::arg("person", literal(c.person ? c.person->value : "")),
        fmt::arg("phones", pool.list(views(c.phones))), fmt::arg("emails", pool.list(views(c.emails))),
        fmt::arg("call_signs", pool.list(views(c.call_signs))), fmt::arg("agency", index_or_none(row.agency)),
        fmt::arg("stage", index_or_none(row.stage)), fmt::arg("line", literal(row.line)),
        fmt::arg("availability", hours), fmt::arg("case_kinds", c.case_kinds.bits()),
        fmt::arg("condition", literal(c.condition ? c.condition->value : "")));
  }

  std::string holiday_rows;
  std::string calendar_name;
  std::uint8_t working_weekdays = 0x1F;
  int from_year = 0;
  int to_year = 0;
  std::size_t holiday_count = 0;
  if (model.protocol && model.protocol->calendar.valid()) {
    const auto& calendar = model.calendars.at(model.protocol->calendar.index);
    calendar_name = calendar.name;
    working_weekdays = calendar.working_days;
    from_year = calendar.data_from;
    to_year = calendar.data_to;
    for (const auto& h : calendar.holidays) {
      holiday_rows += fmt::format("    {{{}, {}, {}}},\n", h.date.year, h.date.month, h.date.day);
    }
    holiday_count = calendar.holidays.size();
  }


  auto list_of = [](std::string_view array, std::size_t count) {
    return count == 0 ? std::string("{}") : fmt::format("{{data::{}, {}}}", array, count);
  };
  auto array_of = [](std::string_view type, std::string_view array, const std::string& rows) {
    if (rows.empty()) return std::string();
    return fmt::format("inline constexpr escc::tables::{} {}[] = {{\n{}}};\n", type, array, rows);
  };

  std::string out;
  out += "// Generated by escc from a protocol file. Do not edit: change the protocol and run\n";
  out += "// `escc build --emit cpp` again. Use it with the runtime in escc/runtime.hpp.\n";
  out += fmt::format("#ifndef ESCC_PROTOCOL_{}\n#define ESCC_PROTOCOL_{}\n\n", space, space);
  out += tables_header;
  out += fmt::format("\nnamespace {} {{\n\nusing namespace std::string_view_literals;\n\n", space);
  out += fmt::format("enum class Stage : {} {{\n", smallest_type_for(stage_names.names().size()));
  for (std::size_t i = 0; i < stage_names.names().size(); ++i) {
    out += fmt::format("  {} = {},\n", stage_names.names()[i], i);
  }
  out += "};\n\n";
  out += "enum class Event : std::uint8_t { resolved, unresolved, no_response };\n\n";
  out += "constexpr escc::tables::Outcome outcome_of(Event event) { return static_cast<escc::tables::Outcome>(event); }\n\n";
  out += fmt::format("enum class Agency : {} {{\n", smallest_type_for(agency_names.names().size()));
  for (std::size_t i = 0; i < agency_names.names().size(); ++i) {
    out += fmt::format("  {} = {},\n", agency_names.names()[i], i);
  }
  out += "};\n\n";
  out += "namespace data {\n\n";
  std::string text_rows;
  for (const auto& text : pool.texts()) text_rows += "    " + literal(text) + ",\n";
  if (!text_rows.empty()) out += fmt::format("inline constexpr std::string_view texts[] = {{\n{}}};\n", text_rows);
  std::string minute_rows;
  std::size_t minute_count = 0;
  std::string availability_rows;
  for (const auto& entry : availabilities.entries()) {
    std::string days;
    for (int day = 0; day < analysis::day_kinds; ++day) {
      auto ranges = entry.when.ranges(day);
      for (const auto& r : ranges) minute_rows += fmt::format("    {{{}, {}}},\n", r.from, r.to);
      days += (day == 0 ? "" : ", ") + (ranges.empty() ? std::string("{}")
                                                      : fmt::format("{{data::minutes + {}, {}}}", minute_count,
                                                                    ranges.size()));
      minute_count += ranges.size();
    }
    availability_rows += fmt::format("    {{{{{days}}}, {stated}, {words}}},\n", fmt::arg("days", days),
                                     fmt::arg("stated", bool_text(entry.stated)), fmt::arg("words", literal(entry.words)));
  }
  out += array_of("Minutes", "minutes", minute_rows);
  out += array_of("Availability", "availabilities", availability_rows);
  if (!stage_contact_rows.empty()) {
    out += fmt::format("inline constexpr escc::tables::Index stage_contacts[] = {{\n{}}};\n", stage_contact_rows);
  }
  out += array_of("Date", "bank_holidays", holiday_rows);
  out += array_of("Stage", "stages", stage_rows);
  out += array_of("Transition", "transitions", transition_rows);
  out += array_of("Agency", "agencies", agency_rows);
  out += array_of("Contact", "contacts", contact_rows);
  out += "\n}  // namespace data\n\n";
  auto transition_count = static_cast<std::size_t>(std::count(transition_rows.begin(), transition_rows.end(), '\n'));
  out += fmt::format(
      "inline constexpr escc::tables::Protocol protocol{{\n    {title},\n    {calendar},\n    0x{weekdays:02X},\n"
      "    {from_year},\n    {to_year},\n    {bank_holidays},\n    {stages},\n    {start},\n    {transitions},\n"
      "    {agencies},\n    {contacts},\n    {availabilities},\n    {overall}}};\n\n",
      fmt::arg("title", literal(model.protocol ? model.protocol->title.value : "")),
      fmt::arg("calendar", literal(calendar_name)), fmt::arg("weekdays", working_weekdays),
      fmt::arg("from_year", from_year), fmt::arg("to_year", to_year),
      fmt::arg("bank_holidays", list_of("bank_holidays", holiday_count)),
      fmt::arg("stages", list_of("stages", model.stages.size())),
      fmt::arg("start", flow.start.valid() ? std::to_string(flow.start.index) : "escc::tables::none"),
      fmt::arg("transitions", list_of("transitions", transition_count)),
      fmt::arg("agencies", list_of("agencies", model.agencies.size())),
      fmt::arg("contacts", list_of("contacts", contacts.size())),
      fmt::arg("availabilities", list_of("availabilities", availabilities.entries().size())),
      fmt::arg("overall", working_days(analyses.overall)));
  out += fmt::format("}}  // namespace {}\n\n#endif  // ESCC_PROTOCOL_{}\n", space, space);
  return out;
}

}  // namespace esc::backends
