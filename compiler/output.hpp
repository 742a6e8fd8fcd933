// Where built files go. Injected like the FileReader, so that tests can capture
// outputs and the command line decides how files are written.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

namespace esc {

// What an output folder already holds: the name of every file in it, and the head (up
// to </head>) of every page, index.html aside.
struct FolderContents {
  std::set<std::string> files;
  std::map<std::string, std::string> page_heads;  // by file name: "barnet.html"
};

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  // Writes all of `bytes` to `path` or nothing at all. Returns a plain-English
  // reason on failure.
  virtual std::optional<std::string> write(const std::string& path, const std::string& bytes) = 0;
  // What `folder` holds before anything is written, so that index.html can list the
  // pages of earlier builds too. Nothing, unless the writer can tell.
  virtual FolderContents contents(const std::string& folder) {
    (void)folder;
    return {};
  }
};

// Writes to a temporary file beside the target, flushes it to disk, then renames it
// over the target, so that a reader never sees a half-written file. Refuses to write
// through a link or over a folder.
class AtomicFileWriter final : public OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override;
  // Regular files only: a link in the folder is not followed.
  FolderContents contents(const std::string& folder) override;
};

}  // namespace esc
