// The availability conformance table asked of the generated C++ tables and the runtime.
// Usage: runtime_rows TABLE.tsv
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "conformance.hpp"
#include "escc/runtime.hpp"

namespace {

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> parts;
  std::stringstream stream(line);
  std::string part;
  while (std::getline(stream, part, '\t')) parts.push_back(part);
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream table(argv[1]);
  const auto& protocol = escc_conformance::protocol;
  escc::Escalation escalation(protocol, {2026, 1, 1});
  int checked = 0;
  int failed = 0;
  std::string line;
  for (int number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto row = fields(line);
    if (row.size() < 4) {
      std::printf("FAIL line %d: fewer than four columns\n", number);
      ++failed;
      continue;
    }
    auto title = row[0].empty() ? std::string("not stated") : row[0];
    const escc::tables::Contact* contact = nullptr;
    for (const auto& c : protocol.contacts) {
      if (c.title == title) contact = &c;
    }
    if (!contact) {
      std::printf("FAIL line %d: no contact '%s' in the tables\n", number, title.c_str());
      ++failed;
      continue;
    }
    escc::Date date{std::stoi(row[1].substr(0, 4)), std::stoi(row[1].substr(5, 2)), std::stoi(row[1].substr(8, 2))};
    int minute = std::stoi(row[2].substr(0, 2)) * 60 + std::stoi(row[2].substr(3, 2));
    bool expected = row[3] == "yes";
    bool answer = escalation.reachable(*contact, date, minute);
    ++checked;
    if (answer != expected) {
      std::printf("FAIL line %d: '%s' on %s at %s: the runtime says %s, the table %s\n", number, title.c_str(),
                  row[1].c_str(), row[2].c_str(), answer ? "yes" : "no", row[3].c_str());
      ++failed;
    }
  }
  std::printf("checked %d rows\n", checked);
  return failed == 0 && checked > 0 ? 0 : 1;
}
