#include "compiler/driver/starter.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "compiler/findings/baseline.hpp"
#include "compiler/source/embedded.hpp"

namespace esc {

namespace {

// Where each template is written. The templates' own names carry no leading dot, so
// that escc's repository does not take them for its own .gitignore or workflow.
struct Destination {
  std::string_view template_name;
  std::string_view path;  // may hold holes
};
constexpr Destination destinations[] = {
    {"protocol.esc", "protocols/{{name}}.esc"},
    {"pre-commit-config.yaml", ".pre-commit-config.yaml"},
    {"workflow.yml", ".github/workflows/escc.yml"},
    {"gitignore", ".gitignore"},
    {"README.md", "README.md"},
};

std::string_view template_text(std::string_view name) {
  for (const auto& file : starter_templates()) {
    if (file.path == name) return file.text;
  }
  throw std::logic_error("escc has no starter template " + std::string(name));
}

bool is_hole_character(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

std::string errno_text(int error) { return std::strerror(error); }

// Writes `text` to a file that must not exist yet: O_EXCL makes "never written over"
// hold even against a file that appears between looking and writing. A file that
// cannot be written whole is removed, never left half-written.
enum class Outcome { written, exists, failed };
Outcome write_new_file(const std::filesystem::path& path, const std::string& text, std::string& problem) {
  int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (descriptor < 0) {
    if (errno == EEXIST) return Outcome::exists;
    problem = errno_text(errno);
    return Outcome::failed;
  }
  std::size_t done = 0;
  while (done < text.size()) {
    auto wrote = ::write(descriptor, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      problem = errno_text(errno);
      ::close(descriptor);
      ::unlink(path.c_str());
      return Outcome::failed;
    }
    done += static_cast<std::size_t>(wrote);
  }
  if (::close(descriptor) != 0) {
    problem = errno_text(errno);
    ::unlink(path.c_str());
    return Outcome::failed;
  }
  return Outcome::written;
}

}  // namespace

std::optional<std::string> protocol_name_problem(std::string_view name) {
  if (name.empty()) return "give the protocol a name, such as --name barnet";
  if (name.front() == '.' || name.front() == '-') return "a protocol's name cannot start with '.' or '-'";
  for (char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.';
    if (!plain) return "a protocol's name is its file's name: use letters, digits, '-', '_' and '.' only";
  }
  if (name.size() > 4 && name.substr(name.size() - 4) == ".esc") return "give the name without '.esc'";
  return std::nullopt;
}

std::string fill_holes(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    auto end = open + 2;
    while (end < text.size() && is_hole_character(text[end])) ++end;
    // Only {{name}} is a hole: GitHub's own ${{ expression }} passes through.
    if (end == open + 2 || text.substr(end, 2) != "}}") {
      out.append(text.substr(at, open + 2 - at));
      at = open + 2;
      continue;
    }
    auto name = std::string(text.substr(open + 2, end - open - 2));
    auto value = values.find(name);
    if (value == values.end()) throw std::logic_error("the starter templates have a hole with no value: " + name);
    out.append(text.substr(at, open - at));
    out += value->second;
    at = end + 2;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<StarterFile> starter_files(const StarterOptions& options) {
  std::map<std::string, std::string> values = {
      {"name", options.protocol_name}, {"version", options.version}, {"repository", options.repository}};
  std::vector<StarterFile> files;
  for (const auto& destination : destinations) {
    files.push_back({fill_holes(destination.path, values), fill_holes(template_text(destination.template_name), values)});
  }
  // The baseline is escc's own format with nothing in it, written as --write-baseline
  // writes one.
  files.push_back({".escc-baseline.json", baseline_of(DiagnosticSink{}, SourceManager{})});
  return files;
}

StarterWritten write_starter(const std::string& folder, const StarterOptions& options) {
  StarterWritten result;
  std::error_code error;
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error)) {
    result.problem = "cannot start a repository in " + folder + ": it is a file, not a folder";
    return result;
  }
  std::filesystem::create_directories(folder, error);
  if (error || !std::filesystem::is_directory(folder)) {
    result.problem = "cannot make the folder " + folder + ": " + (error ? error.message() : "it is not a folder");
    return result;
  }
  for (const auto& file : starter_files(options)) {
    auto path = std::filesystem::path(folder) / file.path;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      result.problem = "cannot make the folder " + path.parent_path().string() + ": " + error.message();
      return result;
    }
    std::string problem;
    switch (write_new_file(path, file.text, problem)) {
      case Outcome::written: result.written.push_back(file.path); break;
      case Outcome::exists: result.skipped.push_back(file.path); break;
      case Outcome::failed:
        result.problem = "cannot write " + path.string() + ": " + problem;
        return result;
    }
  }
  return result;
}

}  // namespace esc
