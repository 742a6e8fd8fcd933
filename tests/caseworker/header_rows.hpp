// What a generated header holds for a caseworker, as rows of text: one "key<TAB>value"
// per line, tabs and line breaks in a value written \t and \n. json_rows.cpp makes the
// rows the JSON output says, for the same protocol, and finds any the header lacks.
// C++17, compiled against every generated header by caseworker_test.sh.
#include <cstdio>
#include <string>
#include <string_view>

#include "escc/tables.hpp"

namespace caseworker_rows {

inline std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

class Printer {
 public:
  explicit Printer(std::FILE* out) : out_(out) {}

  void row(const std::string& key, std::string_view value) {
    std::fprintf(out_, "%s\t%s\n", escaped(key).c_str(), escaped(value).c_str());
  }
  void row(const std::string& key, const char* value) { row(key, std::string_view(value)); }
  void row(const std::string& key, bool value) { row(key, value ? "yes" : "no"); }
  void row(const std::string& key, int value) { row(key, std::to_string(value)); }
  void rows(const std::string& key, const escc::tables::List<std::string_view>& values) {
    for (auto value : values) row(key, value);
  }
  void text(const std::string& key, std::string_view value) {
    if (!value.empty()) row(key, value);
  }
  void date(const std::string& key, const escc::tables::DocumentDate& d) {
    if (d.year == 0) return;
    char buffer[16];
    if (d.month == 0) {
      std::snprintf(buffer, sizeof buffer, "%04d", d.year);
    } else if (d.day == 0) {
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", d.year, d.month);
    } else {
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    row(key, std::string_view(buffer));
  }
  void quotes(const std::string& of, const escc::tables::List<escc::tables::Quote>& list) {
    static constexpr const char* kinds[] = {"source", "note", "context"};
    for (const auto& q : list) {
      row(of + " quote", std::string(kinds[static_cast<int>(q.kind)]) + " [" + std::string(q.about) + "] " +
                             std::string(q.text));
    }
  }
  void duties(const std::string& of, const escc::tables::List<escc::tables::Duty>& list,
              const escc::tables::ProtocolDetails& details) {
    for (const auto& d : list) {
      row(of + " duty", d.words);
      if (d.form != escc::tables::none) row(of + " duty form", details.forms[d.form].name);
      quotes(of + " duty", d.quotes);
      if (!d.holds.empty()) {
        row("duty of the whole protocol", d.words);
        quotes("duty of the whole protocol", d.quotes);
      }
    }
  }
  void contact(const escc::tables::Protocol& p, const escc::tables::ProtocolDetails& details, escc::tables::Index i) {
    const auto& c = p.contacts[i];
    const auto& more = details.contacts[i];
    auto key = "contact " + std::string(c.title);
    row("contact", c.title);
    text(key + " person", c.person);
    rows(key + " phone", c.phones);
    rows(key + " email", c.emails);
    rows(key + " call sign", c.call_signs);
    rows(key + " switchboard", more.switchboards);
    rows(key + " mobile", more.mobiles);
    rows(key + " direct line", more.direct_lines);
    text(key + " via", more.via);
    text(key + " address", more.address);
    text(key + " purpose", more.purpose);
    text(key + " condition", c.condition);
    if (c.case_kinds & static_cast<int>(escc::tables::CaseKind::open_cases)) row(key + " for", "open cases");
    if (c.case_kinds & static_cast<int>(escc::tables::CaseKind::new_referrals)) row(key + " for", "new referrals");
    if (more.not_for_escalation) row(key + " not for escalation", true);
    if (more.in_own_agency) row(key + " in own agency", true);
    if (more.details_unknown) row(key + " details unknown", more.details_unknown_because);
    quotes(key, more.quotes);
  }

 private:
  std::FILE* out_;
};

inline void print(const escc::tables::Protocol& p, const escc::tables::ProtocolDetails& details, std::FILE* out) {
  static constexpr const char* statuses[] = {"", "draft", "live", "withdrawn"};
  static constexpr const char* outcomes[] = {"resolved", "unresolved", "no response"};
  static constexpr const char* severities[] = {"error", "warning", "note"};
  Printer print(out);
  print.row("title", p.title);
  print.text("version", details.version);
  print.text("status", statuses[static_cast<int>(details.status)]);
  print.date("dated", details.dated);
  for (const auto& a : details.approvals) {
    for (auto name : a.by) print.row("approved by", name);
    print.date("approved on", a.date);
  }
  print.date("last reviewed", details.last_reviewed);
  print.date("review due", details.review_due);
  if (details.review_every_months != 0) print.row("review every months", details.review_every_months);
  for (const auto& partnership : details.partnerships) {
    print.row("partnership", partnership.name);
    print.text("partnership short name", partnership.short_name);
  }
  print.rows("author", details.authors);
  print.quotes("protocol", details.quotes);
  print.duties("protocol", details.duties, details);
  if (const auto* rule = details.immediate_risk) {
    print.row("immediate risk timeframe", rule->timeframe);
    print.text("immediate risk through", rule->through);
    print.text("immediate risk by", rule->by);
    print.rows("immediate risk party", rule->parties);
    for (auto i : rule->contacts) print.row("immediate risk contact", p.contacts[i].title);
    print.duties("immediate risk", rule->duties, details);
    print.quotes("immediate risk", rule->quotes);
  }
  for (std::size_t s = 0; s < p.stages.size; ++s) {
    const auto& stage = p.stages[s];
    const auto& more = details.stages[s];
    auto key = std::string(stage.label);
    print.text(key + " title", stage.title);
    print.text(key + " timeframe", stage.timeframe);
    if (stage.final) print.row(key + " final", true);
    if (stage.binding) print.row(key + " binding", true);
    print.rows(key + " party", more.parties);
    print.text(key + " by", more.by);
    print.text(key + " through", more.through);
    print.text(key + " contacts", more.contacts_join);
    for (const auto& step : more.steps) {
      auto at = key + " step " + std::string(step.title);
      print.row(key + " step", step.title);
      print.text(at + " time", step.time);
      print.text(at + " by", step.by);
      print.text(at + " condition", step.condition);
      print.text(at + " part of", step.part_of);
      for (const auto& v : step.variants) {
        print.row(at + " variant", v.label);
        print.text(at + " variant " + std::string(v.label) + " condition", v.condition);
      }
      print.quotes(at, step.quotes);
    }
    print.duties(key, more.duties, details);
    for (const auto& o : more.outcomes) {
      auto at = key + " when " + outcomes[static_cast<int>(o.outcome)];
      print.text(at + " condition", o.condition);
      print.duties(at, o.duties, details);
      print.quotes(at, o.quotes);
    }
    for (auto i : stage.contacts) print.row(key + " contact", p.contacts[i].title);
    print.quotes(key, more.quotes);
  }
  for (const auto& form : details.forms) {
    auto key = "form " + std::string(form.name);
    print.row("form", form.name);
    print.row(key + " title", form.title);
    if (form.required_from_stage != 0) print.row(key + " required from stage", form.required_from_stage);
    for (auto i : form.send_to) print.row(key + " send to", p.contacts[i].title);
    for (const auto& section : form.sections) {
      print.row(key + " section", section.title);
      print.rows(key + " section " + std::string(section.title) + " field", section.fields);
    }
    print.rows(key + " field", form.fields);
    print.rows(key + " column", form.columns);
    print.quotes(key, form.quotes);
  }
  for (escc::tables::Index i = 0; i < p.contacts.size; ++i) print.contact(p, details, i);
  for (const auto& f : details.findings) {
    print.row("finding", std::string(f.code) + " " + severities[static_cast<int>(f.severity)] + " " +
                             std::string(f.message));
  }
}

}  // namespace caseworker_rows
