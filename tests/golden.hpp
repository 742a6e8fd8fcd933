// Golden files: an output compared byte for byte with the file that pins it, or, with
// ESCC_UPDATE_GOLDEN set (`make golden`), written over it, to be reviewed with git diff.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/support.hpp"

namespace esc::test {

inline void compare_with_golden(const std::string& actual, const std::string& golden_path) {
  if (std::getenv("ESCC_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(std::string(ESCC_SOURCE_DIR) + "/" + golden_path, std::ios::binary) << actual;
    return;
  }
  INFO("golden file " << golden_path << " differs; run 'make golden' and review the diff if the change is right");
  CHECK(actual == read_repository_file(golden_path));
}

}  // namespace esc::test
