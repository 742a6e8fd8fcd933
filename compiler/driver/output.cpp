#include "compiler/driver/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace esc {
namespace {

constexpr std::string_view temporary_mark = ".escc-tmp-";

class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// A path taken apart: the folders on the way and the last name, as written.
struct Parts {
  bool absolute = false;
  std::vector<std::string> names;
};

Parts parts_of(const std::string& path) {
  Parts parts;
  parts.absolute = !path.empty() && path.front() == '/';
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) parts.names.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string link_target(int folder, const std::string& name) {
  std::string target(4096, '\0');
  auto length = ::readlinkat(folder, name.c_str(), target.data(), target.size());
  if (length < 0) return {};
  target.resize(static_cast<std::size_t>(length));
  return target;
}

std::string leads_to(int folder, const std::string& name) {
  auto target = link_target(folder, name);
  return target.empty() ? std::string() : " (to " + target + ")";
}

std::string not_a_regular_file(mode_t mode) {
  if (S_ISFIFO(mode)) return "it is a pipe, not a file; escc replaces only ordinary files";
  if (S_ISSOCK(mode)) return "it is a socket, not a file; escc replaces only ordinary files";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a file; escc replaces only ordinary files";
  return "it is not an ordinary file; escc replaces only ordinary files";
}

// The folder a path's first `count` names lead to, opened one name at a time without
// following links, so that what is judged is what is written into. With `create`,
// missing folders are made; without, a missing one ends the walk with `exists` false.
struct Walk {
  Descriptor folder;
  bool exists = true;
  std::optional<std::string> problem;
};

Walk walk(const Parts& parts, std::size_t count, bool create) {
  Walk walk;
  walk.folder = Descriptor(::open(parts.absolute ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (walk.folder.get() < 0) {
    walk.problem = std::strerror(errno);
    return walk;
  }
  std::string named = parts.absolute ? "/" : "";
  for (std::size_t i = 0; i < count; ++i) {
    const auto& name = parts.names[i];
    named += (named.empty() || named.back() == '/' ? "" : "/") + name;
    struct stat info {};
    if (::fstatat(walk.folder.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
      if (errno != ENOENT) {
        walk.problem = named + ": " + std::strerror(errno);
        return walk;
      }
      if (!create) {
        walk.exists = false;
        return walk;
      }
      if (::mkdirat(walk.folder.get(), name.c_str(), 0777) != 0 && errno != EEXIST) {
        walk.problem = "cannot make the folder " + named + ": " + std::strerror(errno);
        return walk;
      }
      if (::fstatat(walk.folder.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        walk.problem = named + ": " + std::strerror(errno);
        return walk;
      }
    }
    // Only root can put a link in the root folder: those are the system's layout
    // (/tmp and /var on macOS, /home on some Linux systems), not a place to be misled to.
    bool system_link = parts.absolute && i == 0 && S_ISLNK(info.st_mode) && info.st_uid == 0;
    if (S_ISLNK(info.st_mode) && !system_link) {
      walk.problem = named + " is a link" + leads_to(walk.folder.get(), name) +
                     "; escc writes only into real folders, never through a link: name the folder itself";
      return walk;
    }
    if (!S_ISLNK(info.st_mode) && !S_ISDIR(info.st_mode)) {
      walk.problem = named + " is not a folder";
      return walk;
    }
    int next = ::openat(walk.folder.get(), name.c_str(),
                        O_RDONLY | O_DIRECTORY | O_CLOEXEC | (system_link ? 0 : O_NOFOLLOW));
    if (next < 0) {
      // ELOOP or ENOTDIR: replaced by a link or a file since it was looked at.
      walk.problem = errno == ELOOP || errno == ENOTDIR
                         ? named + " changed into a link or a file while escc was writing"
                         : named + ": " + std::strerror(errno);
      return walk;
    }
    walk.folder = Descriptor(next);
  }
  return walk;
}

// What is at `name` in `folder` now, and whether it may be replaced.
struct Target {
  bool exists = false;
  struct stat info {};
  std::optional<std::string> problem;
};

Target look_at(int folder, const std::string& name, const std::string& path, const DiskFileReader* inputs) {
  Target target;
  if (::fstatat(folder, name.c_str(), &target.info, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno != ENOENT) target.problem = std::strerror(errno);
    return target;
  }
  target.exists = true;
  const auto& mode = target.info.st_mode;
  if (S_ISLNK(mode)) {
    target.problem = "it is a link" + leads_to(folder, name) + "; escc never writes through a link";
  } else if (S_ISDIR(mode)) {
    target.problem = "it is a folder";
  } else if (!S_ISREG(mode)) {
    target.problem = not_a_regular_file(mode);
  } else if (inputs != nullptr) {
    FileIdentity identity{static_cast<std::uint64_t>(target.info.st_dev),
                          static_cast<std::uint64_t>(target.info.st_ino)};
    if (auto read = inputs->read_as(identity)) {
      target.problem = (*read == path ? std::string("this run reads it")
                                      : "it is the same file as " + *read + ", which this run reads") +
                       "; escc never writes over a file it reads";
    }
  }
  return target;
}

std::optional<std::string> last_name_problem(const std::string& path, const Parts& parts) {
  if (path.empty()) return "no file is named";
  if (parts.names.empty() || path.back() == '/') return "it names a folder, not a file";
  return std::nullopt;
}

// Removes temporaries that an escc killed half way left in `folder`: NAME.escc-tmp-PID
// whose PID is no longer running (or is this process, which has none open yet).
void sweep_temporaries(int folder) {
  Descriptor listing(::dup(folder));
  if (listing.get() < 0) return;
  DIR* entries = ::fdopendir(listing.get());
  if (entries == nullptr) return;
  listing.release();
  ::rewinddir(entries);
  std::vector<std::string> stale;
  while (const dirent* entry = ::readdir(entries)) {
    std::string_view name = entry->d_name;
    auto mark = name.rfind(temporary_mark);
    if (mark == std::string_view::npos || mark == 0) continue;
    auto digits = name.substr(mark + temporary_mark.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      continue;
    }
    auto pid = static_cast<pid_t>(std::stol(std::string(digits)));
    bool running = pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM);
    if (!running) stale.emplace_back(name);
  }
  for (const auto& name : stale) {
    struct stat info {};
    if (::fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(info.st_mode)) {
      ::unlinkat(folder, name.c_str(), 0);
    }
  }
  ::closedir(entries);
}

}  // namespace

std::optional<std::string> AtomicFileWriter::refusal(const std::string& path) {
  auto parts = parts_of(path);
  if (auto problem = last_name_problem(path, parts)) return problem;
  auto folder = walk(parts, parts.names.size() - 1, /*create=*/false);
  if (folder.problem || !folder.exists) return folder.problem;
  return look_at(folder.folder.get(), parts.names.back(), path, inputs_).problem;
}

std::optional<std::string> AtomicFileWriter::write(const std::string& path, const std::string& bytes) {
  auto parts = parts_of(path);
  if (auto problem = last_name_problem(path, parts)) return problem;
  // The folders are made only now, so that a build that writes nothing leaves nothing.
  auto folder = walk(parts, parts.names.size() - 1, /*create=*/true);
  if (folder.problem) return folder.problem;
  int at = folder.folder.get();
  const auto& name = parts.names.back();
  auto target = look_at(at, name, path, inputs_);
  if (target.problem) return target.problem;

  struct stat folder_info {};
  if (::fstat(at, &folder_info) == 0) {
    // Held while sweeping, so that no other thread's temporary is there to be taken
    // for a stale one.
    std::lock_guard hold(sweeping_);
    FileIdentity identity{static_cast<std::uint64_t>(folder_info.st_dev), static_cast<std::uint64_t>(folder_info.st_ino)};
    if (swept_.insert(identity).second) sweep_temporaries(at);
  }

  auto temporary = name + std::string(temporary_mark) + std::to_string(::getpid());
  Descriptor file(::openat(at, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (file.get() < 0) return std::strerror(errno);
  auto give_up = [&] {
    std::string problem = std::strerror(errno);
    ::unlinkat(at, temporary.c_str(), 0);
    return problem;
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    auto n = ::write(file.get(), bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return give_up();
    written += static_cast<std::size_t>(n);
  }
  if (target.exists) {
    // Owner first: changing it clears the set-user-ID bits that the mode then restores.
    // Either may be refused (not root, a file system without owners); the file is
    // still written.
    int owner_kept = ::fchown(file.get(), target.info.st_uid, target.info.st_gid);
    int mode_kept = ::fchmod(file.get(), target.info.st_mode & 07777);
    (void)owner_kept;
    (void)mode_kept;
  }
  if (::fsync(file.get()) != 0 || ::close(file.release()) != 0) return give_up();
  // Looked at again just before: rename replaces whatever is there, even a device.
  if (auto now = look_at(at, name, path, inputs_); now.problem) {
    ::unlinkat(at, temporary.c_str(), 0);
    return now.problem;
  }
  if (::renameat(at, temporary.c_str(), at, name.c_str()) != 0) return give_up();
  int renamed_on_disk = ::fsync(at);  // the rename itself reaches the disk, where the system allows
  (void)renamed_on_disk;
  return std::nullopt;
}

std::optional<std::string> output_folder_problem(const std::string& folder) {
  if (folder.empty()) return "no folder is named; name one, such as -o out";
  auto parts = parts_of(folder);
  return walk(parts, parts.names.size(), /*create=*/false).problem;
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
