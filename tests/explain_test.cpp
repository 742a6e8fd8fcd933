// Every code has an explanation page, and each page's examples do what the page says:
// each wrong example produces exactly that code, each right example produces nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "compiler/driver/check.hpp"
#include "compiler/findings/explain.hpp"
#include "compiler/model/dates.hpp"
#include "tests/support.hpp"

namespace {

namespace fs = std::filesystem;

// Codes whose examples cannot be written as a text block; their pages describe them.
const std::set<std::string> described_only = {"I001", "I002", "I003", "I005", "I006", "I007", "I009", "I012", "P009", "T009"};

struct Example {
  std::string text;
  std::vector<std::pair<std::string, std::string>> used_files;  // name, text
};

// Every example in a section: each ```esc block is a protocol of its own, and the
// ```esc file=NAME blocks of the section are written beside each.
std::vector<Example> examples_under(const std::string& page, const std::string& heading) {
  auto start = page.find("\n## " + heading + "\n");
  if (start == std::string::npos) return {};
  auto end = page.find("\n## ", start + 4);
  auto section = page.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::regex block("```esc( file=([\\w.]+))?\\n([\\s\\S]*?)```");
  std::vector<Example> examples;
  std::vector<std::pair<std::string, std::string>> used_files;
  for (std::sregex_iterator it(section.begin(), section.end(), block), stop; it != stop; ++it) {
    if ((*it)[2].matched) {
      used_files.push_back({(*it)[2].str(), (*it)[3].str()});
    } else {
      examples.push_back({(*it)[3].str(), {}});
    }
  }
  for (auto& example : examples) example.used_files = used_files;
  return examples;
}

std::vector<std::string> codes_found(const Example& example, const std::string& code, const std::string& which) {
  auto folder = fs::temp_directory_path() / ("escc-explain-" + code + "-" + which);
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::ofstream(folder / "example.esc", std::ios::binary) << example.text;
  for (const auto& [name, text] : example.used_files) std::ofstream(folder / name, std::ios::binary) << text;
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({(folder / "example.esc").string()}, reader, sources, sink, options);
  std::vector<std::string> codes;
  // A note of another code is a finding escc could not make (the text was lost in
  // extraction), not a problem: an example may record such a loss beside the problem
  // it shows.
  for (const auto& d : sink.diagnostics()) {
    std::string found(esc::code_info(d.code).id);
    if (d.severity != esc::Severity::note || found == code) codes.push_back(std::move(found));
  }
  fs::remove_all(folder);
  return codes;
}

}  // namespace

TEST_CASE("every code has an explanation page with its sections", "[explain]") {
  for (const auto& info : esc::all_codes()) {
    std::string code(info.id);
    INFO("docs/diagnostics/" << code << ".md");
    auto page = esc::explanation(code);
    REQUIRE(page.has_value());
    std::string text(*page);
    CHECK(text.rfind("# " + code + ": " + std::string(info.name) + "\n", 0) == 0);
    for (const auto* section : {"What it means", "Why it matters", "Wrong", "Right"}) {
      INFO("section: " << section);
      CHECK(text.find(std::string("\n## ") + section + "\n") != std::string::npos);
    }
  }
}

TEST_CASE("each page's wrong examples produce exactly its code, and its right examples nothing", "[explain]") {
  for (const auto& info : esc::all_codes()) {
    std::string code(info.id);
    if (described_only.count(code) != 0) continue;
    INFO("docs/diagnostics/" << code << ".md");
    auto page = esc::explanation(code);
    REQUIRE(page.has_value());
    auto wrong = examples_under(std::string(*page), "Wrong");
    auto right = examples_under(std::string(*page), "Right");
    REQUIRE_FALSE(wrong.empty());
    REQUIRE_FALSE(right.empty());
    for (std::size_t i = 0; i < wrong.size(); ++i) {
      INFO("wrong example " << i + 1);
      auto wrong_codes = codes_found(wrong[i], code, "wrong");
      REQUIRE_FALSE(wrong_codes.empty());
      for (const auto& found : wrong_codes) CHECK(found == code);
    }
    for (std::size_t i = 0; i < right.size(); ++i) {
      INFO("right example " << i + 1);
      CHECK(codes_found(right[i], code, "right").empty());
    }
  }
}
