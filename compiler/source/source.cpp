#include "compiler/source/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace esc {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {}

void SourceFile::index_lines() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  for (auto end = text_.find('\n'); end != std::string::npos; end = text_.find('\n', end + 1)) {
    line_starts_.push_back(static_cast<std::uint32_t>(end + 1));
  }
}

LineColumn Locator::locate(std::uint32_t offset) {
  auto text = file_.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  if (offset < offset_) {
    at_ = file_.locate(offset);
  } else {
    for (auto i = offset_; i < offset; ++i) {
      if (text[i] == '\n') {
        ++at_.line;
        at_.column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++at_.column;
      }
    }
  }
  offset_ = offset;
  return at_;
}

std::uint32_t SourceFile::line_count() const {
  index_lines();
  return static_cast<std::uint32_t>(line_starts_.size());
}

LineColumn SourceFile::locate(std::uint32_t offset) const {
  index_lines();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line_index = static_cast<std::uint32_t>(after - line_starts_.begin()) - 1;
  auto start = line_starts_[line_index];
  auto column = count_characters(std::string_view(text_).substr(start, offset - start)) + 1;
  return {line_index + 1, column};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  index_lines();
  if (line == 0 || line > line_starts_.size()) return {};
  auto start = line_starts_[line - 1];
  auto end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  auto text = std::string_view(text_).substr(start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::uint32_t count_characters(std::string_view utf8) {
  return static_cast<std::uint32_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

namespace {

std::string not_a_file(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder, not a file";
  if (S_ISFIFO(mode)) return "it is a pipe, not a file";
  if (S_ISSOCK(mode)) return "it is a socket, not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a file";
  return "it is not a regular file";
}

const char* too_large = "it is larger than 256 MB, the most escc reads; no protocol comes near that size";

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

std::optional<std::string> DiskFileReader::read(const std::string& path, std::string& problem) {
  struct stat info {};
  // Judged before opening, because opening a device can itself do something (rewind a
  // tape, start a watchdog).
  if (::stat(path.c_str(), &info) != 0) {
    problem = errno == ENOENT || errno == ENOTDIR ? std::string(no_such_file) : std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    problem = not_a_file(info.st_mode);
    return std::nullopt;
  }
  // O_NONBLOCK: should a pipe have taken the file's place since, opening it does not
  // wait for a writer; what was opened is judged again below.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    problem = errno == ENOENT ? std::string(no_such_file) : std::strerror(errno);
    return std::nullopt;
  }
  Descriptor opened{fd};
  if (::fstat(fd, &info) != 0) {
    problem = std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    problem = not_a_file(info.st_mode);
    return std::nullopt;
  }
  auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > largest_input_bytes) {
    problem = too_large;
    return std::nullopt;
  }
  // The size is where reading starts, not where it stops: some files say 0 and hold
  // more (/proc), and a file can grow while it is read. One byte more than the size
  // finds the end without growing the buffer.
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t filled = 0;
  while (true) {
    if (filled == text.size()) {
      if (filled > largest_input_bytes) {
        problem = too_large;
        return std::nullopt;
      }
      auto grown = std::max<std::uint64_t>(filled * 2, std::uint64_t{1} << 16);
      text.resize(static_cast<std::size_t>(std::min(grown, largest_input_bytes + 1)));
    }
    auto n = ::read(fd, text.data() + filled, text.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problem = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  text.resize(filled);
  std::lock_guard lock(mutex_);
  read_.emplace(FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)}, path);
  return text;
}

std::optional<std::string> DiskFileReader::read_as(FileIdentity identity) const {
  std::lock_guard lock(mutex_);
  auto found = read_.find(identity);
  if (found == read_.end()) return std::nullopt;
  return found->second;
}

bool is_inside(const std::string& folder, const std::string& path) {
  auto folder_text = std::filesystem::path(folder).lexically_normal().string();
  auto path_text = std::filesystem::path(path).lexically_normal().string();
  if (!folder_text.empty() && folder_text.back() != '/') folder_text += '/';
  return path_text.rfind(folder_text, 0) == 0;
}

std::optional<std::string> DiskFileReader::real_path(const std::string& path) {
  std::error_code error;
  auto real = std::filesystem::weakly_canonical(path, error);
  if (error) return std::nullopt;
  return real.string();
}

FileId SourceManager::add(std::string path, std::string text) {
  own_.files.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return own_.first + static_cast<FileId>(own_.files.size() - 1);
}

const SourceFile& SourceManager::file(FileId id) const {
  if (const auto* found = find(own_, id)) return *found;
  // The adopted block holding `id` is the last that starts at or before it.
  auto after = std::upper_bound(adopted_.begin(), adopted_.end(), id,
                                [](FileId wanted, const Block& block) { return wanted < block.first; });
  if (after != adopted_.begin()) {
    if (const auto* found = find(*(after - 1), id)) return *found;
  }
  throw std::out_of_range("no source file with this id");
}

std::size_t SourceManager::size() const {
  std::size_t count = own_.files.size();
  for (const auto& block : adopted_) count += block.files.size();
  return count;
}

void SourceManager::adopt(SourceManager&& other) {
  auto take = [&](Block&& block) {
    if (block.files.empty()) return;
    auto at = std::upper_bound(adopted_.begin(), adopted_.end(), block.first,
                               [](FileId first, const Block& existing) { return first < existing.first; });
    adopted_.insert(at, std::move(block));
  };
  take(std::move(other.own_));
  for (auto& block : other.adopted_) take(std::move(block));
  other.own_.files.clear();
  other.adopted_.clear();
}

}  // namespace esc
