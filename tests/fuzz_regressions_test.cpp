// The fuzz targets' properties (tests/fuzz/properties.hpp) over every input a fuzzer
// ever broke escc with (tests/fuzz/regressions/) and every .esc file in the repository,
// so that `make test` keeps them true without a fuzzer.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/fuzz/properties.hpp"
#include "tests/fuzz/saved_case_property.hpp"
#include "tests/fuzz/server_properties.hpp"
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

TEST_CASE("the servers' and the saved cases' fuzz properties hold for their seeds and saved crashes", "[fuzz]") {
  namespace fs = std::filesystem;
  const fs::path fuzz = fs::path(ESCC_SOURCE_DIR) / "tests/fuzz";
  // The inputs of one target: its seeds, and the saved crashes named after it.
  auto inputs_of = [&](const std::string& target) {
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(fuzz / "seeds" / target)) inputs.push_back(entry.path());
    for (const auto& entry : fs::directory_iterator(fuzz / "regressions")) {
      if (entry.path().filename().string().rfind(target + "-", 0) == 0) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
  };
  auto text_of = [](const fs::path& input) {
    return esc::test::read_repository_file(fs::relative(input, ESCC_SOURCE_DIR).string());
  };
  // Every input of `target` through `property`, of which there are at least `seeds`.
  auto holds_for = [&](const std::string& target, std::size_t seeds, const auto& property) {
    auto inputs = inputs_of(target);
    REQUIRE(inputs.size() >= seeds);
    for (const auto& input : inputs) {
      INFO(input.string());
      CHECK(property(text_of(input)) == nullptr);
    }
  };
  SECTION("lsp") { holds_for("lsp", 6, esc::fuzz::lsp_property); }
  SECTION("saved-case") {
    holds_for("saved-case", 4, esc::fuzz::saved_case_property);
    // The seeds are cases the reader accepts, so that the fuzzer starts past the refusals.
    for (const auto* seed : {"wolverhampton-escalated", "wolverhampton-resolved"}) {
      INFO(seed);
      auto text = esc::fuzz::with_hash_of(escc_wolverhampton::protocol, text_of(fuzz / "seeds/saved-case" / seed));
      CHECK(escc::Escalation<escc_wolverhampton::Protocol>::restore(escc_wolverhampton::protocol, text).ok());
    }
    auto route = esc::fuzz::with_hash_of(escc_enfield::protocol, text_of(fuzz / "seeds/saved-case/enfield-route"));
    CHECK(escc::Escalation<escc_enfield::Protocol>::restore(escc_enfield::protocol, route).ok());
  }
  SECTION("serve") {
    const esc::fuzz::ServedFolder served;
    REQUIRE(served.site() != nullptr);
    // The folder is served as the property expects: pages beside and below, not the link out.
    CHECK(served.site()->protocol_file("area.html"));
    CHECK(served.site()->protocol_file("inner.html"));
    CHECK(served.site()->protocol_file("broken.last-good.html"));
    CHECK_FALSE(served.site()->protocol_file("secret.html"));
    CHECK_FALSE(served.site()->protocol_file("index.html"));
    CHECK(served.site()->page("area.html"));
    holds_for("serve", 10, [&](const std::string& path) { return esc::fuzz::serve_property(served, path); });
  }
}
