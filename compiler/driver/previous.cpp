#include "compiler/driver/previous.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <vector>

#include "compiler/source/source.hpp"

extern char** environ;

namespace esc {
namespace {

namespace fs = std::filesystem;

struct GitAnswer {
  bool ok = false;
  std::string out;
};

// Runs git with these arguments, without a shell (a revision's name is never read as
// a command), and returns what it printed; what it says on stderr is not ours to show.
GitAnswer run_git(const std::vector<std::string>& arguments) {
  GitAnswer answer;
  int ends[2];
  if (::pipe(ends) != 0) return answer;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, ends[0]);
  posix_spawn_file_actions_addclose(&actions, ends[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> words = {"git"};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(ends[1]);
  if (spawned != 0) {
    ::close(ends[0]);
    return answer;
  }
  char buffer[65536];
  for (;;) {
    auto got = ::read(ends[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    answer.out.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(ends[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) continue;
  answer.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return answer;
}

std::string without_line_end(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

class PublishedFolder final : public PublishedVersions {
 public:
  explicit PublishedFolder(fs::path folder) : folder_(std::move(folder)) {}

  // The same file name in the folder: a published folder holds the protocols side by side.
  std::optional<std::string> published(const std::string& path) override {
    auto candidate = folder_ / fs::path(path).filename();
    std::error_code error;
    if (!fs::is_regular_file(candidate, error)) return std::nullopt;
    return candidate.string();
  }
  FileReader& reader() override { return reader_; }

 private:
  fs::path folder_;
  DiskFileReader reader_;
};

// Reads "REF:path/in/repository" as git has it at the commit REF named when the build
// began, so that a branch moving meanwhile changes nothing.
class RevisionReader final : public FileReader {
 public:
  RevisionReader(std::string top, std::string ref, std::string commit)
      : top_(std::move(top)), prefix_(std::move(ref) + ":"), commit_(std::move(commit)) {}

  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    problem = std::string(no_such_file);
    if (path.compare(0, prefix_.size(), prefix_) != 0) return std::nullopt;
    auto inside = fs::path(path.substr(prefix_.size())).lexically_normal();
    if (inside.empty() || inside.is_absolute() || *inside.begin() == "..") return std::nullopt;
    auto object = commit_ + ":" + inside.generic_string();
    auto type = run_git({"-C", top_, "cat-file", "-t", object});
    if (!type.ok) return std::nullopt;
    if (without_line_end(type.out) != "blob") {
      problem = "it is not a file in " + prefix_.substr(0, prefix_.size() - 1);
      return std::nullopt;
    }
    auto blob = run_git({"-C", top_, "cat-file", "blob", object});
    if (!blob.ok) {
      problem = "git could not read it";
      return std::nullopt;
    }
    problem.clear();
    return std::move(blob.out);
  }

  const std::string& top() const { return top_; }
  const std::string& prefix() const { return prefix_; }

 private:
  std::string top_;
  std::string prefix_;
  std::string commit_;
};

class PublishedRevision final : public PublishedVersions {
 public:
  PublishedRevision(std::string top, std::string ref, std::string commit)
      : reader_(std::move(top), std::move(ref), std::move(commit)) {}

  std::optional<std::string> published(const std::string& path) override {
    std::error_code error;
    auto full = fs::weakly_canonical(fs::absolute(path, error), error);
    if (error) return std::nullopt;
    if (!is_inside(reader_.top(), full.string())) return std::nullopt;
    auto name = reader_.prefix() + full.lexically_relative(reader_.top()).generic_string();
    std::string problem;
    if (!reader_.read(name, problem)) return std::nullopt;
    return name;
  }
  FileReader& reader() override { return reader_; }

 private:
  RevisionReader reader_;
};

}  // namespace

std::unique_ptr<PublishedVersions> PublishedVersions::open(const std::string& old, const std::string& near,
                                                           std::string& problem) {
  std::error_code error;
  auto status = fs::status(old, error);
  if (fs::is_directory(status)) return std::make_unique<PublishedFolder>(old);
  if (fs::exists(status)) {
    problem = old + " is a file; give the folder of the published protocols, or a git revision such as a tag";
    return nullptr;
  }
  auto folder = fs::path(near).parent_path();
  if (folder.empty()) folder = ".";
  auto top = run_git({"-C", folder.string(), "rev-parse", "--show-toplevel"});
  if (!top.ok) {
    problem = "there is no folder " + old + ", and " + folder.string() +
              " is not in a git repository where it could be a revision";
    return nullptr;
  }
  auto top_folder = without_line_end(top.out);
  // A name starting with '-' would be read by git as an option.
  auto commit = old.empty() || old[0] == '-' || old.find(':') != std::string::npos
                    ? GitAnswer{}
                    : run_git({"-C", top_folder, "rev-parse", "--verify", "--quiet", "--end-of-options",
                               old + "^{commit}"});
  if (!commit.ok) {
    problem = "there is no folder " + old + ", and git knows no revision of that name in " + top_folder;
    return nullptr;
  }
  return std::make_unique<PublishedRevision>(top_folder, old, without_line_end(commit.out));
}

}  // namespace esc
