// Where the document is ambiguous or contradicts itself: each reading is written with
// the statements the language already has, every combination of readings is checked,
// a finding under only some readings names them, and the outputs show the readings
// and what holds in every one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "compiler/backends/json.hpp"
#include "compiler/driver/readings.hpp"
#include "compiler/syntax/readings.hpp"
#include "tests/support.hpp"

TEST_CASE("a reading holds the statements of the block its ambiguity stands in", "[ambiguity]") {
  auto parsed = esc::test::parse_text(R"(stage 1 "Practitioners" {
  ambiguous "the table gives 3 working days, the text 5" {
    source "Stage 1 | 3 days"
    reading "the table" {
      within 3 working days
      partnership "Example"
    }
  }
}
agency police "Example Police" {
  ambiguous "the line's name" {
    reading "the list" {
      line 1 {
        contact "Duty Inspector"
      }
    }
  }
}
)");
  REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P004 6:7"});
  CHECK(parsed.sink.diagnostics()[0].message ==
        "'partnership' cannot go in a stage; it belongs in the protocol block");
  const auto& ambiguity = parsed.file.statements.at(0).body.at(0);
  CHECK(ambiguity.keyword == esc::ast::Keyword::ambiguous);
  REQUIRE(ambiguity.body.size() == 2);
  CHECK(ambiguity.body[0].keyword == esc::ast::Keyword::source);
  CHECK(ambiguity.body[1].keyword == esc::ast::Keyword::reading);
  CHECK(ambiguity.body[1].body.at(0).keyword == esc::ast::Keyword::timeframe);
  const auto& line = parsed.file.statements.at(1).body.at(0).body.at(0).body.at(0);
  CHECK(line.keyword == esc::ast::Keyword::line);
  CHECK(line.body.at(0).keyword == esc::ast::Keyword::contact);
}

TEST_CASE("a program read one way holds its chosen readings where the ambiguities stood", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  contact "Duty Manager" phone "01234 567890"
  ambiguous "first" {
    reading "a" {
      source "the reading's own quote"
      within 1 working day
    }
    reading "b" {
      within 2 working days
      step "B" within 2 working days
    }
  }
  ambiguous "second" {
    reading "x" { step "X" within 1 working day }
    reading "y" { step "Y" within 2 working days }
    reading "z" { step "Z" within 3 working days }
  }
  ambiguous "third" { note "the document gives no reading of it" }
  final binding
}
)");
  const auto& program = checked.run.files.at(0).program;
  auto ambiguities = esc::ambiguities_of(program);
  REQUIRE(checked.sink.errors() == 0);
  REQUIRE(ambiguities.size() == 3);
  CHECK(esc::readings_of(*ambiguities[0]) == 2);
  CHECK(esc::readings_of(*ambiguities[1]) == 3);
  CHECK(esc::readings_of(*ambiguities[2]) == 0);
  auto read = esc::with_readings(program, {0, 1, 0});
  const auto& stage = read.units.back().syntax.statements.at(2);
  REQUIRE(stage.body.size() == 4);
  CHECK(stage.body[1].keyword == esc::ast::Keyword::timeframe);
  CHECK(stage.body[2].keyword == esc::ast::Keyword::step);
  CHECK(stage.body[2].find(esc::ast::Tag::title)->text == "Y");
  auto other = esc::with_readings(program, {1, 2, 0});
  const auto& other_stage = other.units.back().syntax.statements.at(2);
  REQUIRE(other_stage.body.size() == 5);
  CHECK(other_stage.body[3].find(esc::ast::Tag::title)->text == "Z");
}

TEST_CASE("an ambiguity inside a reading is refused", "[ambiguity]") {
  auto parsed = esc::test::parse_text(R"(stage 1 "Practitioners" {
  ambiguous "outer" {
    reading "a" {
      ambiguous "inner" {
        reading "x" {
          within 1 working day
        }
      }
    }
  }
}
)");
  REQUIRE(esc::test::codes_and_places(parsed) == std::vector<std::string>{"P004 4:7"});
  CHECK(parsed.sink.diagnostics()[0].message ==
        "an ambiguity cannot go inside a reading of another: write each way the document can be read as a reading "
        "of one ambiguity");
}

TEST_CASE("a finding under only some readings names them; one under all does not", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  contact "Duty Manager" phone "01234 567890"
  ambiguous "the table gives 3 working days, the text 5" {
    reading "the table" {
      within 3 working days
    }
    reading "the text" {
      within 5 working days
    }
  }
  cumulative 5 working days
  when unresolved: go to stage 2
}
stage 2 "Managers" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final
}
)");
  CHECK(esc::test::findings_of(checked, "found only") ==
        std::vector<std::string>{
            "warning[G012] 11:3 the document is ambiguous here (stage 1): the table gives 3 working days, the text 5; "
            "escc checks each reading, 'the table' and 'the text'",
            "warning[T001] 19:3 by the end of stage 1 the running total is 3 working days, but the protocol says 5",
            "  note 11:3 found only when 'the table gives 3 working days, the text 5' is read as 'the table'",
            "warning[G007] 22:1 stage 2 is final, but the protocol does not say its decision is binding, so a "
            "dispute could go on after it"});
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  // What holds in every reading: stage 1's own timeframe is in neither; its time and
  // running totals are the range over the readings.
  CHECK(file.model.stages.at(0).timeframes.empty());
  CHECK(file.analyses.durations.stages.at(0).own == esc::model::WorkingDays{3, 5});
  REQUIRE(file.analyses.totals.size() == 2);
  CHECK(file.analyses.totals[1].end == esc::model::WorkingDays{7, 7});
}

