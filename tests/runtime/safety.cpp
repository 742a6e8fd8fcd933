// Hostile calls to the runtime: every refusal it promises, each with its reason, and
// nothing a wrong argument can turn into undefined behaviour. Built by
// tests/runtime_safety_test.sh with AddressSanitizer and UndefinedBehaviorSanitizer.
// With a number of seconds as its argument, prints the UK time of that instant instead
// (compared with `TZ=Europe/London date` by the script).
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "escc/runtime.hpp"
#include "merton.hpp"
#include "wolverhampton.hpp"

namespace {

int failures = 0;
int checks = 0;

void expect(bool ok, const std::string& what) {
  ++checks;
  if (!ok) {
    ++failures;
    std::printf("FAIL %s\n", what.c_str());
  }
}

template <typename R>
void refused(const R& result, escc::Reason reason, const std::string& what) {
  expect(!result.ok() && result.reason() == reason,
         what + ": wanted \"" + std::string(escc::explain(reason)) + "\", got \"" +
             (result.ok() ? std::string("accepted") : std::string(result.why())) + "\"");
}

escc::Date day(int year, int month, int day_of_month) { return escc::Date::of(year, month, day_of_month).value(); }

constexpr std::string_view worker = "A. Caseworker";

void dates_and_times() {
  refused(escc::Date::of(2026, 2, 30), escc::Reason::no_such_day, "30 February");
  refused(escc::Date::of(2026, 2, 29), escc::Reason::no_such_day, "29 February in a common year");
  expect(escc::Date::of(2028, 2, 29).ok(), "29 February 2028");
  refused(escc::Date::of(2026, 13, 1), escc::Reason::month_out_of_range, "month 13");
  refused(escc::Date::of(2026, 0, 1), escc::Reason::month_out_of_range, "month 0");
  refused(escc::Date::of(2026, 4, 31), escc::Reason::no_such_day, "31 April");
  refused(escc::Date::of(2026, 1, 0), escc::Reason::no_such_day, "day 0");
  refused(escc::Date::of(std::numeric_limits<int>::max(), 1, 1), escc::Reason::year_out_of_range, "the largest year");
  refused(escc::Date::of(std::numeric_limits<int>::min(), std::numeric_limits<int>::min(), 1),
          escc::Reason::year_out_of_range, "the smallest year and month");
  refused(escc::Date::from_day_number(std::numeric_limits<long>::max()), escc::Reason::year_out_of_range,
          "the largest day number");
  refused(day(9999, 12, 31).plus_days(1), escc::Reason::year_out_of_range, "the day after 9999");
  refused(day(2026, 1, 1).plus_days(std::numeric_limits<long>::min()), escc::Reason::year_out_of_range,
          "the smallest number of days");
  refused(escc::Time::at(24, 0), escc::Reason::time_out_of_range, "24:00");
  refused(escc::Time::at(12, 60), escc::Reason::time_out_of_range, "12:60");
  refused(escc::Time::at(-1, 0), escc::Reason::time_out_of_range, "-1:00");
  refused(escc::Time::from_minute_of_day(1440), escc::Reason::time_out_of_range, "minute 1440");
  refused(escc::Time::from_minute_of_day(std::numeric_limits<int>::min()), escc::Reason::time_out_of_range,
          "the smallest minute");
  for (auto text : {"2026-02-30", "2026-2-3", "20261218", "2026-12-18 ", "-026-12-18", "2026-1a-18", ""}) {
    expect(!escc::Date::parse(text).ok(), std::string("the date text '") + text + "' is refused");
  }
  bool threw = false;
  try {
    (void)escc::Date::of(2026, 2, 30).value();
  } catch (const escc::Refused& refusal) {
    threw = refusal.reason() == escc::Reason::no_such_day;
  }
  expect(threw, "asking a refusal for its value throws escc::Refused, with the reason");
#if __cplusplus >= 202002L
  using std::chrono::December, std::chrono::February, std::chrono::month, std::chrono::year,
      std::chrono::year_month_day;
  refused(escc::Date::from(year_month_day{year{2026}, February, std::chrono::day{30}}), escc::Reason::no_such_day,
          "30 February as a year_month_day");
  refused(escc::Date::from(year_month_day{year{2026}, month{13}, std::chrono::day{1}}), escc::Reason::month_out_of_range,
          "month 13 as a year_month_day");
  auto christmas = escc::Date::from(year_month_day{year{2026}, December, std::chrono::day{25}});
  expect(christmas.ok() && christmas->year_month_day() == year{2026} / December / 25 &&
             escc::Date::from(christmas->sys_days()).value() == *christmas && christmas->weekday() == 4,
         "25 December 2026, a Friday, to and from std::chrono");
#endif
  refused(escc::london_time_of_unix_seconds(0), escc::Reason::outside_uk_clock_rule, "UK time in 1970");
  refused(escc::london_time_of_unix_seconds(std::numeric_limits<long long>::max()),
          escc::Reason::outside_uk_clock_rule, "UK time at the end of time");
}

void calendar_counts() {
  escc::Calendar calendar(escc_wolverhampton::protocol);
  refused(calendar.add_working_days(day(2026, 12, 18), -1), escc::Reason::negative_count, "-1 working days");
  refused(calendar.add_working_days(day(2026, 12, 18), std::numeric_limits<int>::min()), escc::Reason::negative_count,
          "the smallest count");
  refused(calendar.add_working_days(day(2026, 12, 18), std::numeric_limits<int>::max()),
          escc::Reason::count_too_large, "the largest count");
  refused(calendar.add_working_days(day(9999, 12, 30), 5), escc::Reason::year_out_of_range, "a count past 9999");
  // Friday 18 December 2026 to Tuesday 29 December: 21, 22, 23, 24, 29.
  expect(calendar.working_days_between(day(2026, 12, 18), day(2026, 12, 29)) == 5, "5 working days to 29 December");
  expect(calendar.working_days_between(day(2026, 12, 29), day(2026, 12, 18)) == -5, "and -5 back");
  expect(calendar.working_days_between(day(2026, 12, 25), day(2026, 12, 28)) == 0, "none from Christmas to the 28th");
}

void cases() {
  escc::Escalation e(escc_wolverhampton::protocol, day(2026, 12, 18), worker);
  refused(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 17), worker), escc::Reason::before_stage_began,
          "a date before the stage began");
  refused(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), ""), escc::Reason::no_recorder,
          "nobody named");
  refused(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), "\xC3("), escc::Reason::no_recorder,
          "a name that is not UTF-8");
  refused(e.record(static_cast<escc::tables::Outcome>(200), day(2026, 12, 21), worker), escc::Reason::unknown_outcome,
          "an outcome made from a number");
  refused(e.contacts(static_cast<escc_wolverhampton::Agency>(250), day(2026, 12, 21), escc::Time::at(10, 0).value()),
          escc::Reason::unknown_agency, "an agency made from a number");
  refused(e.reachable(escc_merton::data::contacts[0], day(2026, 12, 21), escc::Time::at(10, 0).value()),
          escc::Reason::other_protocol, "another protocol's contact");
  expect(e.history().size() == 1, "refusals leave no trace in the history");
  expect(e.working_days_left(day(2026, 12, 18)).value_or(-99) == 5, "5 working days left on the day it opened");
  expect(e.working_days_left(day(2026, 12, 30)).value_or(-99) == -1, "one working day overdue on 30 December");

  // A protocol picked while the program runs: moves are checked, not trusted.
  const escc::tables::Protocol& wolverhampton = escc_wolverhampton::protocol;
  const escc::tables::Protocol& merton = escc_merton::protocol;
  escc::Escalation<escc::tables::Protocol> any_w(wolverhampton, day(2026, 12, 18), worker);
  escc::Escalation<escc::tables::Protocol> any_m(merton, day(2026, 12, 18), worker);
  auto other = any_m.moves();
  expect(!other.empty(), "merton offers a move");
  if (!other.empty()) {
    refused(any_w.take(other.front(), day(2026, 12, 21), worker), escc::Reason::other_protocol,
            "another protocol's move");
  }
  auto own = any_w.moves();
  const escc::Move<escc::tables::Protocol>* onward = nullptr;
  for (const auto& move : own) {
    if (move.outcome() == escc::tables::Outcome::unresolved && move.to() != nullptr) onward = &move;
  }
  expect(onward != nullptr, "wolverhampton stage 1 moves on when unresolved");
  if (onward) {
    expect(any_w.take(*onward, day(2026, 12, 21), worker).ok(), "its own move");
    refused(any_w.take(*onward, day(2026, 12, 22), worker), escc::Reason::not_from_current_stage,
            "a move kept from an earlier stage");
  }
  refused(any_w.contacts(static_cast<escc::tables::Index>(999), day(2026, 12, 21), escc::Time::at(10, 0).value()),
          escc::Reason::unknown_agency, "agency 999");

  // A table made by hand, with positions past its own lists.
  escc::tables::Protocol broken{};
  broken.start = 7;
  escc::Escalation<escc::tables::Protocol> odd(broken, day(2026, 12, 18), worker);
  expect(odd.closed() && odd.current_stage() == nullptr, "a start past the stages: the case has nowhere to be");
  refused(odd.due_date(), escc::Reason::closed, "no due date for it");
  refused(odd.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), worker), escc::Reason::closed,
          "nothing to record");
  refused(odd.overall_deadline(), escc::Reason::no_overall_target, "no overall target");

  // Closed: nothing more can be recorded.
  expect(e.record(escc::tables::Outcome::resolved, day(2026, 12, 21), worker).ok(), "resolving closes the case");
  refused(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 22), worker), escc::Reason::closed,
          "recording on a closed case");
  refused(e.due_date(), escc::Reason::closed, "a closed case has no due date");
  refused(e.stage(), escc::Reason::closed, "nor a stage");
}

