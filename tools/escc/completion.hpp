// `escc completion bash|zsh`: shell completion made from the command line's own
// definitions, the ones --help prints, read at run time so the two cannot drift.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace escc_cli {

std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);

}  // namespace escc_cli
