// Imports on a real disk: search roots, links that lead outside them, and a file
// used by two others, which is read once.
#include <cstdlib>
#include <stdexcept>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"

namespace {

namespace fs = std::filesystem;

// A folder of its own for each test: ctest runs test cases side by side.
fs::path unique_folder() {
  auto pattern = (fs::temp_directory_path() / "escc-imports-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder");
  return pattern;
}

struct Scratch {
  fs::path root = unique_folder();
  Scratch() {
    fs::create_directories(root / "protocol");
    fs::create_directories(root / "shared");
    fs::create_directories(root / "outside");
  }
  ~Scratch() { fs::remove_all(root); }
  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(root / relative, std::ios::binary) << text;
  }
};

struct Result {
  std::vector<std::string> codes;
  esc::CheckRun run;
};

Result check(const fs::path& file, std::vector<std::string> roots = {}) {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.load.search_roots = std::move(roots);
  options.today = esc::day_number({2026, 11, 23});
  Result result;
  result.run = esc::check_files({file.string()}, reader, sources, sink, options);
  for (const auto& d : sink.diagnostics()) result.codes.emplace_back(esc::code_info(d.code).id);
  return result;
}

const std::string shared_agency = "agency police \"Police\" {\n  contact \"Duty Inspector\" phone \"101\"\n}\n";

}  // namespace

TEST_CASE("a link that leads outside the search roots is refused", "[imports]") {
  Scratch scratch;
  scratch.write("outside/secret.esc", shared_agency);
  fs::create_symlink(scratch.root / "outside" / "secret.esc", scratch.root / "protocol" / "link.esc");
  scratch.write("protocol/main.esc", "use \"link.esc\"\nprotocol \"P\" {\n}\n");
  CHECK(check(scratch.root / "protocol" / "main.esc").codes == std::vector<std::string>{"N005"});
}

TEST_CASE("files are found in -I folders, after the protocol's own folder", "[imports]") {
  Scratch scratch;
  scratch.write("shared/contacts.esc", shared_agency);
  scratch.write("protocol/main.esc", "use \"contacts.esc\"\nuse shared_names\nprotocol \"P\" {\n}\n");
  scratch.write("shared/shared_names.esc", "hours office = weekdays 09:00-17:00\n");
  auto without = check(scratch.root / "protocol" / "main.esc");
  CHECK(without.codes == std::vector<std::string>{"N003", "N003"});
  auto with = check(scratch.root / "protocol" / "main.esc", {(scratch.root / "shared").string()});
  CHECK(std::find(with.codes.begin(), with.codes.end(), "N003") == with.codes.end());
  REQUIRE(with.run.files.size() == 1);
  CHECK(with.run.files[0].model.agencies.size() == 1);
  CHECK(with.run.files[0].model.hours.size() == 1);
}

TEST_CASE("a file used by two others is read once", "[imports]") {
  Scratch scratch;
  scratch.write("protocol/base.esc", shared_agency);
  scratch.write("protocol/left.esc", "use \"base.esc\"\nhours left = weekdays 09:00-17:00\n");
  scratch.write("protocol/right.esc", "use \"base.esc\"\nhours right = weekends\n");
  scratch.write("protocol/main.esc", "use \"left.esc\"\nuse \"right.esc\"\nprotocol \"P\" {\n}\n");
  auto result = check(scratch.root / "protocol" / "main.esc");
  CHECK(std::find(result.codes.begin(), result.codes.end(), "N002") == result.codes.end());
  REQUIRE(result.run.files.size() == 1);
  // base, left, right and the protocol itself, each once, each after what it uses.
  CHECK(result.run.files[0].program.units.size() == 4);
  CHECK(result.run.files[0].model.agencies.size() == 1);
}

TEST_CASE("10,000 imports, side by side and in a chain, without recursion or repeats", "[imports][scale]") {
  Scratch scratch;
  constexpr int count = 10'000;
  std::string uses;
  for (int i = 0; i < count; ++i) {
    auto name = "h" + std::to_string(i);
    scratch.write("shared/" + name + ".esc", "hours " + name + " = weekdays 09:00-17:00\n");
    uses += "use \"" + name + ".esc\"\n";
  }
  scratch.write("protocol/wide.esc", uses + "protocol \"P\" {\n}\n");
  auto wide = check(scratch.root / "protocol" / "wide.esc", {(scratch.root / "shared").string()});
  REQUIRE(wide.run.files.size() == 1);
  CHECK(wide.run.files[0].program.units.size() == count + 1);
  CHECK(wide.run.files[0].model.hours.size() == count);

  // Each file uses the next: a chain 10,000 deep, which a recursive loader would not
  // survive. The last uses the first again: one cycle, reported once.
  for (int i = 0; i < count; ++i) {
    auto next = (i + 1) % count;
    scratch.write("shared/c" + std::to_string(i) + ".esc",
                  "use \"c" + std::to_string(next) + ".esc\"\nhours c" + std::to_string(i) + " = weekends\n");
  }
  scratch.write("protocol/deep.esc", "use \"c0.esc\"\nprotocol \"P\" {\n}\n");
  auto deep = check(scratch.root / "protocol" / "deep.esc", {(scratch.root / "shared").string()});
  CHECK(std::count(deep.codes.begin(), deep.codes.end(), "N004") == 1);
}
