#include "compiler/backends/deadlines_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/model/dates.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;

std::string day_words(std::int64_t day) {
  return fmt::format("{} {}", weekday_name(weekday(day)), long_date(civil_date(day)));
}

std::string clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::string means_of(const model::Contact& contact) {
  std::string means;
  auto add = [&](std::string_view label, const std::vector<model::Text>& values) {
    for (const auto& v : values) means += fmt::format(", {} {}", label, v.value);
  };
  add("phone", contact.phones);
  add("mobile", contact.mobiles);
  add("direct line", contact.direct_lines);
  add("switchboard", contact.switchboards);
  add("email", contact.emails);
  add("call sign", contact.call_signs);
  if (contact.via) means += fmt::format(", through {}", contact.via->value);
  if (contact.address) means += fmt::format(", by post to {}", contact.address->value);
  return means;
}

std::string case_words(model::CaseKind kind) {
  return kind == model::CaseKind::open_cases ? "open cases" : "new referrals";
}

std::string_view from_words(analysis::CountedFrom from) {
  return from == analysis::CountedFrom::raised ? "raised" : "stage_start";
}

std::string_view basis_name(analysis::DeadlineBasis basis) {
  switch (basis) {
    case analysis::DeadlineBasis::by_day: return "by_day";
    case analysis::DeadlineBasis::timeframe: return "timeframe";
    case analysis::DeadlineBasis::steps: return "steps";
    case analysis::DeadlineBasis::none: break;
  }
  return "none";
}

json days_json(const std::optional<model::WorkingDays>& days) {
  return days ? json{{"low", days->low}, {"high", days->high}} : json(nullptr);
}

json rule_json(const analysis::DeadlineRule& rule) {
  return json{{"counted_from", from_words(rule.from)},
              {"basis", basis_name(rule.basis)},
              {"working_days", days_json(rule.days)},
              {"stated_otherwise", days_json(rule.stated_otherwise)},
              {"words", rule.words}};
}

}  // namespace

std::string render_deadlines_text(const analysis::Deadlines& deadlines, const model::Model& model) {
  const auto& options = deadlines.options;
  std::string out = model.protocol ? std::string(model.protocol->title.value) + "\n" : "";
  out += fmt::format("Raised on {}; working days on {}", day_words(options.start),
                     deadlines.calendar.empty() ? "weekdays only (no calendar named)" : "the " + deadlines.calendar + " calendar");
  if (options.minute) out += fmt::format("; contacts as at {}", clock(*options.minute));
  if (options.case_kind) out += fmt::format("; for {}", case_words(*options.case_kind));
  out += ".\n";
  for (const auto& entry : deadlines.stages) {
    const auto& stage = model.stage(entry.stage);
    out += "\n" + stage.heading() + "\n";
    if (!entry.timeframe.empty()) out += fmt::format("  {}\n", entry.timeframe);
    if (entry.due) {
      out += fmt::format("  due by {}{}{}\n", day_words(entry.due->day),
                         entry.by_day ? fmt::format(" (working day {})", analysis::number_words(*entry.by_day)) : "",
                         entry.due->holidays_known ? "" : "; bank holidays of that year are not known");
      out += fmt::format("  counted: {}\n", entry.rule->words);
    } else if (entry.rule && entry.rule->days) {
      out += fmt::format("  no due date: {}, and the stage before it has no date\n", entry.rule->words);
    } else {
      out += fmt::format("  {}\n", entry.rule ? entry.rule->words : "no date: the document gives this stage no countable time");
    }
    if (!entry.duties.empty()) {
      out += "  what to do:\n";
      for (const auto& held : entry.duties) {
        out += fmt::format("    {}{}\n", analysis::duty_words(*held.duty, model),
                           held.whole_protocol ? fmt::format(" ({})", analysis::where_duty_holds(*held.duty)) : "");
      }
    }
    if (entry.contacts.empty()) {
      out += "  the protocol names nobody to contact at this stage\n";
      continue;
    }
    auto when = options.minute ? fmt::format(" at {} on {}", clock(*options.minute),
                                             day_words(entry.due ? entry.due->day : options.start))
                               : std::string();
    bool any_reachable = false;
    for (const auto& listed : entry.contacts) any_reachable = any_reachable || listed.reachable;
    out += fmt::format("  contacts{}:\n", when);
    for (const auto& listed : entry.contacts) {
      if (!listed.reachable) continue;
      out += fmt::format("    {}{}{} ({})\n", listed.agency.empty() ? "" : listed.agency + ": ", listed.contact->title.value,
                         means_of(*listed.contact), listed.availability);
    }
    if (!any_reachable) out += "    nobody listed for this stage can be reached then\n";
    bool any_unreachable = false;
    for (const auto& listed : entry.contacts) any_unreachable = any_unreachable || !listed.reachable;
    if (any_unreachable) {
      out += "  not available then:\n";
      for (const auto& listed : entry.contacts) {
        if (listed.reachable) continue;
        out += fmt::format("    {}{} ({})\n", listed.agency.empty() ? "" : listed.agency + ": ", listed.contact->title.value,
                           listed.availability);
      }
    }
  }
  if (deadlines.overall && deadlines.overall_due) {
    out += fmt::format("\nOverall: {}, due by {}\n", analysis::days_words(*deadlines.overall),
                       day_words(deadlines.overall_due->day));
  } else if (deadlines.overall_depends_on_reading) {
    // Said, never dropped: escc does not choose a reading.
    out += fmt::format("\nOverall: depends on how the document is read: {} in some readings, and no figure in "
                       "others (escc check lists the ambiguities)\n",
                       analysis::days_words(*deadlines.overall_where_stated));
  }
  return out;
}

