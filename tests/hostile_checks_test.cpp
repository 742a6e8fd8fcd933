// Hostile inputs that tests/hostile/checks/ cannot hold as a protocol with its expected
// findings: dates given on the command line, and what the outputs make of a calendar.
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>

#include "compiler/analysis/availability.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/check.hpp"
#include "compiler/dates.hpp"

TEST_CASE("a date on the command line cannot be in year 0", "[hostile]") {
  CHECK_FALSE(esc::parse_iso_date("0000-01-01").has_value());
  CHECK_FALSE(esc::parse_iso_date("0000-02-29").has_value());
  CHECK(esc::parse_iso_date("0001-01-01").has_value());
}

namespace {

struct Checked {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckRun run;
  const esc::model::Model& model() const { return run.files.at(0).model; }
};

std::unique_ptr<Checked> check_hostile(const std::string& name) {
  auto checked = std::make_unique<Checked>();
  esc::DiskFileReader reader;
  checked->run = esc::check_files({std::string(ESCC_SOURCE_DIR) + "/tests/hostile/checks/" + name}, reader,
                                  checked->sources, checked->sink, {});
  REQUIRE(checked->sink.errors() == 0);
  return checked;
}

}  // namespace

TEST_CASE("a contact that says 'available' twice keeps every time it gives, in the model and the outputs",
          "[hostile]") {
  auto checked = check_hostile("available_twice.esc");
  const auto& model = checked->model();
  const auto& inspector = model.agencies.at(0).lines.at(0).contacts.at(0);
  REQUIRE(inspector.title.value == "Duty Inspector");
  REQUIRE(inspector.windows.size() == 2);
  auto reachable = esc::analysis::availability_of(inspector, model);
  CHECK(reachable.covers(0, 10 * 60));   // Monday morning, from the first `available`
  CHECK(reachable.covers(5, 10 * 60));   // Saturday morning, from the second
  CHECK_FALSE(reachable.covers(0, 20 * 60));
  auto json = nlohmann::json::parse(esc::backends::emit_json(model, "available_twice.esc"));
  CHECK(json["agencies"][0]["lines"][0]["contacts"][0]["available"].size() == 2);
}
