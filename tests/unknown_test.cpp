// `unknown` honoured by every check: each subject is tied to the checks it affects by
// one table (compiler/model/unknowns.hpp), which docs/language.md states; a check that
// would report something recorded as unknown says so, or stays quiet.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "compiler/model/unknowns.hpp"
#include "tests/support.hpp"

namespace {

std::vector<std::string> findings_of(const std::string& text) {
  return esc::test::findings_of(esc::test::check_text(text));
}

std::string stage_with(std::string_view unknown) {
  return std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  contact "Duty Manager" phone "01234 567890"
  )" + std::string(unknown) +
         R"(
  final binding
}
)";
}

}  // namespace

TEST_CASE("a finding about what was lost in extraction is a note, not a defect of the document", "[unknown]") {
  CHECK(findings_of(stage_with(R"(unknown timeframe "the table of timescales is not in the extracted text")")) ==
        std::vector<std::string>{"note[T004] 9:1 escc cannot check the timeframe of stage 1: the protocol records the "
                                 "timeframe as unknown (the table of timescales is not in the extracted text)"});
}

TEST_CASE("a finding about what the document itself leaves open keeps its warning, with the reason", "[unknown]") {
  CHECK(findings_of(stage_with(R"(unknown timeframe "the document says 'promptly' and gives no number")")) ==
        std::vector<std::string>{"warning[T004] 9:1 stage 1 has no timeframe, so nobody knows when to escalate "
                                 "further; the protocol records the timeframe as unknown (the document says "
                                 "'promptly' and gives no number)"});
  CHECK(findings_of(stage_with("unknown timeframe")) ==
        std::vector<std::string>{"warning[T004] 9:1 stage 1 has no timeframe, so nobody knows when to escalate "
                                 "further; the protocol records the timeframe as unknown"});
}

TEST_CASE("the narrowest unknown covers a finding, and one elsewhere does not", "[unknown]") {
  auto text = R"(protocol "Unknowns" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  unknown contacts "the contact list is an appendix that was not supplied"
}
immediate risk {
  immediately
}
stage 1 "Practitioners" {
  within 2 working days
  unknown contacts "the stage's contacts were lost in extraction"
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  within 2 working days
  unknown timeframe "lost"
  final binding
}
)";
  CHECK(findings_of(text) ==
        std::vector<std::string>{
            "note[C001] 10:1 escc cannot check whom to contact at stage 1: the protocol records the contacts as unknown "
            "(the stage's contacts were lost in extraction)",
            "warning[S010] 15:1 stage 2 is final, but the protocol does not say who makes the decision there; the "
            "protocol records the contacts as unknown (the contact list is an appendix that was not supplied)",
            "warning[C001] 15:1 stage 2 does not say whom to contact; the protocol records the contacts as unknown "
            "(the contact list is an appendix that was not supplied)"});
}

TEST_CASE("where the table says quiet, the check says nothing", "[unknown]") {
  auto text = R"(protocol "Unknowns" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
  unknown stages "the flow chart is not in the extracted text"
}
immediate risk {
  immediately
}
stage 1 "Practitioners" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
stage 2 "Managers" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)";
  // Stage 2 is reached from nowhere (S001, quiet) and is not a dead end (it is final).
  CHECK(findings_of(text).empty());
  auto without = std::regex_replace(std::string(text), std::regex("  unknown stages .*\n"), "");
  CHECK(findings_of(without) ==
        std::vector<std::string>{"warning[S001] 14:1 nothing leads to stage 2: no outcome of an earlier stage goes "
                                 "to it"});
}

