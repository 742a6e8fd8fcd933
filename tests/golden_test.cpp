// Every protocol, pinned as golden files: its syntax tree (tests/golden/parse/) and the
// checker's report as of 2026-11-23 (tests/golden/reports/), and the JSON of its
// resolved model (tests/golden/json/), and its outputs: DOT, the chart's text
// alternative, the C++ tables, the HTML directory, and its deadlines for one date; and
// the trace of a small protocol against its document (tests/golden/trace/). Set ESCC_UPDATE_GOLDEN=1
// (or run `make golden`) to rewrite them, then review the change with git diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compiler/analysis/deadlines.hpp"
#include "compiler/analysis/semantic_diff.hpp"
#include "compiler/analysis/trace.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/cpp_tables.hpp"
#include "compiler/backends/deadlines_report.hpp"
#include "compiler/backends/diff_report.hpp"
#include "compiler/backends/meaning_diff.hpp"
#include "compiler/backends/dot.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/html_fragment.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/backends/standing.hpp"
#include "compiler/backends/trace_report.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/findings/render.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/source/embedded.hpp"
#include "compiler/syntax/ast_dump.hpp"
#include "tests/golden.hpp"
#include "tests/support.hpp"

namespace {

// Reads repository files by their path relative to the repository, so that reports
// name "protocols/barnet.esc" wherever the checkout is.
class RepositoryReader final : public esc::FileReader {
 public:
  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    return disk_.read(std::string(ESCC_SOURCE_DIR) + "/" + path, problem);
  }

 private:
  esc::DiskFileReader disk_;
};

// One repository protocol, checked with the default options.
struct CheckedProtocol {
  RepositoryReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckRun run;

  explicit CheckedProtocol(const std::string& path) : run(esc::check_files({path}, reader, sources, sink, {})) {}
  CheckedProtocol(const CheckedProtocol&) = delete;
  CheckedProtocol& operator=(const CheckedProtocol&) = delete;
};

using esc::test::compare_with_golden;

std::string report_for(const std::string& path) {
  RepositoryReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({path}, reader, sources, sink, options);
  std::string report;
  for (const auto& d : sink.diagnostics()) {
    if (d.counts()) report += esc::render_human(d, sources, {}) + "\n";
  }
  for (const auto& d : sink.diagnostics()) {
    if (d.counts()) continue;
    auto at = sources.file(d.span->file).locate(d.span->begin);
    report += "allowed " + std::string(esc::code_info(d.code).id) + " at " + std::to_string(at.line) + ":" +
              std::to_string(at.column) + ": " + d.message + "\n  because: " + *d.allowed_because + "\n";
  }
  return report + esc::render_summary(sink, 1, {});
}

}  // namespace

TEST_CASE("protocol syntax trees match their golden files", "[golden]") {
  auto names = esc::test::files_in("protocols", ".esc");
  REQUIRE(names.size() >= 5);
  for (const auto& name : names) {
    auto parsed = esc::test::parse_text(esc::test::read_repository_file("protocols/" + name), "protocols/" + name);
    INFO("protocols/" << name);
    REQUIRE(parsed.sink.errors() == 0);
    compare_with_golden(esc::dump_ast(parsed.file, parsed.sources.file(0)),
                        "tests/golden/parse/" + name.substr(0, name.size() - 4) + ".ast");
  }
}

TEST_CASE("the checker's reports on the protocols match their golden files", "[golden]") {
  auto names = esc::test::files_in("protocols", ".esc");
  REQUIRE(names.size() >= 5);
  for (const auto& name : names) {
    INFO("protocols/" << name);
    compare_with_golden(report_for("protocols/" + name),
                        "tests/golden/reports/" + name.substr(0, name.size() - 4) + ".txt");
  }
}

// Every text output of each protocol, byte for byte. The HTML is pinned without its
// embedded SVG, whose coordinates depend on the fonts of the machine that draws it;
// build_test.cpp checks the drawn charts.
// What every page and every header share is pinned once, as the files escc embeds
// (compiler/backends/page/, runtime/escc/tables.hpp): in each golden file it stands as
// a named mark, after a check that it appears exactly once, whole.
std::string shared_parts_marked(std::string text, const std::vector<std::pair<std::string, std::string>>& parts) {
  for (const auto& [mark, part] : parts) {
    auto at = text.find(part);
    INFO("the shared part " << mark << " is not in the output exactly once");
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(part, at + 1) == std::string::npos);
    text.replace(at, part.size(), mark);
  }
  return text;
}

