// The availability conformance table asked of the compiler: the answer escc's checks,
// `escc deadlines` and `escc diff` use, and that the tables and the page carry.
// Usage: escc-conformance-rows PROTOCOL.esc TABLE.tsv
#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/working_calendar.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"
#include "tests/conformance/rows.hpp"

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
  esc::analysis::WorkingCalendar days(&model.calendars.at(model.protocol->calendar.index));
  std::vector<std::string> problems;
  auto rows = conformance::read_rows(argv[2], problems);
  for (const auto& problem : problems) fmt::print("FAIL {}\n", problem);
  auto failed = problems.size();
  for (const auto& row : rows) {
    const esc::model::Contact* contact = nullptr;
    for (const auto& c : model.stages.at(0).contacts) {
      if (c.title.value == row.title) contact = &c;
    }
    if (!contact) {
      fmt::print("FAIL line {}: no contact '{}'\n", row.line, row.title);
      ++failed;
      continue;
    }
    auto day = esc::day_number({row.year, row.month, row.day});
    int kind = days.is_bank_holiday(day) ? esc::analysis::bank_holiday_day : esc::weekday(day);
    bool answer = esc::analysis::availability_of(*contact, model).covers(kind, row.minute);
    if (answer != (row.expected == "yes")) {
      fmt::print("FAIL line {}: '{}' on {} at {}: the compiler says {}, the table {}\n", row.line, row.title, row.date,
                 row.time, answer ? "yes" : "no", row.expected);
      ++failed;
    }
  }
  fmt::print("checked {} rows\n", rows.size());
  return failed == 0 && !rows.empty() ? 0 : 1;
}
