// Hostile protocols against the generated outputs (tests/hostile/outputs/): what each
// back-end makes of them, read back in the format it writes. The C++ is compiled and
// run by tests/hostile/outputs/compile_test.sh, the pages opened in Chromium by
// tests/hostile/outputs/pages_test.mjs.
#include <catch2/catch.hpp>
#include <gvc.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/deadlines.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/cpp_tables.hpp"
#include "compiler/build.hpp"
#include "compiler/dates.hpp"

namespace {

class MemoryWriter final : public esc::OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override {
    files[path.substr(path.find('/') + 1)] = bytes;
    return std::nullopt;
  }
  std::map<std::string, std::string> files;  // by file name
};

std::string hostile(const std::string& name) {
  return std::string(ESCC_SOURCE_DIR) + "/tests/hostile/outputs/" + name;
}

struct Built {
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::BuildRun run;
  MemoryWriter writer;
  std::vector<std::string> codes() const {
    std::vector<std::string> found;
    for (const auto& d : sink.diagnostics()) found.emplace_back(esc::code_info(d.code).id);
    return found;
  }
  std::vector<const esc::Diagnostic*> errors() const {
    std::vector<const esc::Diagnostic*> found;
    for (const auto& d : sink.diagnostics()) {
      if (d.severity == esc::Severity::error) found.push_back(&d);
    }
    return found;
  }
};

std::unique_ptr<Built> build(const std::vector<std::string>& paths, std::vector<std::string> emit = {}) {
  auto built = std::make_unique<Built>();
  esc::DiskFileReader reader;
  esc::BuildOptions options;
  options.output_folder = "out";
  options.check.today = esc::day_number({2026, 11, 23});
  if (!emit.empty()) options.emit = std::move(emit);
  built->run = esc::build_files(paths, reader, built->writer, built->sources, built->sink, options);
  return built;
}

