// Nothing the document says is lost: every `source`, `quote`, `note` and `context`
// written in a protocol reaches its JSON and its page. Checked over every .esc file in the
// repository that resolves, the protocols, the standard library and the test inputs.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/source/source.hpp"
#include "compiler/syntax/parser.hpp"
#include "tests/support.hpp"

namespace {

std::size_t passages_written(const std::vector<esc::ast::Statement>& statements) {
  std::size_t count = 0;
  for (const auto& statement : statements) {
    auto keyword = statement.keyword;
    count += keyword == esc::ast::Keyword::source || keyword == esc::ast::Keyword::note ||
             keyword == esc::ast::Keyword::context;
    count += passages_written(statement.body);
  }
  return count;
}

std::size_t quotes_in(const nlohmann::json& value) {
  std::size_t count = 0;
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (key == "quotes" && item.is_array()) count += item.size();
      count += quotes_in(item);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) count += quotes_in(item);
  }
  return count;
}

std::vector<std::string> every_protocol_file() {
  std::vector<std::string> paths;
  const std::filesystem::path root(ESCC_SOURCE_DIR);
  for (const auto* folder : {"protocols", "stdlib", "tests"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (entry.is_regular_file() && entry.path().extension() == ".esc") paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  // The README's example protocol, which newcomers copy first.
  auto readme = esc::test::read_repository_file("README.md");
  auto start = readme.find("# my-area.esc");
  if (start != std::string::npos) {
    auto example = std::filesystem::temp_directory_path() / "escc-passages-readme.esc";
    std::ofstream(example) << readme.substr(start, readme.find("```", start) - start);
    paths.push_back(example.string());
  }
  return paths;
}

// Calls `each` with every protocol file of the repository that checks without errors.
template <typename Each>
void for_each_clean_protocol(Each&& each) {
  for (const auto& path : every_protocol_file()) {
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    esc::DiskFileReader reader;
    auto run = esc::check_files({path}, reader, sources, sink, {});
    if (run.files.size() != 1 || !run.files[0].resolved || sink.errors() > 0) continue;
    INFO(path);
    each(path, run.files[0], sources);
  }
}

}  // namespace

TEST_CASE("every quote and note written in a protocol reaches its JSON", "[passages]") {
  std::size_t files_compared = 0;
  std::size_t passages_compared = 0;
  for_each_clean_protocol([&](const std::string& path, const esc::CheckedFile& file, esc::SourceManager& sources) {
    // The syntax is freed once the model is built: each file is read again to count.
    std::size_t written = 0;
    for (const auto& unit : file.program.units) {
      esc::DiagnosticSink again;
      written += passages_written(esc::parse(sources.file(unit.file), unit.file, again).statements);
    }
    auto json = nlohmann::json::parse(esc::backends::emit_json(file.model, file.analyses, path));
    CHECK(quotes_in(json) == written);
    ++files_compared;
    passages_compared += written;
  });
  // The property is only as good as what it ran on.
  CHECK(files_compared >= 40);
  CHECK(passages_compared >= 100);
}

TEST_CASE("every quote and note of a protocol appears on its page", "[passages]") {
  std::size_t pages = 0;
  std::size_t passages = 0;
  for_each_clean_protocol([&](const std::string&, const esc::CheckedFile& file, esc::SourceManager&) {
    auto chart = esc::backends::chart_of(file.model, file.analyses);
    auto page = esc::backends::emit_html({&file.model, &file.analyses, &chart, "", "test.esc", {}});
    esc::model::for_each_described(file.model, [&](const esc::model::Described& described) {
      for (const auto& passage : described.passages()) {
        INFO(passage.text.value);
        CHECK(page.find(esc::backends::markup_text(passage.text.value)) != std::string::npos);
        ++passages;
      }
    });
    ++pages;
  });
  CHECK(pages >= 40);
  CHECK(passages >= 100);
}
