// The protocol files a command works on: files named on the command line, and every
// `.esc` file below each folder named there, in a fixed (sorted) order so that output
// is the same on every machine.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace esc {

struct Inputs {
  std::vector<std::string> files;
  std::optional<std::string> problem;  // a folder with no protocol in it, in plain words
};

// Links to folders are not followed, so a link cannot make the walk endless or lead
// outside the folder named.
Inputs expand_inputs(const std::vector<std::string>& paths);

}  // namespace esc
