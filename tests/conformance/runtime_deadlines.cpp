// The deadline conformance cases asked of the generated C++ tables and the runtime: a
// case raised on each start date, escalated on each stage's due date, for every kind of
// case. Prints the rows deadline_rows.mjs prints from `escc deadlines --format json`.
// deadlines_test.sh writes protocols.hpp (every generated header) and protocols.inc (one
// PROTOCOL(namespace, "stem") a line).
// Usage: runtime_deadlines START... (YYYY-MM-DD)
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "escc/runtime.hpp"
#include "protocols.hpp"

namespace {

const escc::Time contacts_at = escc::Time::at(10, 0).value();  // as the script asks `escc deadlines --at`

// Each formal stage the case reaches, in order: its due date, the rule that gave it and
// whom to contact then. A stage with no due date gives no day for the next stage's start:
// from then on only dates counted from the day raised are known, as in `escc deadlines`.
void walk(const char* stem, const escc::tables::Protocol& protocol, escc::Date start,
          std::optional<escc::tables::CaseKind> kind, const char* kind_name) {
  escc::Escalation e(protocol, start, "Conformance");
  if (kind) e.for_case(*kind);
  bool reached_known = true;
  escc::Date on = start;
  // As escc's main path does, the walk stops where it would come back to a stage.
  std::vector<bool> visited(protocol.stages.size, false);
  while (const auto* at = e.current_stage()) {
    const auto& stage = *at;
    auto index = static_cast<std::size_t>(at - protocol.stages.begin());
    if (visited[index]) break;
    visited[index] = true;
    if (stage.kind == escc::tables::StageKind::formal) {
      auto due = e.due_date();
      bool known = due && (due->rule->from == escc::tables::CountedFrom::raised || reached_known);
      auto when = known ? due->date : start;
      std::string contacts;
      auto listed = e.contacts(when, contacts_at);
      for (const auto* contact : listed.value()) {
        if (!contacts.empty()) contacts += "; ";
        if (contact->agency < protocol.agencies.size) contacts += std::string(protocol.agencies[contact->agency].title) + ": ";
        contacts += std::string(contact->title);
      }
      std::printf("%s\t%s\t%s\t%.*s\t%s\t%.*s\t%s\n", stem, start.text().c_str(), kind_name,
                  static_cast<int>(stage.label.size()), stage.label.data(), known ? due->date.text().c_str() : "-",
                  static_cast<int>(stage.deadline.words.size()), stage.deadline.words.data(), contacts.c_str());
      reached_known = known;
      if (known) on = due->date;
    }
    if (!e.record(escc::tables::Outcome::unresolved, on, "Conformance").ok()) break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    auto start = escc::Date::parse(argv[i]).value();
#define PROTOCOL(space, stem)                                                        \
  walk(stem, space::protocol, start, std::nullopt, "any");                           \
  walk(stem, space::protocol, start, escc::tables::CaseKind::open_cases, "open");    \
  walk(stem, space::protocol, start, escc::tables::CaseKind::new_referrals, "new");
#include "protocols.inc"
#undef PROTOCOL
  }
  return 0;
}
