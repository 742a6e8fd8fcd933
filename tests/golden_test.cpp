// The syntax tree of every protocol, pinned as a golden file. Set ESCC_UPDATE_GOLDEN=1
// (or run `make golden`) to rewrite them, then review the change with git diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "compiler/ast_dump.hpp"
#include "tests/support.hpp"

TEST_CASE("protocol syntax trees match their golden files", "[golden]") {
  bool update = std::getenv("ESCC_UPDATE_GOLDEN") != nullptr;
  auto names = esc::test::files_in("protocols", ".esc");
  REQUIRE(names.size() >= 5);
  for (const auto& name : names) {
    auto parsed = esc::test::parse_text(esc::test::read_repository_file("protocols/" + name), "protocols/" + name);
    INFO("protocols/" << name);
    REQUIRE(parsed.sink.errors() == 0);
    auto dump = esc::dump_ast(parsed.file, parsed.sources.file(0));
    auto golden_path = "tests/golden/parse/" + name.substr(0, name.size() - 4) + ".ast";
    if (update) {
      std::ofstream(std::string(ESCC_SOURCE_DIR) + "/" + golden_path, std::ios::binary) << dump;
      continue;
    }
    auto golden = esc::test::read_repository_file(golden_path);
    INFO("golden file " << golden_path << " differs; run 'make golden' and review the diff if the change is right");
    CHECK(dump == golden);
  }
}
