// Real cases stepped through the generated state tables with the runtime, and due
// dates compared with dates worked out by hand on the England and Wales calendar.
// Built by tests/runtime_test.sh with g++ and clang++ under -Werror; every generated
// header is included in one program, as case-management software would.
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "barnet.hpp"
#include "enfield.hpp"
#include "escc/runtime.hpp"
#include "herefordshire.hpp"
#include "hostile.hpp"
#include "merton.hpp"
#include "whom.hpp"
#include "wolverhampton.hpp"

namespace {

int failures = 0;
int checks = 0;

std::string text(escc::Date d) { return d.text(); }

// A date the test knows to be valid; Date::of refuses any other.
escc::Date day(int year, int month, int day_of_month) { return escc::Date::of(year, month, day_of_month).value(); }

constexpr std::string_view worker = "A. Caseworker";

void expect(bool ok, const std::string& what) {
  ++checks;
  if (!ok) {
    ++failures;
    std::printf("FAIL %s\n", what.c_str());
  }
}

void expect_date(const escc::Result<escc::DueDate>& actual, escc::Date wanted, const std::string& what) {
  expect(actual.has_value() && actual->date == wanted && actual->holidays_known,
         what + ": wanted " + text(wanted) + ", got " + (actual ? text(actual->date) : std::string("nothing")));
}

template <typename P>
void expect_stage(const escc::Escalation<P>& e, std::string_view label, const std::string& what) {
  const auto* stage = e.current_stage();
  expect(stage != nullptr && stage->label == label,
         what + ": wanted " + std::string(label) + ", got " + (stage ? std::string(stage->label) : "closed"));
}

std::set<std::string> titles(const std::vector<const escc::tables::Contact*>& contacts) {
  std::set<std::string> out;
  for (const auto* c : contacts) out.insert(std::string(c->title));
  return out;
}

escc::Time at(int hour, int minute) { return escc::Time::at(hour, minute).value(); }

// Wolverhampton, raised on Friday 18 December 2026. Christmas Day is Friday 25 December
// and Boxing Day's substitute is Monday 28 December, so neither counts.
void wolverhampton_across_christmas() {
  escc::Escalation e(escc_wolverhampton::protocol, day(2026, 12, 18), worker);
  expect_stage(e, "stage 1", "wolverhampton starts at stage 1");
  // Stage 1's steps take 2 + 3 = 5 working days: 21, 22, 23, 24, 29 December.
  expect_date(e.due_date(), day(2026, 12, 29), "wolverhampton stage 1 due");
  // What the 10 working days cover is one of the document's ambiguities, which the
  // tables leave out; the overall deadline is the stages' own 5 + 2 + 3 + 4 = 14 working
  // days: ... 29, 30, 31 December, 4, 5, 6, 7, 8, 11, 12 January (1 January 2027 is a
  // bank holiday).
  expect_date(e.overall_deadline(), day(2027, 1, 12), "wolverhampton overall deadline");

  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 29), worker).ok(), "wolverhampton stage 1 unresolved moves on");
  expect_stage(e, "stage 2", "wolverhampton after stage 1");
  expect_date(e.due_date(), day(2026, 12, 31), "wolverhampton stage 2 due (30, 31 December)");

  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 31), worker).ok(), "wolverhampton stage 2 unresolved moves on");
  expect_date(e.due_date(), day(2027, 1, 6), "wolverhampton stage 3 due (4, 5, 6 January)");

  // Stage 3 names no move for "no response", so it escalates as unresolved does.
  expect(e.record(escc::tables::Outcome::no_response, day(2027, 1, 6), worker).ok(), "wolverhampton stage 3 no response moves on");
  expect_stage(e, "stage 4", "wolverhampton after no response at stage 3");
  // Stage 4's time is an ambiguity (the table's 2 working days or the text's steps), so
  // the tables give its steps' 2 + 2 = 4 working days.
  expect_date(e.due_date(), day(2027, 1, 12), "wolverhampton stage 4 due (7, 8, 11, 12 January)");

  // Whether the exceptional referral follows stage 4 is an ambiguity too: the tables
  // name no move for "unresolved", and the case stays where it is.
  expect(!e.record(escc::tables::Outcome::unresolved, day(2027, 1, 12), worker).ok(), "wolverhampton stage 4 names no move on");
  expect_stage(e, "stage 4", "wolverhampton still at stage 4");

  expect(e.record(escc::tables::Outcome::resolved, day(2027, 1, 11), worker).ok(), "resolving stage 4 closes the case");
  expect(e.closed() && !e.due_date(), "a closed case has no due date");
}

