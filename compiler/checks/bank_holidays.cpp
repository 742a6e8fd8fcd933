// G011: a calendar's bank holidays as data: a date listed twice, or outside the years
// the calendar says its data covers, is a mistyped date or a range not brought up to
// date. Either way the working days counted on it may be wrong.
#include <fmt/format.h>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/protocol_date.hpp"

namespace esc::checks {
namespace {

std::string named(const model::BankHoliday& holiday) {
  return holiday.name ? fmt::format(" ('{}')", holiday.name->value) : std::string();
}

bool same_day(const model::Date& a, const model::Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

}  // namespace

void bank_holidays(const Context& context, DiagnosticSink& sink) {
  for (const auto& calendar : context.model.calendars) {
    const auto& holidays = calendar.holidays;  // in date order; a repeated date keeps file order
    bool range_stated = calendar.data_from != 0;
    std::size_t first_of_day = 0;  // where the run of holidays on the same day starts
    for (std::size_t i = 0; i < holidays.size(); ++i) {
      const auto& holiday = holidays[i];
      if (range_stated && (holiday.date.year < calendar.data_from || holiday.date.year > calendar.data_to)) {
        auto& d = sink.report(Code::G011, holiday.date.span,
                              fmt::format("the calendar '{}' lists a bank holiday on {}{}, outside the years its data "
                                          "covers ({} to {})",
                                          calendar.name, spoken(holiday.date), named(holiday), calendar.data_from,
                                          calendar.data_to));
        d.suggestion = "check the date; if it is right, widen 'data from ... to ...' to the years the list covers";
      }
      if (!same_day(holidays[first_of_day].date, holiday.date)) first_of_day = i;
      if (first_of_day == i) continue;
      const auto& earlier = holidays[first_of_day];
      auto names = earlier.name && holiday.name
                       ? fmt::format(", as '{}' and as '{}'", earlier.name->value, holiday.name->value)
                       : std::string();
      auto& d = sink.report(Code::G011, holiday.date.span,
                            fmt::format("the calendar '{}' lists {} as a bank holiday twice{}", calendar.name,
                                        spoken(holiday.date), names));
      d.notes.push_back({earlier.date.span, "it is first listed here"});
      d.suggestion = "check the date: one of them may be meant for another day; otherwise remove the repeat";
    }
  }
}

}  // namespace esc::checks
