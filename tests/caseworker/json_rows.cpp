// Everything the JSON output says that a caseworker acts on must be in the generated
// header: this reads `escc build --emit json` and `escc check --format json` for one
// protocol, and the rows header_rows.hpp printed from its header, and names every fact
// the header lacks. Exit status 1 when one is missing.
//
// What a caseworker acts on, from the JSON (each as the header's rows name it):
// - the protocol: version, status, dated, approvals (who, when), last reviewed, review
//   due, review every months, partnerships and their short names, authors, its quotes;
// - the immediate-risk rule: its time, through, by, parties, contacts, duties, quotes;
// - each stage: title, time, final, binding, parties, by (and or by), through, whom of
//   its contacts ("all", "any one"), steps (title, by, condition, part of, variants and
//   their conditions, quotes), duties (their own words; the duties of the whole
//   protocol too), outcomes (condition, duties, quotes), contacts, quotes;
// - every contact, wherever it is listed (stages, agencies, lines, the protocol, the
//   immediate-risk rule, forms): title, person, phone, e-mail, call sign, switchboard,
//   mobile, direct line, via, postal address, purpose, condition, kinds of case, not
//   for escalation, in own agency, details unknown and why, quotes;
// - forms: name, title, required from stage, send to, sections and fields, fields,
//   columns, quotes;
// - the checker's findings (code, severity, message) that the protocol does not allow.
// Left out, as what a caseworker does not act on or what other outputs hold: the
// source file, origins, levels, kinds, named hours (each contact's availability is in
// the header, worked out), the calendar's data (its bank holidays are in the header),
// figures, allows, the ambiguities (the header holds what every reading agrees on; the
// findings name each ambiguity), agencies' roles and lines' own duties, and the
// protocol's reading list, links, scope, exclusions, counterparts, supersedes,
// amendments, statutory basis, oversight, situations, terms, reports and targets.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "header_rows.hpp"