void saved_cases() {
  escc::Escalation e(escc_wolverhampton::protocol, day(2026, 12, 18), worker);
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 29), "B. Manager").ok(), "stage 1 unresolved");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 31), "C. \"Quoted\" \\ Lead\n").ok(),
         "stage 2 unresolved, recorded by a name with quotes and a line break");
  expect(e.record(escc::tables::Outcome::no_response, day(2027, 1, 6), worker).ok(), "stage 3 no response");
  auto saved = e.to_json();
  auto back = escc::Escalation<escc_wolverhampton::Protocol>::restore(escc_wolverhampton::protocol, saved);
  expect(back.ok(), "a saved case restores: " + std::string(back.why()));
  if (back.ok()) {
    expect(back->to_json() == saved, "and saves again to the same text");
    expect(back->stage().value() == escc_wolverhampton::Stage::stage_4, "at stage 4");
    expect(back->history().size() == 4 && back->history()[2].by == "C. \"Quoted\" \\ Lead\n", "with its history");
    expect(back->history()[3].outcome == escc::tables::Outcome::no_response, "as recorded");
  }
  refused(escc::Escalation<escc_merton::Protocol>::restore(escc_merton::protocol, saved),
          escc::Reason::protocol_changed, "restored under another protocol");

  auto replaced = [&](std::string_view from, std::string_view to) {
    auto text = saved;
    auto at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  };
  auto restore = [](const std::string& text) {
    return escc::Escalation<escc_wolverhampton::Protocol>::restore(escc_wolverhampton::protocol, text);
  };
  refused(restore(replaced("\"version\": 1", "\"version\": 2")), escc::Reason::unsupported_schema_version,
          "a later schema version");
  refused(restore(replaced("\"escc case\"", "\"something else\"")), escc::Reason::not_a_case, "another schema");
  refused(restore(replaced("\"hash\": \"", "\"hash\": \"0")), escc::Reason::protocol_changed, "another hash");
  refused(restore(replaced("\"move\": 1", "\"move\": 0")), escc::Reason::history_does_not_follow,
          "a move the stage does not have");
  refused(restore(replaced("\"move\": 1", "\"move\": 4294967295")), escc::Reason::history_does_not_follow,
          "a move past the tables");
  refused(restore(replaced("2026-12-29", "2026-12-17")), escc::Reason::history_does_not_follow,
          "a step dated before its stage began");
  refused(restore(replaced("2026-12-29", "2026-02-30")), escc::Reason::no_such_day, "30 February in the history");
  refused(restore(replaced("\"stage\": \"stage 4\"", "\"stage\": \"stage 3\"")), escc::Reason::history_does_not_follow,
          "a stage the history does not lead to");
  refused(restore(replaced("\"outcome\": \"no response\"", "\"outcome\": \"resolved\"")),
          escc::Reason::history_does_not_follow, "an outcome the move was not for");
  refused(restore(replaced("\"by\": \"B. Manager\"", "\"by\": \"\"")), escc::Reason::history_does_not_follow,
          "a step recorded by nobody");
  // Malformed JSON, each of a different kind, and every prefix of the saved text.
  for (std::string bad : {std::string(""), std::string("{"), std::string("[]"), std::string("null"),
                          replaced("\"version\": 1", "\"version\": 1.0"), replaced("\"version\": 1", "\"version\": 01"),
                          replaced("{", "{\"schema\": \"escc case\", "), replaced("\"history\"", "\"extra\": 1, \"history\""),
                          replaced("\"B. Manager\"", "\"B. \\ud800\""), replaced("\"B. Manager\"", "\"B. \xff\""),
                          replaced("\"B. Manager\"", "\"B.\tManager\""), saved + "x",
                          std::string(100, '[') + std::string(100, ']'), std::string("\"\\u")}) {
    auto result = restore(bad);
    expect(!result.ok(), "malformed text refused: " + bad.substr(0, 40));
  }
  for (std::size_t length = 0; length + 1 < saved.size(); length += 7) {
    expect(!restore(saved.substr(0, length)).ok(), "the first " + std::to_string(length) + " characters refused");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2) {
    auto local = escc::london_time_of_unix_seconds(std::strtoll(argv[1], nullptr, 10));
    if (!local) {
      std::printf("refused: %s\n", std::string(local.why()).c_str());
      return 1;
    }
    std::printf("%s %02d:%02d:%02d %s\n", local->date.text().c_str(), local->time.hour(), local->time.minute(),
                local->second, local->summer_time ? "BST" : "GMT");
    return 0;
  }
  dates_and_times();
  calendar_counts();
  cases();
  saved_cases();
  std::printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