TEST_CASE("an agency's or a line's unknown covers the contact checks there", "[unknown]") {
  auto text = std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contacts line 1 to line 2
  final binding
}
agency police "Example Police" {
  unknown lines "the second line's table was lost in extraction"
  line 1 {
    contact "Duty Inspector" available weekdays 09:00-17:00
    unknown hours "the out-of-hours rota was lost in extraction"
  }
}
agency health "Example Health" {
  line 1 {
    contact "Named Nurse" phone "01234 567890" available always
  }
  line 2 {
    contact "Designated Nurse" phone "01234 567891" available always
  }
}
)";
  CHECK(findings_of(text) ==
        std::vector<std::string>{
            "note[C002] 11:3 escc cannot check whether police has line 2: the protocol records the escalation lines "
            "as unknown (the second line's table was lost in extraction)",
            "note[C007] 16:3 escc cannot check who can be contacted on police line 1 (weekdays and bank holidays "
            "17:00-09:00; weekends all day): the protocol records when contacts can be reached as unknown (the "
            "out-of-hours rota was lost in extraction)",
            "warning[C003] 17:5 'Duty Inspector' (police line 1) has no phone number, email or other way to reach "
            "them"});
}

TEST_CASE("docs/language.md states the table of unknown subjects as the compiler holds it", "[unknown][docs]") {
  auto text = esc::test::read_repository_file("docs/language.md");
  for (const auto& row : esc::model::unknown_table::rows) {
    INFO(row.name);
    std::vector<std::string> places;
    for (auto place : {esc::model::UnknownPlace::protocol, esc::model::UnknownPlace::stage,
                       esc::model::UnknownPlace::agency, esc::model::UnknownPlace::line}) {
      if (row.stands_in.has(place)) places.emplace_back(esc::model::unknown_place_words(place));
    }
    std::string where;
    for (std::size_t i = 0; i < places.size(); ++i) where += (i == 0 ? "" : ", ") + places[i];
    std::string codes;
    for (const auto& affected : row.affects) {
      codes += (codes.empty() ? "" : ", ") + std::string(esc::code_info(affected.code).id) +
               (affected.telling == esc::model::Telling::quiet ? " (quiet)" : "");
    }
    auto line = "| `" + std::string(row.name) + "` | " + where + " | ";
    auto at = text.find(line);
    REQUIRE(at != std::string::npos);
    auto rest = text.substr(at + line.size(), text.find('\n', at) - at - line.size());
    if (codes.empty()) {
      CHECK(rest.rfind("none", 0) == 0);
    } else {
      CHECK(rest == codes + " |");
    }
  }
}

TEST_CASE("the JSON names an unknown's subject as written", "[unknown]") {
  auto checked = esc::test::check_text(stage_with(R"(unknown timeframe "lost")"));
  REQUIRE(checked.run.files.at(0).resolved);
  const auto& unknown = checked.run.files[0].model.stages.at(0).unknowns.at(0);
  CHECK(unknown.subject == esc::model::UnknownSubject::timeframe);
  CHECK(esc::model::unknown_subject_name(unknown.subject) == "timeframe");
  CHECK(unknown.lost_in_extraction());
}

TEST_CASE("every check the table ties to a subject reports through report_unless_unknown", "[unknown]") {
  std::set<std::string> codes;
  for (const auto& row : esc::model::unknown_table::rows) {
    for (const auto& affected : row.affects) codes.emplace(esc::code_info(affected.code).id);
  }
  auto files = esc::test::files_in("compiler/checks", ".cpp");
  std::set<std::string> honoured;
  for (const auto& name : files) {
    auto text = esc::test::read_repository_file("compiler/checks/" + name);
    for (const auto& code : codes) {
      INFO("compiler/checks/" << name << ": " << code);
      // A finding the table covers is never reported straight into the sink, except a
      // status the protocol does state (draft, withdrawn), which nothing left unknown.
      bool stated_status = name == "status.cpp" && code == "G004";
      if (!stated_status) CHECK(text.find("sink.report(Code::" + code) == std::string::npos);
      if (std::regex_search(text, std::regex("report_unless_unknown\\([^;]*Code::" + code + "\\b"))) {
        honoured.insert(code);
      }
    }
  }
  CHECK(honoured == codes);
}
