#include "compiler/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace esc {

std::optional<std::string> AtomicFileWriter::write(const std::string& path, const std::string& bytes) {
  // The folder is made only now, so that a build that writes nothing leaves nothing.
  std::error_code error;
  auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, error);
  if (error) return error.message();
  struct stat info {};
  if (::lstat(path.c_str(), &info) == 0) {
    if (S_ISLNK(info.st_mode)) return "it is a link; escc does not write through links";
    if (S_ISDIR(info.st_mode)) return "it is a folder";
  }
  auto temporary = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
  std::size_t written = 0;
  while (written < bytes.size()) {
    auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string problem = std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return problem;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string problem = std::strerror(errno);
    ::unlink(temporary.c_str());
    return problem;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string problem = std::strerror(errno);
    ::unlink(temporary.c_str());
    return problem;
  }
  return std::nullopt;
}

FolderContents AtomicFileWriter::contents(const std::string& folder) {
  FolderContents found;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (!std::filesystem::is_regular_file(it->symlink_status(error))) continue;
    auto name = it->path().filename().string();
    found.files.insert(name);
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".html") != 0 || name == "index.html") continue;
    // Only the head: the page itself can be large, and the index needs one line of it.
    std::ifstream page(it->path(), std::ios::binary);
    std::string head;
    for (std::string line; std::getline(page, line) && head.size() < (64u << 20);) {
      head += line + "\n";
      if (line.find("</head>") != std::string::npos) break;
    }
    found.page_heads.emplace(name, std::move(head));
  }
  return found;
}

}  // namespace esc