namespace {

using json = nlohmann::json;
using caseworker_rows::escaped;

std::string lowered(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

struct Expectations {
  // key and value: a row the header must have.
  std::vector<std::pair<std::string, std::string>> exact;
  // key and part: some row of that key must hold the part (a text the header says as
  // part of its own words: a duty's object in the duty as the document says it).
  std::vector<std::pair<std::string, std::string>> within;

  void row(const std::string& key, const json& value) {
    if (value.is_null()) return;
    if (value.is_string() && value.get<std::string>().empty()) return;
    exact.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
  }
  void rows(const std::string& key, const json& values) {
    for (const auto& value : values) row(key, value);
  }
  void part(const std::string& key, const json& value) {
    if (value.is_string() && !value.get<std::string>().empty()) within.emplace_back(key, value.get<std::string>());
  }
  void quotes(const std::string& of, const json& entity) {
    for (const auto& q : entity["quotes"]) {
      auto about = q["about"].is_null() ? std::string() : q["about"].get<std::string>();
      row(of + " quote", q["kind"].get<std::string>() + " [" + about + "] " + q["text"].get<std::string>());
    }
  }
  void duty(const std::string& of, const json& d) {
    // A duty that names a form says the form's title; the form is named beside it.
    if (d["form"].is_null()) part(of + " duty", d["object"]);
    row(of + " duty form", d["form"]);
    for (const auto& to : d["to"]) part(of + " duty", to);
    part(of + " duty", d["on"]);
    part(of + " duty", d["condition"]);
    quotes(of + " duty", d);
  }
  void contact(const json& c) {
    auto title = c["title"].get<std::string>();
    auto key = "contact " + title;
    row("contact", title);
    row(key + " person", c["person"]);
    rows(key + " phone", c["phones"]);
    rows(key + " email", c["emails"]);
    rows(key + " call sign", c["call_signs"]);
    rows(key + " switchboard", c["switchboards"]);
    rows(key + " mobile", c["mobiles"]);
    rows(key + " direct line", c["direct_lines"]);
    row(key + " via", c["via"]);
    row(key + " address", c["address"]);
    row(key + " purpose", c["purpose"]);
    row(key + " condition", c["condition"]);
    rows(key + " for", c["case_kinds"]);
    if (c["not_for_escalation"] == true) row(key + " not for escalation", "yes");
    if (c.value("in_own_agency", false)) row(key + " in own agency", "yes");
    if (!c["details_unknown"].is_null()) {
      const auto& reason = c["details_unknown"]["reason"];
      exact.emplace_back(key + " details unknown", reason.is_null() ? "" : reason.get<std::string>());
    }
    quotes(key, c);
  }
  void contacts(const json& list) {
    for (const auto& c : list) contact(c);
  }
  void stage_like(const std::string& key, const json& s) {
    rows(key + " party", s["parties"]);
    part(key + " by", s["by"]);
    for (const auto& other : s.value("or_by", json::array())) part(key + " by", other);
    row(key + " through", s["through"]);
    for (const auto& d : s["duties"]) duty(key, d);
    quotes(key, s);
  }
};

std::string stage_label(const json& s) {
  auto kind = s["kind"].get<std::string>();
  if (kind == "stage") return "stage " + std::to_string(s["number"].get<long long>());
  if (kind == "route") return "route " + s["name"].get<std::string>();
  if (kind == "informal stage") return "the informal stage";
  return kind;
}

Expectations expected(const json& root, const json& findings) {
  Expectations e;
  const auto& p = root["protocol"];
  e.row("title", p["title"]);
  e.row("version", p["version"]);
  e.row("status", p["status"]);
  e.row("dated", p["dated"]);
  for (const auto& a : p["approvals"]) {
    e.rows("approved by", a["by"]);
    e.row("approved on", a["date"]);
  }
  e.row("last reviewed", p["last_reviewed"]);
  e.row("review due", p["review_due"]);
  e.row("review every months", p["review_every_months"]);
  for (const auto& partnership : p["partnerships"]) {
    e.row("partnership", partnership["name"]);
    e.row("partnership short name", partnership["short_name"]);
  }
  e.rows("author", p["authors"]);
  e.quotes("protocol", p);
  for (const auto& d : p["duties"]) e.duty("protocol", d);
  e.contacts(p["contacts"]);
  if (!root["immediate_risk"].is_null()) {
    const auto& rule = root["immediate_risk"];
    e.stage_like("immediate risk", rule);
    for (const auto& c : rule["contacts"]) e.row("immediate risk contact", c["title"]);
    e.contacts(rule["contacts"]);
  }
  for (const auto& s : root["stages"]) {
    auto key = stage_label(s);
    e.row(key + " title", s["title"]);
    if (s["final"] == true) e.row(key + " final", "yes");
    if (s["binding"] == true) e.row(key + " binding", "yes");
    e.stage_like(key, s);
    if (s.contains("contacts_join")) e.row(key + " contacts", s["contacts_join"]);
    for (const auto& step : s["steps"]) {
      auto at = key + " step " + step["title"].get<std::string>();
      e.row(key + " step", step["title"]);
      if (!step["timeframe"].is_null()) e.part(at + " time", step["timeframe"]["text"]);
      e.row(at + " by", step.value("by", json()));
      e.row(at + " condition", step.value("condition", json()));
      e.row(at + " part of", step.value("part_of", json()));
      for (const auto& v : step.value("variants", json::array())) {
        e.row(at + " variant", v["label"]);
        e.row(at + " variant " + v["label"].get<std::string>() + " condition", v["condition"]);
      }
      e.quotes(at, step);
    }
    for (const auto& o : s["outcomes"]) {
      auto at = key + " when " + o["when"].get<std::string>();
      e.row(at + " condition", o["condition"]);
      for (const auto& a : o["actions"]) {
        if (a.contains("duty")) e.duty(at, a["duty"]);
      }
      e.quotes(at, o);
    }
    for (const auto& c : s["contacts"]) e.row(key + " contact", c["title"]);
    e.contacts(s["contacts"]);
  }
  for (const auto& a : root["agencies"]) {
    e.contacts(a["contacts"]);
    for (const auto& l : a["lines"]) e.contacts(l["contacts"]);
  }
  for (const auto& f : root["forms"]) {
    auto key = "form " + f["name"].get<std::string>();
    e.row("form", f["name"]);
    e.row(key + " title", f["title"]);
    e.row(key + " required from stage", f["required_from_stage"]);
    for (const auto& c : f["send_to"]) e.row(key + " send to", c["title"]);
    e.contacts(f["send_to"]);
    for (const auto& section : f["sections"]) {
      e.row(key + " section", section["title"]);
      e.rows(key + " section " + section["title"].get<std::string>() + " field", section["fields"]);
    }
    e.rows(key + " field", f["fields"]);
    e.rows(key + " column", f["columns"]);
    e.quotes(key, f);
  }
  for (const auto& f : findings) {
    if (!f["allowed"].is_null()) continue;
    e.row("finding", f["code"].get<std::string>() + " " + f["severity"].get<std::string>() + " " +
                         f["message"].get<std::string>());
  }
  return e;
}

json read_json(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return json::parse(in);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: escc-caseworker-rows PROTOCOL.json FINDINGS.json HEADER.rows\n";
    return 2;
  }
  auto e = expected(read_json(argv[1]), read_json(argv[2]));
  std::set<std::pair<std::string, std::string>> header;
  std::ifstream rows(argv[3], std::ios::binary);
  for (std::string line; std::getline(rows, line);) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) header.emplace(line.substr(0, tab), line.substr(tab + 1));
  }
  int missing = 0;
  for (const auto& [key, value] : e.exact) {
    if (header.count({escaped(key), escaped(value)}) == 0) {
      std::cout << "missing from the header: " << key << ": " << value << "\n";
      ++missing;
    }
  }
  for (const auto& [key, part] : e.within) {
    bool found = false;
    for (auto at = header.lower_bound({escaped(key), ""}); at != header.end() && at->first == escaped(key); ++at) {
      // The header's words begin with a capital ("The ACYP to remain ...").
      found = found || lowered(at->second).find(lowered(escaped(part))) != std::string::npos;
    }
    if (!found) {
      std::cout << "missing from the header: " << key << " saying: " << part << "\n";
      ++missing;
    }
  }
  std::cout << argv[3] << ": " << e.exact.size() + e.within.size() << " facts, " << missing << " missing\n";
  return missing == 0 ? 0 : 1;
}
