// libFuzzer target: the saved_case property of tests/fuzz/saved_case_property.hpp on any bytes.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/saved_case_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (const char* broken = esc::fuzz::saved_case_property(std::string(reinterpret_cast<const char*>(data), size))) {
    std::fprintf(stderr, "property broken: %s\n", broken);
    std::abort();  // libFuzzer keeps the input
  }
  return 0;
}
