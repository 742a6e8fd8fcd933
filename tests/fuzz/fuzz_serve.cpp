// libFuzzer target: the serve property of tests/fuzz/server_properties.hpp, any bytes
// as a request path to one folder served for the whole run.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "tests/fuzz/server_properties.hpp"

namespace {
// Built before fuzzing starts: building its pages is most of the work, and Graphviz's
// font caches, made by the first drawing, would read as a leak of the first input.
std::unique_ptr<const esc::fuzz::ServedFolder> served;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  served = std::make_unique<const esc::fuzz::ServedFolder>();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (const char* broken = esc::fuzz::serve_property(*served, std::string(reinterpret_cast<const char*>(data), size))) {
    std::fprintf(stderr, "property broken: %s\n", broken);
    std::abort();  // libFuzzer keeps the input
  }
  return 0;
}
