// The standard library's calendars: the data every due date will rest on.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "compiler/model/dates.hpp"
#include "compiler/resolve/resolve.hpp"
#include "compiler/source/stdlib.hpp"
#include "compiler/syntax/loader.hpp"

namespace {

// Resolves a protocol that uses one module, and returns the model.
esc::model::Model model_using(const std::string& module, esc::SourceManager& sources, esc::DiagnosticSink& sink) {
  class OneFile final : public esc::FileReader {
   public:
    explicit OneFile(std::string text) : text_(std::move(text)) {}
    std::optional<std::string> read(const std::string&, std::string&) override { return text_; }

   private:
    std::string text_;
  } reader("use " + module + "\nprotocol \"P\" {\n}\n");
  auto program = esc::load_program("main.esc", reader, sources, sink);
  return esc::resolve(program, sources, sink);
}

}  // namespace

TEST_CASE("every standard library module checks cleanly", "[stdlib]") {
  REQUIRE(esc::stdlib_modules().size() >= 5);
  for (const auto& module : esc::stdlib_modules()) {
    INFO(module.name);
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    model_using(module.name, sources, sink);
    CHECK(sink.diagnostics().empty());
  }
}

TEST_CASE("bank holidays are weekdays, in order, inside the years the data covers", "[stdlib]") {
  for (const auto* name : {"england_and_wales", "scotland", "northern_ireland"}) {
    INFO(name);
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto model = model_using(std::string("std.calendars.") + name, sources, sink);
    REQUIRE(model.calendars.size() == 1);
    const auto& calendar = model.calendars[0];
    CHECK(calendar.data_from <= 2015);
    CHECK(calendar.data_to >= 2030);
    CHECK(calendar.working_days == 0x1F);
    std::int64_t previous = 0;
    std::map<int, int> per_year;
    for (const auto& holiday : calendar.holidays) {
      auto day = esc::day_number({holiday.date.year, holiday.date.month, holiday.date.day});
      INFO(esc::iso_date({holiday.date.year, holiday.date.month, holiday.date.day}));
      CHECK(esc::weekday(day) < 5);
      CHECK(day > previous);
      CHECK(holiday.date.year >= calendar.data_from);
      CHECK(holiday.date.year <= calendar.data_to);
      previous = day;
      ++per_year[holiday.date.year];
    }
    for (int year = calendar.data_from; year <= calendar.data_to; ++year) {
      INFO("year " << year);
      CHECK(per_year[year] >= 8);
    }
  }
}

TEST_CASE("England and Wales: the one-off days and a year worked by hand", "[stdlib]") {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto model = model_using("std.calendars.england_and_wales", sources, sink);
  std::set<std::string> days;
  std::map<int, int> per_year;
  for (const auto& holiday : model.calendars.at(0).holidays) {
    days.insert(esc::iso_date({holiday.date.year, holiday.date.month, holiday.date.day}));
    ++per_year[holiday.date.year];
  }
  for (const auto* day : {"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"}) {
    INFO(day);
    CHECK(days.count(day) == 1);
  }
  CHECK(days.count("2020-05-04") == 0);  // moved to VE Day
  CHECK(days.count("2022-05-30") == 0);  // moved for the Platinum Jubilee
  // 2026, by hand: New Year's Day, Good Friday, Easter Monday, early May, spring, summer,
  // Christmas Day (a Friday) and Boxing Day (a Saturday, so Monday 28th).
  for (const auto* day : {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                          "2026-12-25", "2026-12-28"}) {
    INFO(day);
    CHECK(days.count(day) == 1);
  }
  CHECK(per_year[2026] == 8);
  CHECK(per_year[2022] == 10);
  CHECK(per_year[2023] == 9);
}
