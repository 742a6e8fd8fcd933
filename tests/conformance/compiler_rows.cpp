// The availability conformance table asked of the compiler: the answer escc's checks,
// `escc deadlines` and `escc diff` use, and that the tables and the page carry.
// Usage: escc-conformance-rows PROTOCOL.esc TABLE.tsv
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/working_calendar.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"

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
  if (argc != 3) return 2;
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files({argv[1]}, reader, sources, sink);
  if (run.files.size() != 1 || !run.files[0].resolved || sink.errors() > 0) {
    fmt::print("FAIL: the conformance protocol does not check\n");
    return 1;
  }
  const auto& model = run.files[0].model;
  const esc::model::Calendar* calendar = &model.calendars.at(model.protocol->calendar.index);
  esc::analysis::WorkingCalendar days(calendar);
  std::ifstream table(argv[2]);
  int checked = 0;
  int failed = 0;
  std::string line;
  for (int number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto row = fields(line);
    if (row.size() < 4) {
      fmt::print("FAIL line {}: fewer than four columns\n", number);
      ++failed;
      continue;
    }
    auto title = row[0].empty() ? std::string("not stated") : row[0];
    const esc::model::Contact* contact = nullptr;
    for (const auto& c : model.stages.at(0).contacts) {
      if (c.title.value == title) contact = &c;
    }
    if (!contact) {
      fmt::print("FAIL line {}: no contact '{}'\n", number, title);
      ++failed;
      continue;
    }
    auto day = esc::day_number({std::stoi(row[1].substr(0, 4)), std::stoi(row[1].substr(5, 2)),
                                std::stoi(row[1].substr(8, 2))});
    int minute = std::stoi(row[2].substr(0, 2)) * 60 + std::stoi(row[2].substr(3, 2));
    int kind = days.is_bank_holiday(day) ? esc::analysis::bank_holiday_day : esc::weekday(day);
    bool answer = esc::analysis::availability_of(*contact, model).covers(kind, minute);
    bool expected = row[3] == "yes";
    ++checked;
    if (answer != expected) {
      fmt::print("FAIL line {}: '{}' on {} at {}: the compiler says {}, the table {}\n", number, title, row[1], row[2],
                 answer ? "yes" : "no", row[3]);
      ++failed;
    }
  }
  fmt::print("checked {} rows\n", checked);
  return failed == 0 && checked > 0 ? 0 : 1;
}
