// The suggestions resolution gives with a name or number that is not there
// (resolve_stage.cpp, resolve_values.cpp): what a reader sees is the text, so the text
// is what is tested.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"
#include "support.hpp"

namespace {

// The suggestions of every N001 finding, in the order reported.
std::vector<std::string> unknown_name_suggestions(const std::string& text) {
  esc::test::OneFileReader reader("suggestions.esc", text);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({"suggestions.esc"}, reader, sources, sink, options);
  std::vector<std::string> suggestions;
  for (const auto& d : sink.diagnostics()) {
    if (d.code == esc::Code::N001) suggestions.push_back(d.suggestion);
  }
  return suggestions;
}

std::string stage(int number, const std::string& next) {
  return "stage " + std::to_string(number) + " \"Stage\" {\n  within 2 working days\n  when unresolved: " + next +
         "\n}\n";
}

}  // namespace

TEST_CASE("a move to a stage that is not there names the stages that are", "[suggestions]") {
  std::string header = "protocol \"Numbers\" {\n}\n";
  CHECK(unknown_name_suggestions(header + stage(1, "go to stage 3")) ==
        std::vector<std::string>{"the only stage is stage 1"});
  // Declared out of order: the lowest and highest, not the first and last.
  CHECK(unknown_name_suggestions(header + stage(4, "go to stage 9") + stage(2, "go to stage 4") +
                                 stage(7, "end")) ==
        std::vector<std::string>{"the stages are numbered 2 to 7"});
}

TEST_CASE("a misspelt name gets the closest declared name", "[suggestions]") {
  auto text = "protocol \"Names\" {\n}\nlevel line_manager\nstage 1 \"Stage\" {\n  level line_manger\n  final\n}\n";
  CHECK(unknown_name_suggestions(text) == std::vector<std::string>{"did you mean 'line_manager'?"});
}