std::string render_deadlines_json(const analysis::Deadlines& deadlines, const model::Model& model) {
  const auto& options = deadlines.options;
  auto date = [](std::int64_t day) { return iso_date(civil_date(day)); };
  json root{{"start", date(options.start)},
            {"at", options.minute ? json(clock(*options.minute)) : json(nullptr)},
            {"case", options.case_kind ? json(case_words(*options.case_kind)) : json(nullptr)},
            {"calendar", deadlines.calendar.empty() ? json(nullptr) : json(deadlines.calendar)}};
  auto stages = json::array();
  for (const auto& entry : deadlines.stages) {
    const auto& stage = model.stage(entry.stage);
    auto contacts = json::array();
    for (const auto& listed : entry.contacts) {
      auto texts = [](const std::vector<model::Text>& values) {
        auto array = json::array();
        for (const auto& v : values) array.push_back(std::string(v.value));
        return array;
      };
      contacts.push_back({{"agency", listed.agency.empty() ? json(nullptr) : json(listed.agency)},
                          {"title", std::string(listed.contact->title.value)},
                          {"phones", texts(listed.contact->phones)},
                          {"emails", texts(listed.contact->emails)},
                          {"availability", listed.availability},
                          {"reachable", listed.reachable}});
    }
    auto duties = json::array();
    for (const auto& held : entry.duties) {
      duties.push_back({{"duty", analysis::duty_words(*held.duty, model)},
                        {"holds", held.whole_protocol ? analysis::where_duty_holds(*held.duty) : "at this stage"}});
    }
    stages.push_back({{"stage", stage.label()},
                      {"title", stage.title.value.empty() ? json(nullptr) : json(std::string(stage.title.value))},
                      {"heading", stage.heading()},
                      {"timeframe", entry.timeframe},
                      {"by_working_day", entry.by_day ? json{{"low", entry.by_day->low}, {"high", entry.by_day->high}}
                                                      : json(nullptr)},
                      {"due", entry.due ? json(date(entry.due->day)) : json(nullptr)},
                      {"holidays_known", entry.due ? json(entry.due->holidays_known) : json(nullptr)},
                      {"rule", rule_json(*entry.rule)},
                      {"contacts", contacts},
                      {"duties", duties}});
  }
  root["stages"] = std::move(stages);
  root["overall"] = deadlines.overall_due
                        ? json{{"working_days", deadlines.overall->high}, {"due", date(deadlines.overall_due->day)}}
                        : json(nullptr);
  if (deadlines.overall_depends_on_reading) {
    const auto& stated = *deadlines.overall_where_stated;
    root["overall_depends_on_reading"] = json{{"low", stated.low}, {"high", stated.high}};
  }
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace esc::backends
