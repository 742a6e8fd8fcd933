// The files escc reads and writes, below the command line: the disk reader takes only
// ordinary files of bounded size, and the atomic writer never replaces a file the run
// read nor writes through a link. tests/hostile/files/files_test.sh tries the same as
// a user would.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compiler/driver/build.hpp"
#include "compiler/model/dates.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh folder for one test, removed after it.
struct Scratch {
  explicit Scratch(const std::string& name)
      : folder(fs::temp_directory_path() / ("escc-files-test-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(folder);
    fs::create_directories(folder);
  }
  ~Scratch() { fs::remove_all(folder); }
  std::string operator/(const std::string& name) const { return (folder / name).string(); }
  fs::path folder;
};

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string repository(const std::string& relative) { return std::string(ESCC_SOURCE_DIR) + "/" + relative; }

}  // namespace

TEST_CASE("the reader refuses what is not an ordinary file, without opening or waiting on it", "[files]") {
  Scratch scratch("reader");
  REQUIRE(::mkfifo((scratch / "pipe.esc").c_str(), 0644) == 0);
  fs::create_symlink(scratch / "pipe.esc", scratch / "link.esc");
  fs::create_directories(scratch / "folder.esc");
  esc::DiskFileReader reader;
  auto problem_of = [&](const std::string& path) {
    std::string problem;
    CHECK_FALSE(reader.read(path, problem).has_value());
    return problem;
  };
  // With no writer on the other end, opening a pipe to read would wait for ever.
  CHECK(problem_of(scratch / "pipe.esc") == "it is a pipe, not a file");
  CHECK(problem_of(scratch / "link.esc") == "it is a pipe, not a file");
  CHECK(problem_of("/dev/zero") == "it is a device, not a file");
  CHECK(problem_of(scratch / "folder.esc") == "it is a folder, not a file");
  CHECK(problem_of(scratch / "missing.esc") == esc::no_such_file);
}

TEST_CASE("the reader refuses a file over 256 MB, and reads one whose size the system does not know",
          "[files]") {
  Scratch scratch("reader-size");
  esc::DiskFileReader reader;
  std::string problem;
  // Sparse: the size is there, the bytes are not.
  std::ofstream(scratch / "large.esc").close();
  fs::resize_file(scratch / "large.esc", esc::largest_input_bytes + 1);
  CHECK_FALSE(reader.read(scratch / "large.esc", problem).has_value());
  CHECK(problem == "it is larger than 256 MB, the most escc reads; no protocol comes near that size");
  // Files in /proc say they are empty and are not.
  auto status = reader.read("/proc/self/status", problem);
  REQUIRE(status.has_value());
  CHECK(status->rfind("Name:", 0) == 0);
}

TEST_CASE("the reader remembers each file it read, whatever name it was read by", "[files]") {
  Scratch scratch("identity");
  std::ofstream(scratch / "a.esc") << "stage 1 \"A\" {\n}\n";
  fs::create_hard_link(scratch / "a.esc", scratch / "b.esc");
  esc::DiskFileReader reader;
  std::string problem;
  REQUIRE(reader.read(scratch / "a.esc", problem).has_value());
  struct stat info {};
  REQUIRE(::stat((scratch / "b.esc").c_str(), &info) == 0);
  CHECK(reader.read_as({static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)}) ==
        scratch / "a.esc");
  CHECK_FALSE(reader.read_as({static_cast<std::uint64_t>(info.st_dev), 0}).has_value());
}

TEST_CASE("a build never writes over a file it read, and then writes nothing at all", "[files]") {
  Scratch scratch("build");
  fs::copy_file(repository("tests/hostile/files/area.esc"), scratch / "area.esc");
  auto before = contents(scratch / "area.esc");
  esc::DiskFileReader reader;
  esc::AtomicFileWriter writer(reader);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::BuildOptions options;
  options.output_folder = scratch / "out";
  options.check.today = esc::day_number({2026, 11, 23});
  options.depfile = scratch / "area.esc";
  auto run = esc::build_files({scratch / "area.esc"}, reader, writer, sources, sink, options);
  CHECK(run.io_problem);
  CHECK(run.written.empty());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == esc::Code::I005);
  CHECK(sink.diagnostics()[0].message ==
        "cannot write " + (scratch / "area.esc") + ": this run reads it; escc never writes over a file it reads");
  CHECK(contents(scratch / "area.esc") == before);
  CHECK_FALSE(fs::exists(scratch / "out"));
}

TEST_CASE("the writer goes through no link on the way, and asking creates nothing", "[files]") {
  Scratch scratch("links");
  fs::create_directories(scratch / "real");
  fs::create_directory_symlink("real", scratch / "link");
  esc::AtomicFileWriter writer;
  auto expected = scratch / "link" +
                  " is a link (to real); escc writes only into real folders, never through a link: name the folder itself";
  CHECK(writer.refusal(scratch / "link/new/out.json") == expected);
  CHECK(writer.write(scratch / "link/new/out.json", "x") == expected);
  CHECK(esc::output_folder_problem(scratch / "link") == expected);
  CHECK_FALSE(fs::exists(scratch / "real/new"));
  // Asking about a path in folders that do not exist yet makes none of them.
  CHECK_FALSE(writer.refusal(scratch / "real/a/b/out.json").has_value());
  CHECK_FALSE(fs::exists(scratch / "real/a"));
  CHECK_FALSE(writer.write(scratch / "real/a/b/out.json", "x").has_value());
  CHECK(contents(scratch / "real/a/b/out.json") == "x");
}

TEST_CASE("a link the system keeps in the root folder is followed", "[files]") {
  // Only root can put a link in the root folder: /bin leading to usr/bin on Debian, as
  // /tmp leads to private/tmp on macOS.
  std::string system_link;
  for (const auto& entry : fs::directory_iterator("/")) {
    struct stat info {};
    std::error_code error;
    if (::lstat(entry.path().c_str(), &info) == 0 && S_ISLNK(info.st_mode) && info.st_uid == 0 &&
        fs::is_directory(entry.path(), error)) {
      system_link = entry.path().string();
      break;
    }
  }
  INFO("Debian keeps /bin, /lib and /sbin as links to folders in /usr");
  REQUIRE_FALSE(system_link.empty());
  CHECK(esc::output_folder_problem(system_link) == std::nullopt);
  CHECK(esc::output_folder_problem(system_link + "/.") == std::nullopt);
}
