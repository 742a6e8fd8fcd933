// The grammar on its own: accepted and rejected text per construct, and PEGTL's
// analysis that no rule can loop without consuming input.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/esc.hpp"

namespace {

namespace p = tao::pegtl;
namespace g = esc::grammar;

template <typename Rule>
bool matches(std::string_view text) {
  p::memory_input in(text.data(), text.size(), "snippet");
  try {
    return p::parse<p::seq<Rule, p::eof>>(in);
  } catch (const p::parse_error&) {
    return false;
  }
}

template <typename Rule>
void check_table(std::initializer_list<std::string_view> accepted, std::initializer_list<std::string_view> rejected) {
  for (auto text : accepted) {
    INFO("should accept: " << text);
    CHECK(matches<Rule>(text));
  }
  for (auto text : rejected) {
    INFO("should reject: " << text);
    CHECK_FALSE(matches<Rule>(text));
  }
}

}  // namespace

TEST_CASE("no grammar rule can loop without consuming input", "[grammar]") {
  CHECK(p::analyze<g::item>(0) == 0);
  CHECK(p::analyze<g::filler>(0) == 0);
}

TEST_CASE("grammar: text in quotes", "[grammar]") {
  check_table<g::quoted>({R"("Line Managers / Safeguarding Lead")", R"("")", R"("say \"no\" and \\ back")",
                          "\"Gwasanaethau Cymdeithasol \xC5\xB5\"", "\"tab\there\""},
                         {R"("no end)", R"("bad \n escape")", "\"two\nlines\"", "plain"});
}

TEST_CASE("grammar: names", "[grammar]") {
  check_table<g::identifier>({"police", "adult_services", "out-of-hours", "line2", "_x", "heddlu_\xC5\xB5yr", "WST"},
                             {"2nd", "-x", "x-", "a b", "a.b", ""});
}

TEST_CASE("grammar: dates and times", "[grammar]") {
  check_table<g::date_value>({"2024-03-31", "2024-03", "2016-06-28"}, {"2024-3", "24-03-01", "2024-03-1", "2024/03"});
  check_table<g::time_range>({"17:00-09:00", "9:00-17:00", "21:00 - 07:00"}, {"17:00", "17:00-", "17-09", "1700-0900"});
}

TEST_CASE("grammar: durations", "[grammar]") {
  check_table<g::duration>({"2 working days", "1 working day", "1-3 working days", "1 - 3 working days",
                            "5 calendar days", "24 hours", "1 hour", "one working week", "a working week",
                            "two weeks", "same working day", "on the same working day", "immediately",
                            "as soon as possible", "12 Working Days", "2 days", "1 Day"},
                           {"2", "working days", "2 workingdays", "2 working", "soon", "2 months"});
}

TEST_CASE("grammar: timeframes", "[grammar]") {
  check_table<g::timeframe>(
      {"within 2 working days", "within a further 2 working days", "within further 2 working days", "by day 8",
       "by day 1-3", R"(by day 8 from "the initial concern")", "within one working week or sooner",
       R"(within 1-3 working days from "the initial concern")", "immediately", "same working day",
       "as soon as possible", R"(within 2 working days or sooner from "x")", "within 5 days",
       "within 5 working days as a guide", "within 5 working days indicative"},
      {"within", "within 2", "by day", "by 8", R"(within 2 working days from initial concern)", "within 2 workng days",
       "within a further"});
}

TEST_CASE("grammar: time windows", "[grammar]") {
  check_table<g::window_list>({"always", "weekdays 17:00-09:00, weekends, bank holidays", "21:00-07:00",
                               "monday to friday 09:00-17:00 except bank holidays", "out_of_hours",
                               "weekends and bank holidays", "saturday", "every day 08:00-20:00"},
                              {"17:00", "weekdays 17:00-", "always,", "monday to", "weekdays except"});
}

TEST_CASE("grammar: contacts", "[grammar]") {
  check_table<g::contact_stmt>(
      {R"(contact "Duty Inspector")", R"(contact "Ops Room Manager" call sign "Inspector NW400" available always)",
       R"(contact "MASH team manager" phone "020 8359 5638" for new referrals)",
       R"(contact "Emergency Duty Team" available out_of_hours for open cases or new referrals)",
       R"(contact "Night Duty Superintendent" via "the Duty Officer" available 21:00-07:00)",
       R"(contact "Carol Watson" person "Carol Watson" email "carol.watson@enfield.gov.uk" phone "020 8379 3201")",
       R"(contact "Director" of family_services if "the matter is urgent")",
       R"(contact "Barnet Hospital" switchboard "0208 216 4600")"},
      {"contact Ops", R"(contact "x" phone)", R"(contact "x" for old cases)", R"(contact "x" available)",
       R"(contact "x" of "agency")"});
}