std::string embedded(const std::vector<esc::EmbeddedFile>& files, std::string_view path) {
  for (const auto& file : files) {
    if (file.path == path) return std::string(file.text);
  }
  FAIL("escc does not embed " << path);
  return {};
}

TEST_CASE("each protocol's outputs match their golden files", "[golden]") {
  auto script = embedded(esc::page_assets(), "directory.js");
  const std::vector<std::pair<std::string, std::string>> page_parts = {
      {"{{directory.css}}", embedded(esc::page_assets(), "directory.css")},
      {"{{directory.js}}", script},
      {"{{hash of directory.js}}", esc::backends::csp_hash(script)}};
  const std::vector<std::pair<std::string, std::string>> header_parts = {
      {"{{escc/tables.hpp}}", embedded(esc::runtime_files(), "escc/tables.hpp")}};
  for (const auto& name : esc::test::files_in("protocols", ".esc")) {
    INFO("protocols/" << name);
    RepositoryReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    // The header holds the findings, judged on the day the reports are.
    esc::CheckOptions options;
    options.today = esc::day_number({2026, 11, 23});
    auto run = esc::check_files({"protocols/" + name}, reader, sources, sink, options);
    REQUIRE(run.files.at(0).resolved);
    const auto& model = run.files[0].model;
    auto stem = name.substr(0, name.size() - 4);
    const auto& analyses = run.files[0].analyses;
    auto chart = esc::backends::chart_of(model, analyses);
    compare_with_golden(esc::backends::emit_json(model, analyses, "protocols/" + name), "tests/golden/json/" + stem + ".json");
    compare_with_golden(esc::backends::emit_dot(chart), "tests/golden/dot/" + stem + ".dot");
    compare_with_golden(esc::backends::outline_text(chart), "tests/golden/outline/" + stem + ".txt");
    compare_with_golden(shared_parts_marked(esc::backends::emit_cpp_tables(model, analyses, stem, run.files[0].findings),
                                            header_parts),
                        "tests/golden/cpp/" + stem + ".hpp");
    // The page's standing is judged on the day the reports are, from the same findings.
    esc::backends::DirectoryPage page{&model, &analyses, &chart, "", name, {}};
    page.findings = run.files[0].findings;
    page.today = options.today;
    compare_with_golden(shared_parts_marked(esc::backends::emit_html(page), page_parts),
                        "tests/golden/html/" + stem + ".html");
    // The same page to embed in a site: its body alone, every id and class prefixed. One
    // is pinned; the rest of each is the page's, which its own golden file pins.
    if (stem == "barnet") {
      compare_with_golden(esc::backends::emit_html_fragment(page), "tests/golden/fragment/" + stem + ".fragment.html");
    }
    // A disagreement raised on the Friday before Christmas 2026, at half past two.
    esc::analysis::DeadlineOptions deadline_options;
    deadline_options.start = esc::day_number({2026, 12, 18});
    deadline_options.minute = 14 * 60 + 30;
    auto deadlines = esc::analysis::work_out_deadlines(model, analyses, deadline_options);
    compare_with_golden(esc::backends::render_deadlines_text(deadlines, model), "tests/golden/deadlines/" + stem + ".txt");
  }
}

// The standing each page tells its readers at the top, the same in brief for the index,
// and the points not resolved: for every protocol and for crafted ones (tests/standing/:
// a draft, a withdrawn protocol reviewed by interval, stages lost or only in a picture,
// one in good standing), judged on the day the reports are.
TEST_CASE("each protocol's standing matches its golden file", "[golden][standing]") {
  std::vector<std::string> paths;
  for (const auto& name : esc::test::files_in("protocols", ".esc")) paths.push_back("protocols/" + name);
  auto crafted = esc::test::files_in("tests/standing", ".esc");
  REQUIRE(crafted.size() >= 5);
  for (const auto& name : crafted) paths.push_back("tests/standing/" + name);
  for (const auto& path : paths) {
    INFO(path);
    RepositoryReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    esc::CheckOptions options;
    options.today = esc::day_number({2026, 11, 23});
    auto run = esc::check_files({path}, reader, sources, sink, options);
    REQUIRE(run.files.at(0).resolved);
    const auto& file = run.files[0];
    auto chart = esc::backends::chart_of(file.model, file.analyses);
    esc::backends::StandingFacts facts{&file.model, file.findings, options.today};
    std::string text = "On the page:\n" + esc::backends::standing_html(facts) + "\nOn the index:\n";
    for (const auto& said : esc::backends::standing_in_brief(facts)) text += "- " + said + "\n";
    text += "\nBeside the chart:\n" + esc::backends::stages_not_whole_html(file.model);
    text += "\nPoints to be resolved:\n" + esc::backends::points_to_resolve_html(facts, chart);
    auto stem = std::filesystem::path(path).stem().string();
    compare_with_golden(text, "tests/golden/standing/" + stem + ".txt");
  }
}