void wolverhampton_conditional_route() {
  escc::Escalation e(escc_wolverhampton::protocol, day(2026, 11, 23), worker);
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 11, 30), worker).ok(), "recorded");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 2), worker).ok(), "recorded");
  expect_stage(e, "stage 3", "wolverhampton reaches stage 3");
  auto moves = e.moves();
  const escc::Move<escc_wolverhampton::Protocol>* exceptional = nullptr;
  for (const auto& move : moves) {
    if (!move.condition().empty()) exceptional = &move;
  }
  expect(exceptional != nullptr, "stage 3 offers the exceptional route under a condition");
  if (exceptional) {
    expect(e.take(*exceptional, day(2026, 12, 3), worker).ok(), "taking the exceptional route");
    expect_stage(e, "route exceptional", "wolverhampton after the exceptional route");
    // Who decides is an ambiguity: the Chair within 5 working days, or a meeting the
    // document gives no time. The route's time is then not known, and its end, one
    // reading's, is not in the tables.
    expect(!e.due_date(), "wolverhampton's exceptional route has no due date");
    expect(!e.current_stage()->final, "the route's end is one reading of an ambiguity, not in the tables");
  }
  escc::Escalation resolved(escc_wolverhampton::protocol, day(2026, 11, 23), worker);
  expect(resolved.record(escc::tables::Outcome::resolved, day(2026, 11, 24), worker).ok() && resolved.closed(),
         "resolving stage 1 closes the case");
}

void merton_and_herefordshire() {
  escc::Escalation merton_case(escc_merton::protocol, day(2026, 12, 18), worker);
  expect_stage(merton_case, "the informal stage", "merton starts with the informal stage");
  // The informal stage states no time, so it has no due date.
  expect(!merton_case.due_date(), "merton's informal stage has no due date");
  // 3.4's working week may be the whole procedure's or only stages 1 and 2's: the
  // document leaves it open, so the tables give no overall deadline.
  expect(!merton_case.overall_deadline(), "merton's overall target is ambiguous, so it has no deadline");

  escc::Escalation hereford(escc_herefordshire::protocol, day(2026, 12, 23), worker);
  expect(hereford.record(escc::tables::Outcome::unresolved, day(2026, 12, 23), worker).ok(), "recorded");
  expect_stage(hereford, "stage 1", "herefordshire after the informal stage");
  // "Within 1-3 working days": the longer end, 24, 29, 30 December.
  expect_date(hereford.due_date(), day(2026, 12, 30), "herefordshire stage 1 due");
}

void calendar_edges() {
  escc::Calendar calendar(escc_wolverhampton::protocol);
  expect(calendar.is_bank_holiday(day(2022, 9, 19)), "the State funeral of 19 September 2022 is a bank holiday");
  expect(calendar.is_bank_holiday(day(2023, 5, 8)), "the Coronation of 8 May 2023 is a bank holiday");
  expect(!calendar.is_bank_holiday(day(2022, 5, 30)), "30 May 2022 was moved and is not a bank holiday");
  expect(calendar.add_working_days(day(2026, 12, 26), 0)->date == day(2026, 12, 29),
         "the same working day, counted from Saturday 26 December 2026, is Tuesday 29 December");
  expect(calendar.add_working_days(day(2026, 12, 24), 1)->date == day(2026, 12, 29),
         "one working day after Christmas Eve 2026 is Tuesday 29 December");
  auto beyond = calendar.add_working_days(day(2030, 12, 30), 5);
  expect(!beyond->holidays_known, "a count into 2031, past the calendar's data, is flagged");
  expect(day(2026, 11, 23).weekday() == 0, "23 November 2026 is a Monday");
  expect(escc::Date::from_day_number(day(2028, 2, 29).day_number()).value() == day(2028, 2, 29), "29 February 2028 round trip");
}

