// libFuzzer target: the lsp property of tests/fuzz/server_properties.hpp on any bytes.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/server_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (const char* broken = esc::fuzz::lsp_property(std::string(reinterpret_cast<const char*>(data), size))) {
    std::fprintf(stderr, "property broken: %s\n", broken);
    std::abort();  // libFuzzer keeps the input
  }
  return 0;
}
