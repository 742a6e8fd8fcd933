// `escc build`: nothing written when a protocol has errors, the same bytes every time,
// and files replaced whole or not at all.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "compiler/build.hpp"
#include "compiler/dates.hpp"

namespace {

namespace fs = std::filesystem;

class MemoryWriter final : public esc::OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override {
    files[path] = bytes;
    return std::nullopt;
  }
  std::map<std::string, std::string> files;
};

esc::BuildRun build(const std::vector<std::string>& paths, MemoryWriter& writer) {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::BuildOptions options;
  options.output_folder = "out";
  options.check.today = esc::day_number({2026, 11, 23});
  return esc::build_files(paths, reader, writer, sources, sink, options);
}

std::string repository(const std::string& relative) { return std::string(ESCC_SOURCE_DIR) + "/" + relative; }

}  // namespace

TEST_CASE("a build with an error anywhere writes nothing at all", "[build]") {
  MemoryWriter writer;
  auto run = build({repository("protocols/barnet.esc"), repository("tests/diagnostics/P002_syntax.esc")}, writer);
  CHECK(run.refused);
  CHECK(writer.files.empty());
}

TEST_CASE("builds are byte-for-byte the same every time", "[build]") {
  MemoryWriter first;
  MemoryWriter second;
  std::vector<std::string> protocols;
  for (const auto* name : {"barnet", "enfield", "herefordshire", "merton", "wolverhampton"}) {
    protocols.push_back(repository(std::string("protocols/") + name + ".esc"));
  }
  build(protocols, first);
  build(protocols, second);
  // Six outputs for each of the five protocols, and the index page.
  REQUIRE(first.files.size() == 31);
  CHECK(first.files == second.files);
  auto model = nlohmann::json::parse(first.files.at("out/wolverhampton.json"));
  CHECK(model["schema_version"] == 1);
  CHECK(model["stages"][3]["running_total"]["high"] == 14);
}

TEST_CASE("the atomic writer replaces a file whole, and never writes through a link or over a folder",
          "[build]") {
  auto folder = fs::temp_directory_path() / "escc-writer-test";
  fs::remove_all(folder);
  fs::create_directories(folder / "a-folder");
  esc::AtomicFileWriter writer;
  auto target = (folder / "new" / "out.json").string();
  REQUIRE_FALSE(writer.write(target, "first").has_value());
  REQUIRE_FALSE(writer.write(target, "second").has_value());
  std::ifstream in(target);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "second");
  // Only the file itself is left: no temporary beside it.
  CHECK(std::distance(fs::directory_iterator(folder / "new"), fs::directory_iterator()) == 1);

  std::ofstream(folder / "elsewhere.txt") << "keep";
  fs::create_symlink(folder / "elsewhere.txt", folder / "link.json");
  CHECK(writer.write((folder / "link.json").string(), "x") == std::optional<std::string>("it is a link; escc does not write through links"));
  CHECK(writer.write((folder / "a-folder").string(), "x") == std::optional<std::string>("it is a folder"));
  std::ifstream kept(folder / "elsewhere.txt");
  std::string still((std::istreambuf_iterator<char>(kept)), std::istreambuf_iterator<char>());
  CHECK(still == "keep");
  fs::remove_all(folder);
}
