// `escc init`: the starting repository of a board that keeps its protocols in a
// repository of its own. The files are templates compiled into escc
// (compiler/driver/starter/), with named holes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

struct StarterOptions {
  std::string protocol_name = "OUR-AREA";  // protocols/NAME.esc
  std::string version;                      // escc's, for the action and the hooks
  std::string repository;                   // where escc is published, "owner/name"
};

struct StarterFile {
  std::string path;  // relative to the board's folder: ".github/workflows/escc.yml"
  std::string text;
};

// Why `name` cannot name the protocol's file, or nothing.
std::optional<std::string> protocol_name_problem(std::string_view name);

// `text` with every {{hole}} replaced by its value. A hole with no value is a mistake in
// escc's own templates, reported by throwing std::logic_error.
std::string fill_holes(std::string_view text, const std::map<std::string, std::string>& values);

// Every file of the starting repository, in the order they are written.
std::vector<StarterFile> starter_files(const StarterOptions& options);

struct StarterWritten {
  std::vector<std::string> written;
  std::vector<std::string> skipped;  // already there: never written over
  std::optional<std::string> problem;
};

// Writes the starting repository into `folder` (made if missing). A file already there
// is left as it is and named in `skipped`; the first file that cannot be written stops
// the run, with the reason in `problem`.
StarterWritten write_starter(const std::string& folder, const StarterOptions& options);

}  // namespace esc
