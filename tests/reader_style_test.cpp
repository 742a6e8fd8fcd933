// The page writes times, days and numbers as UK public-sector pages do, and shows the
// publisher's advice only when given, as theirs.
#include <catch2/catch.hpp>

#include "compiler/analysis/availability.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/reader_style.hpp"
#include "tests/support.hpp"

namespace {

using esc::backends::clock_words;
using esc::backends::hours_words;
using esc::backends::phone_words;

const std::string hours_protocol = std::string(esc::test::clean_header) + R"(stage 1 "Practitioners" {
  within 2 working days
  contacts line 1
  final binding
}
agency police "Example Police" {
  line 1 {
    contact "Duty Inspector" phone "0208 359 2252" available weekdays 09:00-17:00
    contact "Night Inspector" phone "101" available weekdays 17:00-09:00 available weekends available bank holidays
    contact "Custody Sergeant" available every day 07:30-12:00, 13:00-21:45
    contact "Control Room" phone "01234 567890" available always
  }
}
)";

}  // namespace

TEST_CASE("times of day are written as 9am, 9:30am, midday and midnight", "[reader-style]") {
  CHECK(clock_words(0) == "midnight");
  CHECK(clock_words(24 * 60) == "midnight");
  CHECK(clock_words(9 * 60) == "9am");
  CHECK(clock_words(9 * 60 + 30) == "9:30am");
  CHECK(clock_words(12 * 60) == "midday");
  CHECK(clock_words(12 * 60 + 15) == "12:15pm");
  CHECK(clock_words(17 * 60) == "5pm");
  CHECK(clock_words(45) == "12:45am");
}

TEST_CASE("phone numbers are grouped as GOV.UK groups them, digits unchanged", "[reader-style]") {
  CHECK(phone_words("0208 359 2252") == "020 8359 2252");
  CHECK(phone_words("02083592252") == "020 8359 2252");
  CHECK(phone_words("0113-496-0000") == "0113 496 0000");
  CHECK(phone_words("0161 496 0000") == "0161 496 0000");
  CHECK(phone_words("01632960000") == "01632 960000");
  CHECK(phone_words("07700 900 000") == "07700 900000");
  CHECK(phone_words("0300 123 4567") == "0300 123 4567");
  CHECK(phone_words("0800 123 4567") == "0800 123 4567");
  // Anything else is the writer's: short numbers, international forms, extensions.
  CHECK(phone_words("101") == "101");
  CHECK(phone_words("+44 20 8359 2252") == "+44 20 8359 2252");
  CHECK(phone_words("020 8359 2252 ext 4") == "020 8359 2252 ext 4");
}

TEST_CASE("hours are written as Monday to Friday, 9am to 5pm", "[reader-style]") {
  auto checked = esc::test::check_text(hours_protocol);
  const auto& file = checked.run.files.at(0);
  REQUIRE(file.resolved);
  const auto& contacts = file.model.agencies.at(0).lines.at(0).contacts;
  REQUIRE(contacts.size() == 4);
  auto words = [&](std::size_t i) { return hours_words(esc::analysis::availability_of(contacts[i], file.model)); };
  // Bank holidays fall on weekdays, so "weekdays" covers them unless the protocol says otherwise.
  CHECK(words(0) == "Monday to Friday, including bank holidays, 9am to 5pm");
  CHECK(words(1) == "Monday to Friday, 5pm to 9am; Saturday, Sunday and bank holidays, 24 hours");
  CHECK(words(2) == "every day, including bank holidays, 7:30am to midday and 1pm to 9:45pm");
  CHECK(words(3) == "at any time, including bank holidays");

  auto chart = esc::backends::chart_of(file.model, file.analyses);
  auto page = esc::backends::emit_html({&file.model, &file.analyses, &chart, "", "test.esc", {}});
  CHECK(page.find(">020 8359 2252</a>") != std::string::npos);
  CHECK(page.find("When: Monday to Friday, including bank holidays, 9am to 5pm</p>") != std::string::npos);
  CHECK(page.find("09:00") == std::string::npos);
  CHECK(page.find("class=\"publisher-advice\"") == std::string::npos);
  CHECK(page.find("The protocol gives no phone number.") != std::string::npos);  // the Custody Sergeant

  auto advised = esc::backends::emit_html(
      {&file.model, &file.analyses, &chart, "", "test.esc", {}, "In an emergency, call 999 & ask for the police."});
  CHECK(advised.find("<h3>Advice from the publisher of this page</h3>\n<p>In an emergency, call 999 &amp; ask for the "
                     "police.</p>\n<p class=\"aside\">This advice is not part of the protocol.</p>") != std::string::npos);
}
