// Words the language fixes (a duty's verb, an outcome, a kind of case) may be written in
// any case and with any spacing; the model holds them in one spelling. Resolution
// compares them without building the normalised text (text.cpp), so this pins that the
// comparison still reads them as the language means them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "compiler/backends/json.hpp"
#include "compiler/syntax/text.hpp"
#include "support.hpp"

namespace {

nlohmann::json model_of(const std::string& text) {
  auto checked = esc::test::check_text(text, "words.esc");
  REQUIRE(checked.run.files.size() == 1);
  REQUIRE(checked.run.files[0].resolved);
  return nlohmann::json::parse(esc::backends::emit_json(checked.run.files[0].model, checked.run.files[0].analyses, "words"));
}

const std::string protocol = R"(protocol "Words" {
  status live
}

stage 1 "Practitioners" {
  step "Talk" within 2 working days
  CONFIRM   In	Writing "the outcome"
  Give Feedback to "the referrer"
  contact "Duty Manager" phone "020 8359 5638" for OPEN  Cases or New Referral
  When Resolved: end
  when UNRESOLVED: go to stage 2
}

stage 2 "Managers" {
  step "Meet" within 3 working days
  contact "Head of Service" phone "020 8359 5639" for all cases
  when no response: end
  final
}
)";

}  // namespace

TEST_CASE("fixed words are read whatever their case and spacing", "[resolve]") {
  auto model = model_of(protocol);
  const auto& first = model.at("stages").at(0);
  CHECK(first.at("duties").at(0).at("verb") == "confirm in writing");
  CHECK(first.at("duties").at(1).at("verb") == "give feedback");
  CHECK(first.at("contacts").at(0).at("case_kinds") == nlohmann::json::array({"open cases", "new referrals"}));
  CHECK(first.at("outcomes").at(0).at("when") == "resolved");
  CHECK(first.at("outcomes").at(1).at("when") == "unresolved");
  const auto& second = model.at("stages").at(1);
  CHECK(second.at("contacts").at(0).at("case_kinds") == nlohmann::json::array({"open cases", "new referrals"}));
  CHECK(second.at("outcomes").at(0).at("when") == "no response");
}

TEST_CASE("normalised comparisons stop at the first difference and see the whole text", "[resolve]") {
  CHECK(esc::normalised_equals("  Confirm \t in  WRITING ", "confirm in writing"));
  CHECK_FALSE(esc::normalised_equals("confirm in writing", "confirm in"));
  CHECK_FALSE(esc::normalised_equals("confirm", "confirm in writing"));
  CHECK_FALSE(esc::normalised_equals("record", "recorded"));
  CHECK(esc::normalised_starts_with("Open   cases", "open"));
  CHECK(esc::normalised_starts_with("open", "open"));
  CHECK_FALSE(esc::normalised_starts_with("ope", "open"));
  CHECK_FALSE(esc::normalised_starts_with("new referrals", "open"));
  CHECK(esc::normalised_equals("", ""));
}
