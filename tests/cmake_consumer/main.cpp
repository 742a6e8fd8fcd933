// Prints what the generated tables say, so the test can see a change in a file the
// protocol uses reach the program.
#include <cstdio>
#include <string>

#include "area.hpp"
#include "escc/runtime.hpp"

int main() {
  escc::Escalation e(escc_area::protocol, escc::Date::of(2026, 12, 18).value(), "A. Caseworker");
  auto due = e.due_date();
  if (!due) {
    std::printf("no due date: %s\n", std::string(due.why()).c_str());
    return 1;
  }
  const auto& manager = escc_area::data::contacts[0];
  const auto& monday = escc_area::protocol.availabilities[manager.availability].days[0];
  std::printf("stage 1 due %04d-%02d-%02d; duty manager from minute %d\n", due->date.year(), due->date.month(),
              due->date.day(), monday[0].from);
  return 0;
}
