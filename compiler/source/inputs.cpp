#include "compiler/source/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace esc {

Inputs expand_inputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  Inputs inputs;
  for (const auto& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      inputs.files.push_back(path);  // a file, or a name the reader will report
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied, error);
    for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
      const auto& entry = *walk;
      std::error_code kind_error;
      if (entry.is_regular_file(kind_error) && entry.path().extension() == ".esc") {
        found.push_back(entry.path().string());
      }
    }
    if (found.empty()) {
      inputs.problem = "there is no .esc file in the folder " + path;
      return inputs;
    }
    std::sort(found.begin(), found.end());
    inputs.files.insert(inputs.files.end(), found.begin(), found.end());
  }
  return inputs;
}

}  // namespace esc
