// The dates of issue 17, hand-checked against the England and Wales calendar, asked of
// the generated tables with the runtime: Herefordshire and Wolverhampton raised on
// Friday 18 December 2026 at 16:30, Merton the same day, and "the same working day"
// across a weekend and Christmas. Christmas Day is Friday 25 December, Boxing Day's
// substitute Monday 28 December, New Year's Day Friday 1 January 2027. Also: routes
// entered from any stage (Enfield), contacts per kind of case, each listed once.
// Built by deadlines_test.sh beside every generated header.
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "escc/runtime.hpp"
#include "protocols.hpp"

namespace {

// What was checked and what failed, printed at the end.
struct Tally {
  int checks = 0;
  int failures = 0;
};
Tally tally;

escc::Date day(int year, int month, int day_of_month) { return escc::Date::of(year, month, day_of_month).value(); }

// Who records each step of these cases.
constexpr std::string_view recorder = "A. Caseworker";

void expect(bool ok, const std::string& what) {
  tally.checks += 1;
  if (ok) return;
  tally.failures += 1;
  std::printf("FAIL %s\n", what.c_str());
}

// A due date, and the rule that gave it, which must say how it is counted.
template <typename P>
void expect_due(const escc::Escalation<P>& e, escc::Date wanted, std::string_view rule_says, const std::string& what) {
  auto due = e.due_date();
  bool rule_ok = due && due->rule && due->rule->words.find(rule_says) != std::string_view::npos;
  expect(due && due->date == wanted && due->holidays_known && rule_ok,
         what + ": wanted " + wanted.text() + " (\"" + std::string(rule_says) + "\"), got " +
             (due ? due->date.text() + " (\"" + std::string(due->rule ? due->rule->words : "") + "\")" : "nothing"));
}

void herefordshire() {
  escc::Escalation e(escc_herefordshire::protocol, day(2026, 12, 18), recorder);
  // The informal discussion ends on Tuesday 22 December: stage 1 still counts from the
  // concern, 21, 22, 23 December.
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 22), recorder).ok(), "herefordshire: informal to stage 1");
  expect_due(e, day(2026, 12, 23), "counted from the day the disagreement was raised", "herefordshire stage 1");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 23), recorder).ok(), "herefordshire: to stage 2");
  // Day 8: 21, 22, 23, 24, 29, 30, 31 December, 4 January.
  expect_due(e, day(2027, 1, 4), "by working day 8", "herefordshire stage 2");
  expect(e.record(escc::tables::Outcome::unresolved, day(2027, 1, 4), recorder).ok(), "herefordshire: to stage 3");
  expect_due(e, day(2027, 1, 11), "by working day 13", "herefordshire stage 3 (5, 6, 7, 8, 11 January)");
  expect(e.record(escc::tables::Outcome::unresolved, day(2027, 1, 5), recorder).ok(), "herefordshire: to stage 4, early");
  expect_due(e, day(2027, 1, 20), "by working day 20", "herefordshire stage 4, whenever it is reached");
  auto overall = e.overall_deadline();
  expect(overall && overall->date == day(2027, 1, 20), "herefordshire overall, 20 working days");
}

void wolverhampton() {
  escc::Escalation e(escc_wolverhampton::protocol, day(2026, 12, 18), recorder);
  expect_due(e, day(2026, 12, 29), "its steps take 5 working days", "wolverhampton stage 1 (21-24, 29 December)");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 29), recorder).ok(), "wolverhampton: to stage 2");
  expect_due(e, day(2026, 12, 31), "within 2 working days", "wolverhampton stage 2");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 31), recorder).ok(), "wolverhampton: to stage 3");
  expect_due(e, day(2027, 1, 6), "3 working days", "wolverhampton stage 3 (4, 5, 6 January)");
  expect(e.record(escc::tables::Outcome::no_response, day(2027, 1, 6), recorder).ok(), "wolverhampton: no response, to stage 4");
  // Both of the document's figures, and which the date is for: never one silently.
  expect_due(e, day(2027, 1, 12), "also gives 2 working days as the stage's own time: the date is for the longer, 4",
             "wolverhampton stage 4 (2 by the table, 2 + 2 by the text)");
  const auto* stage = e.current_stage();
  expect(stage && stage->deadline.days.low == 2 && stage->deadline.days.high == 4 &&
             stage->deadline.stated_otherwise.known && stage->deadline.stated_otherwise.high == 2,
         "wolverhampton stage 4 carries both figures");
  auto overall = e.overall_deadline();
  expect(overall && overall->date == day(2027, 1, 12), "wolverhampton overall, the longer end (14)");
}

