// The commit escc was built from, as `git describe` named it when it was built, or
// "unknown" outside a git checkout. Generated at build time (cmake/source_commit.cmake)
// in a file of its own, so a new commit does not rebuild the rest.
#pragma once

#include <string_view>

namespace esc {

std::string_view source_commit();

}  // namespace esc
