// The published versions a build compares with (`escc build --previous OLD`): a folder
// that holds them under the same file names, or a git revision, whose files are read
// with git itself, nothing checked out.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "compiler/source/source.hpp"

namespace esc {

class PublishedVersions {
 public:
  // OLD as a folder when there is one of that name, else as a revision of the git
  // repository that holds `near` (a protocol's path). Nothing, with the reason in
  // `problem`, when it is neither.
  static std::unique_ptr<PublishedVersions> open(const std::string& old, const std::string& near,
                                                 std::string& problem);
  virtual ~PublishedVersions() = default;

  // Where the published version of the protocol `path` is, as reader() reads it (for a
  // revision: "REF:protocols/barnet.esc"); nothing when it was not published.
  virtual std::optional<std::string> published(const std::string& path) = 0;
  // Reads the published files, and those they use, as they were published.
  virtual FileReader& reader() = 0;
};

}  // namespace esc
