// Where built files go. Injected like the FileReader, so that tests can capture
// outputs and the command line decides how files are written.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "compiler/source/source.hpp"

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
  // Why `path` cannot be written, found without writing or creating anything; nothing
  // when it can. A build asks it of every output before it writes the first.
  virtual std::optional<std::string> refusal(const std::string& path) {
    (void)path;
    return std::nullopt;
  }
  // Writes all of `bytes` to `path` or nothing at all. Returns a plain-English
  // reason on failure. A build with more than one job calls it from several threads at
  // once, each time for a different path.
  virtual std::optional<std::string> write(const std::string& path, const std::string& bytes) = 0;
  // What `folder` holds before anything is written, so that index.html can list the
  // pages of earlier builds too. Nothing, unless the writer can tell.
  virtual FolderContents contents(const std::string& folder) {
    (void)folder;
    return {};
  }
};

// Writes to a temporary file beside the target, flushes it to disk, then renames it
// over the target, so that a reader never sees a half-written file. It writes only
// where the path says (docs/design-decisions.md, "Where escc writes"):
// - no folder on the way, as the path names it, may be a link, except a link of the
//   system's own in the root folder (such as /tmp on macOS);
// - the target is a regular file or does not exist yet: never a link, a folder, a
//   device or a pipe;
// - given the run's reader, never a file that reader has read: a protocol, a file it
//   uses, a baseline.
// A replaced file keeps its permissions and, where the system allows, its owner.
// Temporaries are named NAME.escc-tmp-PID; those of an escc that is no longer running
// (it was killed) are removed from each folder written in, before this writer writes
// its first file there. Safe to use from several threads.
class AtomicFileWriter final : public OutputWriter {
 public:
  AtomicFileWriter() = default;
  explicit AtomicFileWriter(const DiskFileReader& inputs) : inputs_(&inputs) {}
  std::optional<std::string> refusal(const std::string& path) override;
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override;
  // Regular files only: a link in the folder is not followed.
  FolderContents contents(const std::string& folder) override;

 private:
  const DiskFileReader* inputs_ = nullptr;
  std::mutex sweeping_;
  std::set<FileIdentity> swept_;  // folders already cleared of stale temporaries
};

// Why `folder` cannot be a build's output folder, by the same rules, before anything
// is read: no name at all, a link on the way, or something that is not a folder.
std::optional<std::string> output_folder_problem(const std::string& folder);

}  // namespace esc
