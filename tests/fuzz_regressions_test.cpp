// The fuzz targets' properties (tests/fuzz/properties.hpp) over every input a fuzzer
// ever broke escc with (tests/fuzz/regressions/) and every .esc file in the repository,
// so that `make test` keeps them true without a fuzzer.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/fuzz/properties.hpp"
#include "tests/support.hpp"

TEST_CASE("the fuzzers' properties hold for saved crashes and every .esc file", "[fuzz]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (const auto* folder : {"tests/fuzz/regressions", "protocols", "stdlib", "tests/diagnostics", "tests/outputs"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ESCC_SOURCE_DIR) / folder)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() > 60);
  for (const auto& input : inputs) {
    INFO(input.string());
    auto text = esc::test::read_repository_file(fs::relative(input, ESCC_SOURCE_DIR).string());
    for (auto property : {esc::fuzz::parser_property, esc::fuzz::check_property, esc::fuzz::format_property,
                          esc::fuzz::backends_property}) {
      const char* broken = property(text);
      CHECK(broken == nullptr);
    }
  }
}