TEST_CASE("a problem in a reading is reported once, with the reading it is in", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  ambiguous "the flow chart and the text send the case to different places" {
    reading "the flow chart" {
      when unresolved: go to stage 2
    }
    reading "the text" {
      when unresolved: go to stage 9
    }
  }
}
stage 2 "Managers" {
  within 2 working days
  contact "Duty Manager" phone "01234 567890"
  final binding
}
)");
  CHECK(esc::test::findings_of(checked, "found only") ==
        std::vector<std::string>{
            "error[N001] 17:36 there is no stage 9",
            "  note 12:3 found only when 'the flow chart and the text send the case to different places' is read as "
            "'the text'"});
  CHECK_FALSE(checked.run.files.at(0).resolved);
}

TEST_CASE("the notes name every reading a finding depends on", "[ambiguity]") {
  std::vector<esc::AmbiguityWords> ambiguities = {{{0, 10, 20}, "first", {"a", "b"}},
                                                  {{0, 30, 40}, "second", {"x", "y", "z"}},
                                                  {{0, 50, 60}, "unwritten", {}}};
  auto product = esc::readings_depended_on(ambiguities, {{0, 1, 0}, {0, 2, 0}});
  REQUIRE(product.size() == 2);
  CHECK(product[0].message == "found only when 'first' is read as 'a'");
  CHECK(product[0].span->begin == 10);
  CHECK(product[1].message == "found only when 'second' is read as 'y' or 'z'");
  auto crossed = esc::readings_depended_on(ambiguities, {{0, 0, 0}, {1, 1, 0}});
  REQUIRE(crossed.size() == 1);
  CHECK(crossed[0].message == "found only when read as 'a' with 'x' or as 'b' with 'y'");
}

TEST_CASE("the JSON lists each ambiguity with what each reading says, and running totals as ranges", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  contact "Duty Manager" phone "01234 567890"
  ambiguous "the table gives 3 working days, the text 5" {
    note "section 4 and table 2"
    reading "the table" {
      within 3 working days
    }
    reading "the text" {
      source "within five working days"
      should within 5 working days
    }
  }
  final binding
}
)");
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  const auto& ambiguity = json["ambiguities"].at(0);
  CHECK(ambiguity["about"] == "the table gives 3 working days, the text 5");
  CHECK(ambiguity["in"] == "stage 1");
  CHECK(ambiguity["quotes"] ==
        nlohmann::json::parse(R"([{"kind": "note", "text": "section 4 and table 2", "about": null}])"));
  const auto& readings = ambiguity["readings"];
  REQUIRE(readings.size() == 2);
  CHECK(readings[0]["label"] == "the table");
  CHECK(readings[0]["says"].size() == 1);
  CHECK(readings[0]["says"]["timeframes"][0]["text"] == "3 working days");
  CHECK(readings[1]["quotes"] ==
        nlohmann::json::parse(R"([{"kind": "source", "text": "within five working days", "about": null}])"));
  CHECK(readings[1]["says"]["timeframes"][0]["modality"] == "should");
  // Never one reading silently chosen: the stage itself states neither.
  CHECK(json["stages"][0]["timeframes"].empty());
  CHECK(json["stages"][0]["running_total"] == nlohmann::json({{"low", 3}, {"high", 5}}));
}

TEST_CASE("what every reading says alike holds in every reading, and the outputs show it", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  parties "Practitioner" to "Practitioner"
  ambiguous "the table and the text" {
    reading "the table" {
      within 3 working days
      contact "Duty Manager" phone "01234 567890"
        source "the table's words"
    }
    reading "the text" {
      within 5 working days
      contact "Duty Manager" phone "01234 567890"
    }
  }
  contact "Head of Service" phone "01234 567891"
  final binding
}
)");
  REQUIRE(checked.run.files.at(0).resolved);
  const auto& shown = checked.run.files[0].model;
  REQUIRE(shown.stages.size() == 1);
  std::vector<std::string> contacts;
  for (const auto& contact : shown.stages[0].contacts) contacts.emplace_back(contact.title.value);
  // The contact both readings give is shown; the timeframes they disagree on are not.
  CHECK(contacts == std::vector<std::string>{"Duty Manager", "Head of Service"});
  CHECK(shown.stages[0].timeframes.empty());
  // Its quote stays with the reading that wrote it, once.
  auto json = nlohmann::json::parse(esc::backends::emit_json(shown, checked.run.files[0].analyses, "test.esc"));
  CHECK(json["stages"][0]["contacts"][0]["quotes"].empty());
}

TEST_CASE("a contact 'as listed' in a reading takes the listing's details, in the outputs too", "[ambiguity]") {
  auto checked = esc::test::check_text(std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contact "Partnership Team" email "team@example.gov.uk"
  ambiguous "the table names the Partnership Team, the text the Chair" {
    reading "the table" {
      contact "Partnership Team" as listed
    }
    reading "the text" {
      contact "Independent Chair" email "chair@example.gov.uk"
    }
  }
  final binding
}
)");
  CHECK(esc::test::findings_of(checked) ==
        std::vector<std::string>{"warning[G012] 12:3 the document is ambiguous here (stage 1): the table names the "
                                 "Partnership Team, the text the Chair; escc checks each reading, 'the table' and "
                                 "'the text'"});
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, "test.esc"));
  const auto& listed = json["ambiguities"].at(0)["readings"].at(0)["says"]["contacts"].at(0);
  CHECK(listed["title"] == "Partnership Team");
  CHECK(listed["as_listed"] == true);
  CHECK(listed["emails"] == nlohmann::json::array({"team@example.gov.uk"}));
}
