// Source text and positions. Owns every file's bytes; everything else refers to
// them through a Span (file id + byte offsets), and asks for line and column only
// when it needs to show them.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

using FileId = std::uint32_t;

struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;  // byte offset of the first byte
  std::uint32_t end = 0;    // byte offset one past the last byte

  bool operator==(const Span&) const = default;
};

struct LineColumn {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, counted in Unicode characters
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  LineColumn locate(std::uint32_t offset) const;
  // The text of a 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const;

 private:
  void index_lines() const;

  std::string path_;
  std::string text_;
  // Built on first use: most files produce no diagnostics and never need it.
  mutable std::vector<std::uint32_t> line_starts_;
};

// Lines and columns of offsets met in increasing order, each found from the one
// before, so that showing every value of a very long line stays linear.
class Locator {
 public:
  explicit Locator(const SourceFile& file) : file_(file) {}
  LineColumn locate(std::uint32_t offset);

 private:
  const SourceFile& file_;
  std::uint32_t offset_ = 0;
  LineColumn at_{};
};

// The largest file escc reads. No protocol comes near it (the largest of the five
// transcribed is 12 KB), a 100 MB one is still checked (tests/large_input_test.sh),
// and it keeps a file that is still growing, or a wrong file named by mistake, from
// taking the machine's memory.
inline constexpr std::uint64_t largest_input_bytes = std::uint64_t{256} << 20;

// The problem a reader gives when there is nothing at a path, so that the loader can
// tell a missing import (look in the next folder) from one that is there but cannot
// be read.
inline constexpr std::string_view no_such_file = "no such file";

// Whether `path` lies below `folder`, both already resolved (links followed): the one
// test of "nothing outside the folder" for imports, documents, served pages and
// published versions read from git.
bool is_inside(const std::string& folder, const std::string& path);

// A file as the system knows it, whatever path names it (hard links and links included).
struct FileIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  auto operator<=>(const FileIdentity&) const = default;
};

// Reads files for the compiler. Injected so that tests can use an in-memory disk
// and the driver decides how I/O problems are reported.
class FileReader {
 public:
  virtual ~FileReader() = default;
  // On failure returns nullopt and sets `problem` to a plain-English reason.
  virtual std::optional<std::string> read(const std::string& path, std::string& problem) = 0;
  // Where `path` really leads, links followed; nullopt when the reader cannot tell
  // (an in-memory disk has no links).
  virtual std::optional<std::string> real_path(const std::string& path) {
    (void)path;
    return std::nullopt;
  }
};

// Reads only regular files of at most largest_input_bytes: a device, a pipe or a socket
// is refused without being read (opening /dev/zero would read forever, a pipe would
// wait for a writer). Links are followed; the file they lead to is what is judged.
// It remembers every file it has read, so that no output of the same run replaces
// one (AtomicFileWriter). Safe to use from several threads.
class DiskFileReader final : public FileReader {
 public:
  std::optional<std::string> read(const std::string& path, std::string& problem) override;
  std::optional<std::string> real_path(const std::string& path) override;
  // The path by which this reader read the file `identity`, when it read it.
  std::optional<std::string> read_as(FileIdentity identity) const;

 private:
  mutable std::mutex mutex_;
  std::map<FileIdentity, std::string> read_;
};

// Owns every file read, and gives each an id. Ids are handed out from `first_id`
// upwards, so that protocols checked at the same time on different threads can each
// have a manager of their own whose ids never meet; `adopt` then gathers them into
// one, ids and text unchanged (spans and views into the text stay valid).
class SourceManager {
 public:
  SourceManager() = default;
  explicit SourceManager(FileId first_id) { own_.first = first_id; }

  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const;
  std::size_t size() const;
  // Takes over another manager's files, keeping their ids. Their ids must not overlap
  // this manager's.
  void adopt(SourceManager&& other);

 private:
  struct Block {
    FileId first = 0;
    std::vector<std::unique_ptr<SourceFile>> files;
  };
  static const SourceFile* find(const Block& block, FileId id) {
    return id >= block.first && id - block.first < block.files.size() ? block.files[id - block.first].get() : nullptr;
  }
  Block own_;
  std::vector<Block> adopted_;  // in order of first id
};

// Counts Unicode characters in valid UTF-8 (continuation bytes are not counted).
std::uint32_t count_characters(std::string_view utf8);

}  // namespace esc