TEST_CASE("grammar: stage statements", "[grammar]") {
  check_table<g::statement>(
      {R"(stage 1 "Practitioners")", R"(informal stage "Practitioner discussion")", "immediate risk",
       R"(parties "Line/Team Manager" to "Line/Team Manager")", R"(parties "Practitioners")",
       R"(step "Refer in writing" within 24 hours)",
       R"(step "Raise" within 2 working days from "the disagreement" cumulative 2 working days)",
       "within 2 working days", "cumulative 12 working days", R"(by day 13 from "the initial concern")",
       "when resolved: confirm in writing within a further 2 working days, then end",
       "when unresolved: go to stage 2", R"(when unresolved if "exceptional circumstances": go to exceptional)",
       "when no response in time: go to stage 3",
       R"(record "summary of the issues" on "the child's case file")",
       R"(notify "Independent Reviewing Officer" if "the child is subject to a Child Protection Plan")",
       R"(inform "Service Director" before stage 3)", R"(submit resolution to "HSCP Partnership Team")",
       R"(notify "BSCP" email "BSCP@Barnet.gov.uk")", R"(give feedback to "the person who raised the concern")",
       "contacts line 1 to line 3", "contacts line initial", "contacts lines 1 to 3", "final", "final binding",
       "final and binding", R"(entry from any stage if "concerns about management direction")", "entry from stage 3",
       R"(through "established safeguarding procedures")", R"(by "the designated safeguarding lead")",
       "level line_manager", "stage 1", "informal stage",
       R"(step "Refer to the Head of Service" within 2 working days by "the Team Manager" if "not agreed")",
       R"(when resolved: update resolution to "the HSCP Partnership Team", then end)",
       R"(when resolved: notify to "A", "B" or "C", then record "the outcome", then end)",
       R"(record "all escalation" at every formal stage)", R"(share "decisions" to "the worker" at all stages)"},
      {R"(stage "one")", "step", "when resolved go to stage 2", "when maybe: end", "go to stage 2",
       R"(record "x" at every)",
       "contacts 1", "cumulative", "within 2 workng days", "final decision"});
}

TEST_CASE("grammar: protocol, agency, form and calendar statements", "[grammar]") {
  check_table<g::statement>(
      {R"(protocol "Escalation Policy")", R"(partnership "Wolverhampton Safeguarding Together" as WST)",
       R"(version "V3")", "status draft", R"(author "BSCP", "Safeguarding Adults Board")", "dated 2016-03",
       R"(approved by "Andrew Wolverson", "Victoria Bowles" on 2023-03-03)", R"(approved by "BSCP")",
       "last reviewed 2021-03", "review due 2024-03", "review annually", "review every 2 years",
       R"(read with "London Child Protection Procedures" at "http://www.londoncp.co.uk/")",
       "covers children, adults with care and support needs", "covers children and young people",
       R"(excludes "single agency disputes", "complaints")", "calendar england_and_wales",
       "resolve within 10 working days covering stages 1 to 3", "resolve within one working week or sooner",
       R"(timeframes from "the initial escalation")", R"(report quarterly to "Quality and Performance Subcommittee")",
       R"(term "SPG" means "Safeguarding Partners Board")", R"(unknown stages "lost in extraction")",
       R"(agency police "Metropolitan Police Service")", "kind police",
       R"(role "Detective Sergeant" at level line_manager)", R"(line 1 "First line of escalation")",
       "line initial", R"(form resolution "Multi-agency resolution template")", "required from stage 2",
       R"(send to "HSCP Partnership Team" email "admin.sbu@herefordshire.gov.uk")", R"(section "Section A")",
       R"(field "1.1 Name of child")", R"(column "Escalation Ref Number")",
       R"(hours out_of_hours "Out of hours" = weekdays 17:00-09:00, weekends, bank holidays)",
       R"(level line_manager "Line manager")", R"(calendar england_and_wales "England and Wales")",
       "working days monday to friday", R"(bank holiday 2022-09-19 "State funeral")", "data from 2015 to 2030",
       R"(figure "Figure 1" shows stages 1, 2, 4, 3)", "use std.calendars.england_and_wales",
       R"(use "shared/contacts.esc")", R"(allow G004 "agreed by the board")", R"(note "a remark")",
       R"(source "the document's words")", R"(quote "the document's words")"},
      {"status alive", "review due March", "covers everyone", R"(approved "BSCP")", "allow G004",
       R"(hours x weekdays)", "use", R"(figure "F" shows 1, 2)", R"(report weekly to "x")",
       "resolve 10 working days", "data from 2015"});
}