// The style and script the fragments share: the page's own, the style scoped to the
// fragment's root with its names prefixed.
TEST_CASE("the fragments' shared style and script match their golden files", "[golden][fragment]") {
  auto files = esc::backends::fragment_files();
  REQUIRE(files.size() == 2);
  compare_with_golden(files[0].text, "tests/golden/fragment/" + files[0].name);
  REQUIRE(files[1].text == embedded(esc::page_assets(), "directory.js"));
}

TEST_CASE("a fragment's names cannot meet the site's", "[fragment]") {
  using esc::backends::namespaced_markup;
  using esc::backends::namespaced_style;
  CHECK(namespaced_markup("<main>\n<p class=\"a b\" id=\"c\"><a href=\"#c\">x &lt;main&gt;</a></p>\n</main>\n", "escc-") ==
        "<div class=\"escc-main\">\n<p class=\"escc-a escc-b\" id=\"escc-c\"><a href=\"#escc-c\">x &lt;main&gt;</a></p>\n</div>\n");
  CHECK(namespaced_markup("<label for=\"f\">F</label><a href=\"https://example.org/#x\">y</a><!-- <p class=\"k\"> -->",
                          "escc-") ==
        "<label for=\"escc-f\">F</label><a href=\"https://example.org/#x\">y</a><!-- <p class=\"k\"> -->");
  CHECK(namespaced_markup("<script type=\"application/json\" data-prefix=\"\" id=\"escc-data\">{}</script>", "escc-") ==
        "<script type=\"application/json\" data-prefix=\"escc-\" id=\"escc-data\">{}</script>");
  auto style = namespaced_style("body { margin: .5rem; }\n.a, #b:focus { x: 1; }\nmain h2 { y: 2; }\n"
                                "@media (max-width: 40rem) { .c .d:not(.e) { z: 3; } }\n@page { margin: 1cm; }\n",
                                "escc-");
  CHECK(style.find(".escc-page { margin: .5rem; }") != std::string::npos);
  CHECK(style.find(".escc-page .escc-a, .escc-page #escc-b:focus { x: 1; }") != std::string::npos);
  CHECK(style.find(".escc-page .escc-main h2 { y: 2; }") != std::string::npos);
  CHECK(style.find("@media (max-width: 40rem) { .escc-page .escc-c .escc-d:not(.escc-e) { z: 3; } }") != std::string::npos);
  CHECK(style.find("@page") == std::string::npos);
}

// A local protocol layered on a regional one (tests/extends/): the findings of the whole,
// each in its own file, and the page and JSON that say which parts are regional and
// which local.
TEST_CASE("a local protocol that extends a regional one matches its golden files", "[golden][extends]") {
  const std::string path = "tests/extends/local.esc";
  compare_with_golden(report_for(path), "tests/golden/extends/local.txt");
  RepositoryReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files({path}, reader, sources, sink, {});
  REQUIRE(run.files.at(0).resolved);
  const auto& model = run.files[0].model;
  const auto& analyses = run.files[0].analyses;
  auto chart = esc::backends::chart_of(model, analyses);
  compare_with_golden(esc::backends::emit_json(model, analyses, path), "tests/golden/extends/local.json");
  compare_with_golden(esc::backends::outline_text(chart), "tests/golden/extends/local.outline.txt");
  auto page = esc::backends::emit_html({&model, &analyses, &chart, "", "local.esc", {}});
  // The page's style and script are pinned by the protocols' pages; here, what it says.
  auto body = page.substr(page.find("<body"));
  compare_with_golden(body.substr(0, body.find("<script")), "tests/golden/extends/local.html");
}

// `escc trace`: a small protocol beside its document (tests/documents/), for people and
// for programs.
TEST_CASE("the trace of a protocol against its document matches its golden files", "[golden][trace]") {
  const std::string path = "tests/documents/trace.esc";
  RepositoryReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files({path}, reader, sources, sink, {});
  REQUIRE(run.files.at(0).resolved);
  auto trace = esc::analysis::trace_document(run.files[0].model, run.files[0].analyses);
  REQUIRE(trace);
  compare_with_golden(esc::backends::render_trace_text(*trace, sources, path), "tests/golden/trace/trace.txt");
  compare_with_golden(esc::backends::render_trace_json(*trace, sources, path), "tests/golden/trace/trace.json");
}