void merton() {
  escc::Escalation e(escc_merton::protocol, day(2026, 12, 18), recorder);
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 18), recorder).ok(), "merton: to stage 1");
  expect_due(e, day(2026, 12, 22), "within 2 working days", "merton stage 1 (21, 22 December)");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 22), recorder).ok(), "merton: to stage 2");
  expect_due(e, day(2026, 12, 23), "within 1 working day of the day the case reached this stage", "merton stage 2");
}

// "The same working day": on a working day, that day; raised on a day that is not one,
// the next working day. The compiler counts the same (working_calendar.hpp).
void same_working_day() {
  escc::Calendar calendar(escc_wolverhampton::protocol);
  expect(calendar.add_working_days(day(2026, 12, 19), 0)->date == day(2026, 12, 21),
         "the same working day, from Saturday 19 December: Monday 21 December");
  expect(calendar.add_working_days(day(2026, 12, 25), 0)->date == day(2026, 12, 29),
         "the same working day, from Christmas Day: Tuesday 29 December");
  expect(calendar.add_working_days(day(2026, 12, 24), 1)->date == day(2026, 12, 29),
         "one working day after Christmas Eve: Tuesday 29 December");
}

void enfield_route_from_any_stage() {
  escc::Escalation e(escc_enfield::protocol, day(2026, 12, 18), recorder);
  expect(!e.closed() && e.current_stage() == nullptr, "enfield: a case is open at no stage before the panel");
  const auto& panel = escc_enfield::data::stages[0];
  expect(panel.entered_from_any_stage && !panel.entry_condition.empty(), "enfield: the panel is entered from any stage");
  // Another protocol's stage does not compile (tests/runtime/misuse.cpp); a protocol
  // picked while the program runs is checked instead.
  escc::Escalation<escc::tables::Protocol> picked(escc_enfield::protocol.tables(), day(2026, 12, 18), recorder);
  expect(picked.enter(1, day(2026, 12, 18), recorder).reason() == escc::Reason::unknown_stage,
         "a stage the protocol does not have cannot be entered");
  expect(e.enter(escc_enfield::Stage::route_hrmp, day(2026, 12, 21), recorder).ok(), "enfield: the panel is entered");
  expect(e.current_stage() == &panel && !e.due_date(), "enfield: at the panel, which gives no time");
  auto listed = e.contacts(day(2026, 12, 21), escc::Time::at(10, 0).value());
  expect(listed && listed->size() == 1, "enfield: the panel's one contact, once");
  // Entering the route is part of the audit history: a saved case comes back at the
  // panel, with the kind of case it was limited to.
  e.for_case(escc::tables::CaseKind::open_cases);
  auto saved = e.to_json();
  auto restored = decltype(e)::restore(escc_enfield::protocol, saved);
  expect(restored && restored->current_stage() == &panel && restored->to_json() == saved &&
             restored->history().size() == 2 && restored->history().back().event == escc::Entry::Event::entered,
         "enfield: a saved case restores at the panel, its entry and kind of case kept");
  const std::string entry = "\"to\": \"route hrmp\"";
  auto tampered = saved;
  auto at = tampered.rfind(entry);
  if (at != std::string::npos) tampered.replace(at, entry.size(), "\"to\": \"route nowhere\"");
  expect(decltype(e)::restore(escc_enfield::protocol, tampered).reason() == escc::Reason::history_does_not_follow,
         "enfield: a saved entry to a stage the protocol does not have is refused");
  escc::Escalation w(escc_wolverhampton::protocol, day(2026, 12, 18), recorder);
  expect(w.enter(escc_wolverhampton::Stage::route_exceptional, day(2026, 12, 18), recorder).reason() ==
             escc::Reason::not_entered_from_any_stage,
         "wolverhampton's exceptional route is entered by stage 3's move, not from any stage");
}

void contacts_once_and_by_kind() {
  for (const auto& stage : escc_barnet::protocol.stages) {
    std::set<escc::tables::Index> seen;
    bool once = true;
    for (const auto* list : {&stage.contacts, &stage.line_contacts}) {
      for (auto index : *list) once = seen.insert(index).second && once;
    }
    expect(once, "barnet " + std::string(stage.label) + ": each contact listed once");
  }
  int limited = 0;
  for (const auto& contact : escc_barnet::protocol.contacts) {
    if (contact.case_kinds == 0) continue;
    ++limited;
    bool open = escc::tables::serves(contact, escc::tables::CaseKind::open_cases);
    bool referral = escc::tables::serves(contact, escc::tables::CaseKind::new_referrals);
    expect(open != referral || contact.case_kinds == 3, "a contact limited to one kind of case serves that kind only");
  }
  (void)limited;
}

}  // namespace

int main() {
  herefordshire();
  wolverhampton();
  merton();
  same_working_day();
  enfield_route_from_any_stage();
  contacts_once_and_by_kind();
  std::printf("%d checks, %d failed\n", tally.checks, tally.failures);
  return tally.failures == 0 ? 0 : 1;
}