void barnet_contacts() {
  auto adults = escc_barnet::Agency::agency_adult_services;
  escc::Escalation e(escc_barnet::protocol, day(2026, 12, 18), worker);
  expect(!e.due_date(), "barnet's stages state no timeframes");
  // One working week, for the whole protocol or for stage 1 only: the document leaves it
  // open, so the tables give no overall deadline.
  expect(!e.overall_deadline(), "barnet's overall target is ambiguous, so it has no deadline");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 18), worker).ok(), "recorded");
  expect_stage(e, "stage 2", "barnet stage 2");
  // Stage 2 sends people to lines initial to 3. Out of hours only the duty teams answer.
  std::set<std::string> duty = {"Emergency Duty Team", "Head of Service on duty"};
  expect(titles(e.contacts(adults, day(2026, 12, 19), at(22, 0)).value()) == duty, "barnet adults, Saturday night: duty teams");
  expect(titles(e.contacts(adults, day(2026, 12, 25), at(10, 0)).value()) == duty, "barnet adults, Christmas Day: duty teams");
  auto monday = e.contacts(adults, day(2026, 12, 21), at(10, 0)).value();
  expect(monday.size() == 7, "barnet adults, Monday morning: the seven office-hours contacts of lines initial to 3");
  expect(titles(monday).count("Relevant Operational Director") == 1, "line 3 is included at stage 2");
  expect(titles(monday).count("Emergency Duty Team") == 0, "the duty team is out of hours only");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), worker).ok(), "recorded");
  // The document names stage 3's four posts without their agencies.
  expect(e.contacts(adults, day(2026, 12, 21), at(10, 0)).value().empty(), "barnet stage 3 names no post of Adult Services");
  expect(titles(e.contacts(day(2026, 12, 21), at(10, 0)).value()) ==
             std::set<std::string>{"Director of Children's Services", "Director of Adult Social Care",
                                   "Borough Commander", "Chief Operating Officer for the CCG"},
         "barnet stage 3 names the four senior posts");
  expect(e.contacts(day(2026, 12, 21), at(20, 0)).value().empty(), "nobody named at stage 3 is there at 8 pm");
}

// The list escc compiled for each stage, not a rule of the runtime's own.
void whom_to_contact() {
  auto police = escc_whom::Agency::agency_police;
  escc::Escalation e(escc_whom::protocol, day(2026, 12, 21), worker);
  expect(titles(e.contacts(police, day(2026, 12, 21), at(10, 0)).value()) == std::set<std::string>{"Duty Superintendent"},
         "a stage that names its own contact lists that one, not the agency's others");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), worker).ok(), "recorded");
  expect(titles(e.contacts(police, day(2026, 12, 21), at(10, 0)).value()) == std::set<std::string>{"Switchboard", "Sergeant"},
         "a stage pointing to line 1 lists line 1 and the agency's contacts outside its lines");
  expect(titles(e.contacts(day(2026, 12, 21), at(10, 0)).value()) == std::set<std::string>{"Switchboard", "Sergeant"},
         "the same for every agency");
  expect(e.record(escc::tables::Outcome::unresolved, day(2026, 12, 21), worker).ok(), "recorded");
  expect(e.contacts(police, day(2026, 12, 21), at(10, 0)).value().empty(), "a stage that names nobody lists nobody");
}

void hostile_text_is_data() {
  expect(escc_hostile::protocol.title == "</style><script>window.escc_hostile = 'title'</script> & \"quotes\" */ ?\?/ \\",
         "the title survives as text");
  expect(escc_hostile::data::stages[0].title == "Practitioners \"quoted\" \\ back\\slash */ /* ?\?= ?\?/",
         "stage 1's title survives as text");
  expect(escc_hostile::data::stages[2].title == "Board -> stage_1 [label=\"injected\"]; }", "stage 3's title survives");
  bool phone_found = false;
  for (const auto& contact : escc_hostile::data::contacts) {
    for (auto phone : contact.phones) phone_found = phone_found || phone == "\"><script>window.escc_hostile='phone'</script>";
  }
  expect(phone_found, "the hostile phone number survives as text");
}

}  // namespace

// What to do at each stage reaches the tables: Wolverhampton states its record and share
// duties once, for every stage of the process, and each stage and the route hold them.
void wolverhampton_duties_at_every_stage() {
  const std::string_view record = "Should record accurate actions and decisions on the file (at every stage)";
  for (const auto& stage : escc_wolverhampton::protocol.stages) {
    bool held = false;
    for (auto duty : stage.duties) held = held || duty == record;
    expect(held, "wolverhampton " + std::string(stage.label) + " holds the duty to record at every stage");
  }
}

int main() {
  wolverhampton_across_christmas();
  wolverhampton_conditional_route();
  merton_and_herefordshire();
  calendar_edges();
  barnet_contacts();
  whom_to_contact();
  hostile_text_is_data();
  wolverhampton_duties_at_every_stage();
  std::printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
