// The properties of the fuzz targets for escc's two servers, shared with the regression
// test like properties.hpp: the language server fed any bytes as its input, and
// `escc serve`'s answer to any request path. Each returns what is broken, or nullptr.
#pragma once

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "compiler/lsp/server.hpp"
#include "compiler/serve/server.hpp"
#include "compiler/serve/site.hpp"
#include "compiler/source/source.hpp"

namespace esc::fuzz {

// A file in memory that a file descriptor reads or writes, as the editor's pipes are.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("escc-fuzz", MFD_CLOEXEC)) {}
  ~MemoryFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  int fd() const { return fd_; }
  bool write_all(std::string_view bytes) const {
    while (!bytes.empty()) {
      auto put = ::write(fd_, bytes.data(), bytes.size());
      if (put <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(put));
    }
    return ::lseek(fd_, 0, SEEK_SET) == 0;
  }
  std::string read_all() const {
    std::string text;
    if (::lseek(fd_, 0, SEEK_SET) != 0) return text;
    char chunk[65536];
    for (ssize_t got; (got = ::read(fd_, chunk, sizeof chunk)) > 0;) text.append(chunk, static_cast<std::size_t>(got));
    return text;
  }

 private:
  int fd_;
};

// Whether every message the server wrote has a Content-Length header that gives its
// body's length exactly, and a body of JSON.
inline bool well_framed(std::string_view output) {
  constexpr std::string_view header = "Content-Length: ";
  while (!output.empty()) {
    if (output.substr(0, header.size()) != header) return false;
    output.remove_prefix(header.size());
    std::size_t length = 0;
    auto [rest, error] = std::from_chars(output.data(), output.data() + output.size(), length);
    if (error != std::errc{}) return false;
    output.remove_prefix(static_cast<std::size_t>(rest - output.data()));
    if (output.substr(0, 4) != "\r\n\r\n" || output.size() - 4 < length) return false;
    if (!nlohmann::json::accept(output.substr(4, length))) return false;
    output.remove_prefix(4 + length);
  }
  return true;
}

// Any bytes as everything an editor sends, then the end of its input: the server reads
// them through its own framing and dispatch, stops, and has written only whole messages
// of JSON. A crash, a hang or runaway memory is the fuzzer's to catch.
inline const char* lsp_property(const std::string& bytes) {
  MemoryFile input;
  MemoryFile output;
  if (input.fd() < 0 || output.fd() < 0 || !input.write_all(bytes)) return nullptr;  // no memory files here: nothing to try
  lsp::ServerOptions options;
  options.check.today = 20'000;
  int status = lsp::serve(input.fd(), output.fd(), options);
  if (status != 0 && status != 1) return "the server ended with a status the protocol does not define";
  if (!well_framed(output.read_all())) return "the server wrote a message that is not framed JSON";
  return nullptr;
}

// A folder served by `escc serve`: protocols beside each other, in a folder below, one
// with errors, one whose name ends like a last good page, and a link to a protocol
// outside the folder, which is not served.
class ServedFolder {
 public:
  static constexpr std::string_view protocol_text = R"(use std.calendars.england_and_wales

protocol "Resolving professional disagreements" {
  version "1"
  calendar england_and_wales
}

stage 1 "Practitioners" {
  within 5 working days
  contact "Safeguarding lead" email "lead@example.org" available weekdays 09:00-17:00
  when unresolved: go to stage 2
}

stage 2 "Directors" {
  within 10 working days
  contact "Director" email "director@example.org"
  final
}
)";

  ServedFolder() {
    namespace fs = std::filesystem;
    char pattern[] = "/tmp/escc-fuzz-serve-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) return;
    root_ = pattern;
    fs::create_directories(root_ / "served" / "below");
    fs::create_directories(root_ / "elsewhere");
    write(root_ / "served" / "area.esc", protocol_text);
    write(root_ / "served" / "below" / "inner.esc", protocol_text);
    write(root_ / "served" / "x.last-good.esc", protocol_text);
    write(root_ / "served" / "broken.esc", "stage\n");
    write(root_ / "elsewhere" / "secret.esc", protocol_text);
    std::error_code ignored;
    fs::create_symlink(root_ / "elsewhere" / "secret.esc", root_ / "served" / "secret.esc", ignored);
    folder_ = full_path(root_ / "served");
    CheckOptions options;
    options.today = 20'000;
    site_.emplace((root_ / "served").string(), options);
    site_->rebuild({});
  }
  ~ServedFolder() {
    std::error_code ignored;
    if (!root_.empty()) std::filesystem::remove_all(root_, ignored);
  }
  ServedFolder(const ServedFolder&) = delete;
  ServedFolder& operator=(const ServedFolder&) = delete;

  const serve::Site* site() const { return site_ ? &*site_ : nullptr; }
  const std::string& folder() const { return folder_; }

 private:
  static void write(const std::filesystem::path& path, std::string_view text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  static std::string full_path(const std::filesystem::path& path) {
    std::error_code error;
    auto full = std::filesystem::weakly_canonical(path, error);
    return error ? path.string() : full.string();
  }

  std::filesystem::path root_;
  std::string folder_;
  std::optional<serve::Site> site_;
};

// Any request path is refused with a reason, or names a page; a page that stands for a
// protocol is built from a file inside the served folder, and no other page but the
// index is served.
inline const char* serve_property(const ServedFolder& served, const std::string& path) {
  const auto* site = served.site();
  if (site == nullptr) return nullptr;  // no folder could be made: nothing to try
  if (auto refusal = serve::refused_path(path)) return refusal->empty() ? "a path was refused without a reason" : nullptr;
  auto name = serve::page_name(path);
  auto file = site->protocol_file(name);
  auto page = site->page(name);
  if (file) {
    if (!is_inside(served.folder(), *file)) return "a request resolved to a file outside the served folder";
    std::error_code error;
    if (!std::filesystem::is_regular_file(*file, error)) return "a request resolved to something that is not a file";
  } else if (page && name != "index.html") {
    return "a page was served that no protocol file in the folder stands behind";
  }
  return nullptr;
}

}  // namespace esc::fuzz