// A protocol file of `stages` stages in a chain, each also able to go back to stage 1
// when `back` is set, written to a temporary folder.
std::string chain_protocol(const std::string& name, int stages, bool back = false) {
  std::string text =
      "protocol \"A long chain\" {\n  status live\n  approved by \"Board\" on 2026-01-15\n  review due 2027-01\n}\n"
      "immediate risk {\n  immediately\n}\n";
  for (int i = 1; i <= stages; ++i) {
    text += "stage " + std::to_string(i) + " \"Stage " + std::to_string(i) + "\" {\n  within 1 working day\n"
            "  contact \"Duty manager\" phone \"01234 567890\"\n";
    if (i < stages) text += "  when unresolved: go to stage " + std::to_string(i + 1) + "\n";
    if (back && i > 1) text += "  when no response: go to stage 1\n";
    if (i == stages) text += "  final binding\n";
    text += "}\n";
  }
  auto folder = std::filesystem::temp_directory_path() / "escc-hostile-outputs";
  std::filesystem::create_directories(folder);
  auto path = (folder / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const esc::model::Contact& contact_titled(const esc::model::Model& model, std::string_view title) {
  for (const auto& stage : model.stages) {
    for (const auto& contact : stage.contacts) {
      if (contact.title.value == title) return contact;
    }
  }
  FAIL("no contact " << title);
  throw;
}

}  // namespace

TEST_CASE("hours that name hours keep their times, however deep the naming goes", "[hostile-outputs]") {
  auto built = build({hostile("nested-hours.esc")}, {"cpp", "html"});
  REQUIRE(built->codes().empty());
  const auto& model = built->run.checked.files.at(0).model;

  // What the page and the checker say about each contact.
  CHECK(esc::analysis::availability_of(contact_titled(model, "Evening duty manager"), model).describe() ==
        "weekdays 17:00-22:00 and bank holidays 17:00-22:00");
  CHECK(esc::analysis::availability_of(contact_titled(model, "Cover manager"), model).describe() ==
        "weekdays 17:00-22:00, weekends and bank holidays 17:00-22:00");
  CHECK(esc::analysis::availability_of(contact_titled(model, "Day manager"), model).describe() ==
        "weekdays 09:00-17:00");
  esc::analysis::ContactHours cached(model);
  CHECK(cached.of(contact_titled(model, "Cover manager")).describe() ==
        "weekdays 17:00-22:00, weekends and bank holidays 17:00-22:00");

  // `escc deadlines` at 18:00 on a Wednesday: the evening and cover managers can be reached.
  esc::analysis::DeadlineOptions options;
  options.start = esc::day_number({2026, 11, 23});
  options.minute = 18 * 60;
  esc::DiagnosticSink sink;
  auto deadlines = esc::analysis::work_out_deadlines(model, options, sink);
  REQUIRE(deadlines.stages.size() == 1);
  std::vector<std::string> reachable;
  for (const auto& listed : deadlines.stages[0].contacts) {
    if (listed.reachable) reachable.emplace_back(listed.contact->title.value);
  }
  CHECK(reachable == std::vector<std::string>{"Evening duty manager", "Cover manager"});

  // The page's data for "who to contact now": the windows of every level, once each.
  const auto& page = built->writer.files.at("nested-hours.html");
  CHECK(page.find("When: weekdays 17:00-22:00, weekends and bank holidays 17:00-22:00") != std::string::npos);
  auto open = page.find("id=\"escc-data\">") + 15;
  auto data = nlohmann::ordered_json::parse(page.substr(open, page.find("</script>", open) - open));
  CHECK(data["contacts"][0]["windows"].dump() == R"([{"days":31,"bank_holidays":true,"from":1020,"to":1320}])");
  CHECK(data["contacts"][1]["windows"].dump() ==
        R"([{"days":31,"bank_holidays":true,"from":1020,"to":1320},{"days":96,"bank_holidays":false,"from":0,"to":1440}])");
  CHECK(data["contacts"][2]["windows"].dump() == R"([{"days":31,"bank_holidays":false,"from":540,"to":1020}])");

  // The C++ tables: the same windows (compile_test.sh runs them through the runtime).
  const auto& header = built->writer.files.at("nested-hours.hpp");
  CHECK(header.find("    {0x1F, true, 1020, 1320},\n    {0x1F, true, 1020, 1320},\n    {0x60, false, 0, 1440},\n"
                    "    {0x1F, false, 540, 1020},\n") != std::string::npos);
}

TEST_CASE("a chain of 20,000 hours, each naming the last, is worked out without recursion", "[hostile-outputs]") {
  esc::model::Model model;
  model.hours.resize(20002);
  for (std::uint32_t i = 0; i < 20000; ++i) {
    esc::model::Window window;
    if (i == 0) {
      window.days = 0x1F;
      window.from_minute = 9 * 60;
      window.to_minute = 10 * 60;
    } else {
      window.hours = {i - 1};
    }
    model.hours[i].windows.push_back(window);
  }
  // Two definitions in a circle (an error the resolver reports) still end.
  esc::model::Window to_b, to_last, to_a;
  to_b.hours = {20001};
  to_last.hours = {19999};
  to_a.hours = {20000};
  model.hours[20000].windows = {to_b};
  model.hours[20001].windows = {to_last, to_a};
  esc::model::Contact contact;
  contact.windows = {to_a};
  CHECK(esc::model::plain_windows(contact.windows, model).size() == 1);
  CHECK(esc::analysis::availability_of(contact, model).describe() == "weekdays 09:00-10:00 and bank holidays 09:00-10:00");
  esc::analysis::ContactHours cached(model);
  CHECK(cached.of(contact).describe() == "weekdays 09:00-10:00 and bank holidays 09:00-10:00");
}

TEST_CASE("route names with '-' make one box each, and the chart is drawn", "[hostile-outputs]") {
  auto built = build({hostile("hyphen-routes.esc")}, {"dot", "svg"});
  REQUIRE(built->codes().empty());
  REQUIRE(built->writer.files.count("hyphen-routes.svg") == 1);
  auto chart = esc::backends::chart_of(built->run.checked.files.at(0).model);
  std::set<std::string> boxes;
  for (const auto& node : chart.nodes) boxes.insert(node.id);
  REQUIRE(boxes.count("route_out-of-hours_2") == 1);
  REQUIRE(boxes.count("route_a-1_3") == 1);

  // Read back by Graphviz: exactly the chart's boxes, by their names, and its arrows.
  agseterr(AGMAX);
  Agraph_t* graph = agmemread(built->writer.files.at("hyphen-routes.dot").c_str());
  REQUIRE(graph != nullptr);
  std::set<std::string> read;
  int arrows = 0;
  for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
    read.insert(agnameof(node));
    for (Agedge_t* edge = agfstout(graph, node); edge != nullptr; edge = agnxtout(graph, edge)) {
      const char* style = agget(edge, const_cast<char*>("style"));
      if (style == nullptr || std::string_view(style) != "invis") ++arrows;
    }
  }
  agclose(graph);
  CHECK(read == boxes);
  CHECK(arrows == static_cast<int>(chart.edges.size()));
}