// Real protocols the project was never tuned to (tests/corpus/NAME/NAME.esc beside the
// stored text of its pages, document.txt): the checker's report, byte for byte, every
// quote found in the document, and at least 95% of its paragraphs accounted for.
// docs/fidelity.md judges each finding of these reports against the documents' words.
TEST_CASE("the real protocols of the corpus keep their reports, their quotes and their coverage", "[golden][corpus]") {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ESCC_SOURCE_DIR) + "/tests/corpus")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 3);
  for (const auto& name : names) {
    auto path = "tests/corpus/" + name + "/" + name + ".esc";
    INFO(path);
    compare_with_golden(report_for(path), "tests/golden/corpus/" + name + ".txt");
    CheckedProtocol checked(path);
    REQUIRE(checked.run.files.at(0).resolved);
    CHECK(checked.sink.errors() == 0);
    for (const auto& d : checked.sink.diagnostics()) CHECK(d.code != esc::Code::D001);
    const auto& file = checked.run.files[0];
    auto trace = esc::analysis::trace_document(file.model, file.analyses);
    REQUIRE(trace);
    INFO(trace->accounted_for << " of " << trace->paragraphs.size() << " paragraphs accounted for");
    CHECK(trace->covers(95));
  }
}

// Protocols that record where their document is ambiguous (tests/readings/): the
// report, which names the readings a finding depends on; the JSON, which lists each
// ambiguity with its readings and gives running totals as ranges over them; and the
// chart's text, which shows what holds in every reading.
TEST_CASE("protocols that record ambiguities match their golden files", "[golden]") {
  auto names = esc::test::files_in("tests/readings", ".esc");
  REQUIRE_FALSE(names.empty());
  for (const auto& name : names) {
    auto path = "tests/readings/" + name;
    auto stem = name.substr(0, name.size() - 4);
    INFO(path);
    compare_with_golden(report_for(path), "tests/golden/readings/" + stem + ".txt");
    CheckedProtocol checked(path);
    REQUIRE(checked.run.files.at(0).resolved);
    const auto& file = checked.run.files[0];
    compare_with_golden(esc::backends::emit_json(file.model, file.analyses, path),
                        "tests/golden/readings/" + stem + ".json");
    compare_with_golden(esc::backends::outline_text(esc::backends::chart_of(file.model, file.analyses)),
                        "tests/golden/readings/" + stem + ".outline.txt");
  }
}

// `escc diff`: each source protocol against an edited copy (tests/diff/NAME-edited.esc),
// and a protocol with a stage inserted, in all three formats.
TEST_CASE("semantic diffs of edited protocols match their golden files", "[golden]") {
  auto diff_of = [](const std::string& before, const std::string& after) {
    RepositoryReader reader;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto run = esc::check_files({before, after}, reader, sources, sink, {});
    REQUIRE(sink.errors() == 0);
    return esc::backends::changes_in_meaning(run.files.at(0).model, run.files.at(0).analyses, run.files.at(1).model,
                                             run.files.at(1).analyses);
  };
  for (const auto* name : {"barnet", "enfield", "herefordshire", "merton", "wolverhampton"}) {
    auto before = std::string("protocols/") + name + ".esc";
    auto after = std::string("tests/diff/") + name + "-edited.esc";
    INFO(after);
    auto changes = diff_of(before, after);
    CHECK_FALSE(changes.empty());
    compare_with_golden(esc::backends::render_diff_text(changes, before, after),
                        std::string("tests/golden/diff/") + name + ".txt");
    // A protocol compared with itself has not changed.
    CHECK(diff_of(before, before).empty());
  }
  auto changes = diff_of("tests/diff/renumbered-before.esc", "tests/diff/renumbered-after.esc");
  compare_with_golden(esc::backends::render_diff_text(changes, "before.esc", "after.esc"),
                      "tests/golden/diff/renumbered.txt");
  compare_with_golden(esc::backends::render_diff_markdown(changes, "before.esc", "after.esc"),
                      "tests/golden/diff/renumbered.md");
  compare_with_golden(esc::backends::render_diff_json(changes, "before.esc", "after.esc"),
                      "tests/golden/diff/renumbered.json");
}
