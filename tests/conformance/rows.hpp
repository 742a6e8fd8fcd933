// The rows of availability.tsv, read the same way by every runner written in C++.
// C++17, standard library only: the runtime's runner includes it beside generated code.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace conformance {

struct Row {
  int line = 0;           // in the table, for messages
  std::string title;      // the contact's title: the availability as written, or "not stated"
  std::string date;       // "2026-12-25"
  std::string time;       // "10:00"
  int year = 0, month = 0, day = 0;
  int minute = 0;         // of the day
  std::string expected;   // "yes" or "no"
};

// Every row of the table; `problems` gets a message for each line that is not a row.
inline std::vector<Row> read_rows(const std::string& path, std::vector<std::string>& problems) {
  std::vector<Row> rows;
  std::ifstream table(path);
  std::string line;
  for (int number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t')) fields.push_back(field);
    if (fields.size() < 4 || fields[1].size() != 10 || fields[2].size() != 5) {
      problems.push_back("line " + std::to_string(number) + ": not a row of four columns");
      continue;
    }
    Row row;
    row.line = number;
    row.title = fields[0].empty() ? "not stated" : fields[0];
    row.date = fields[1];
    row.time = fields[2];
    row.year = std::stoi(fields[1].substr(0, 4));
    row.month = std::stoi(fields[1].substr(5, 2));
    row.day = std::stoi(fields[1].substr(8, 2));
    row.minute = std::stoi(fields[2].substr(0, 2)) * 60 + std::stoi(fields[2].substr(3, 2));
    row.expected = fields[3];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace conformance