TEST_CASE("file names give C++ namespaces that never meet, and are never reserved names", "[hostile-outputs]") {
  std::vector<std::string> stems = {"my-area", "my_area",  "my area",  "my.area",   "myZ2Darea", "my_2Darea_",
                                    "Zebra",   "Z5Aebra",  "my--area", "my__area",  "my_Z5Farea", "_my_area",
                                    "my_area_", "NULL",    "linux",    "class",     "2025",       "a",
                                    "A",       "\xC3\xAA", "ZC3ZAA",  "escc",      "my-area-",   "my-_area"};
  std::set<std::string> namespaces;
  std::regex identifier("[A-Za-z][A-Za-z0-9_]*");
  for (const auto& stem : stems) {
    auto name = esc::backends::cpp_namespace(stem);
    INFO(stem << " -> " << name);
    CHECK(std::regex_match(name, identifier));
    CHECK(name.rfind("escc_", 0) == 0);
    CHECK(name.find("__") == std::string::npos);  // reserved to the implementation
    namespaces.insert(name);
  }
  CHECK(namespaces.size() == stems.size());
  CHECK(esc::backends::cpp_namespace("barnet") == "escc_barnet");
  CHECK(esc::backends::cpp_namespace("my-area") == "escc_myZ2Darea");
  CHECK(esc::backends::cpp_namespace("my__area") == "escc_my_Z5Farea");
}

TEST_CASE("a chart too large to draw stops the build before Graphviz runs, and nothing is written",
          "[hostile-outputs]") {
  // 17,500 stages crashed Graphviz's layout; 201 boxes or 201 arrows are past the limit.
  for (const auto& [name, stages, back] : std::vector<std::tuple<std::string, int, bool>>{
           {"chain-17500.esc", 17500, false}, {"chain-200.esc", 200, false}, {"back-101.esc", 101, true}}) {
    INFO(name);
    auto file = chain_protocol(name, stages, back);
    for (const auto& format : {"dot", "svg", "png", "html"}) {
      INFO(format);
      auto built = build({file}, {format});
      REQUIRE(built->errors().size() == 1);
      CHECK(built->errors()[0]->code == esc::Code::I012);
      CHECK(built->run.refused);
      CHECK(built->writer.files.empty());
    }
    auto built = build({file}, {"cpp", "json"});
    CHECK(built->errors().empty());
    CHECK(built->writer.files.size() == 2);
  }
  auto built = build({chain_protocol("back-101.esc", 101, true)}, {"svg"});
  REQUIRE(built->errors().size() == 1);
  CHECK(built->errors()[0]->message ==
        "the flow chart of " + chain_protocol("back-101.esc", 101, true) +
            " would have 102 boxes and 201 arrows; escc draws charts of up to 200 boxes and 200 arrows, which is more "
            "than anyone can follow");

  // At the limit: 199 stages and the immediate-risk rule make 200 boxes, and are drawn.
  auto largest = build({chain_protocol("chain-199.esc", 199)}, {"svg"});
  CHECK(largest->codes().empty());
  CHECK(largest->writer.files.count("chain-199.svg") == 1);
}
