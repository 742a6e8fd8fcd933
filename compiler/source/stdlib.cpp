#include "compiler/source/stdlib.hpp"

#include <algorithm>

#include "compiler/source/embedded.hpp"

namespace esc {

const std::vector<StdlibModule>& stdlib_modules() {
  static const std::vector<StdlibModule> modules = [] {
    std::vector<StdlibModule> list;
    for (const auto& file : stdlib_files()) {
      std::string name(file.path.substr(0, file.path.size() - 4));  // without ".esc"
      std::replace(name.begin(), name.end(), '/', '.');
      list.push_back({"std." + name, "stdlib/" + std::string(file.path), file.text});
    }
    return list;
  }();
  return modules;
}

}  // namespace esc
