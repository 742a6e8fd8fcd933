// Where built files go. Injected like the FileReader, so that tests can capture
// outputs and the command line decides how files are written.
#pragma once

#include <optional>
#include <string>

namespace esc {

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  // Writes all of `bytes` to `path` or nothing at all. Returns a plain-English
  // reason on failure.
  virtual std::optional<std::string> write(const std::string& path, const std::string& bytes) = 0;
};

// Writes to a temporary file beside the target, flushes it to disk, then renames it
// over the target, so that a reader never sees a half-written file. Refuses to write
// through a link or over a folder.
class AtomicFileWriter final : public OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override;
};

}  // namespace esc
