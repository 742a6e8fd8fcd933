// The availability conformance table asked of the generated C++ tables and the runtime.
// Usage: runtime_rows TABLE.tsv
#include <cstdio>
#include <string>
#include <vector>

#include "conformance.hpp"
#include "escc/runtime.hpp"
#include "rows.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::vector<std::string> problems;
  auto rows = conformance::read_rows(argv[1], problems);
  for (const auto& problem : problems) std::printf("FAIL %s\n", problem.c_str());
  const auto& protocol = escc_conformance::protocol;
  escc::Escalation escalation(protocol, escc::Date::of(2026, 1, 1).value(), "conformance");
  int failed = static_cast<int>(problems.size());
  for (const auto& row : rows) {
    const escc::tables::Contact* contact = nullptr;
    for (const auto& c : protocol.contacts) {
      if (c.title == row.title) contact = &c;
    }
    if (!contact) {
      std::printf("FAIL line %d: no contact '%s' in the tables\n", row.line, row.title.c_str());
      ++failed;
      continue;
    }
    auto date = escc::Date::of(row.year, row.month, row.day);
    auto time = escc::Time::from_minute_of_day(row.minute);
    if (!date || !time) {
      std::printf("FAIL line %d: %s\n", row.line, std::string(!date ? date.why() : time.why()).c_str());
      ++failed;
      continue;
    }
    bool answer = escalation.reachable(*contact, *date, *time).value_or(false);
    if (answer != (row.expected == "yes")) {
      std::printf("FAIL line %d: '%s' on %s at %s: the runtime says %s, the table %s\n", row.line, row.title.c_str(),
                  row.date.c_str(), row.time.c_str(), answer ? "yes" : "no", row.expected.c_str());
      ++failed;
    }
  }
  std::printf("checked %zu rows\n", rows.size());
  return failed == 0 && !rows.empty() ? 0 : 1;
}
