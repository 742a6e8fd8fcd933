// Hostile protocols against the generated outputs (tests/hostile/outputs/): what each
// back-end makes of them, read back in the format it writes. The C++ is compiled and
// run by tests/hostile/outputs/compile_test.sh, the pages opened in Chromium by
// tests/hostile/outputs/pages_test.mjs.
#include <catch2/catch.hpp>
#include <fmt/format.h>
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
#include "compiler/backends/html.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/driver/build.hpp"
#include "compiler/model/dates.hpp"

namespace {

class MemoryWriter final : public esc::OutputWriter {
 public:
  std::optional<std::string> write(const std::string& path, const std::string& bytes) override {
    files[path.substr(path.find('/') + 1)] = bytes;
    return std::nullopt;
  }
  // As a folder that holds what was written before: index.html lists those pages too.
  esc::FolderContents contents(const std::string&) override {
    esc::FolderContents held;
    for (const auto& [name, bytes] : files) {
      held.files.insert(name);
      if (name.size() > 5 && name.ends_with(".html") && name != "index.html") {
        held.page_heads[name] = bytes.substr(0, bytes.find("</head>"));
      }
    }
    return held;
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

std::unique_ptr<Built> build(const std::vector<std::string>& paths, std::vector<std::string> emit = {},
                             const MemoryWriter* folder = nullptr) {
  auto built = std::make_unique<Built>();
  if (folder != nullptr) built->writer = *folder;
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
        "weekdays and bank holidays 17:00-22:00");
  CHECK(esc::analysis::availability_of(contact_titled(model, "Cover manager"), model).describe() ==
        "weekdays and bank holidays 17:00-22:00; weekends all day");
  CHECK(esc::analysis::availability_of(contact_titled(model, "Day manager"), model).describe() ==
        "weekdays 09:00-17:00");
  esc::analysis::ContactHours cached(model);
  CHECK(cached.of(contact_titled(model, "Cover manager")).describe() ==
        "weekdays and bank holidays 17:00-22:00; weekends all day");

  // `escc deadlines` at 18:00 on a Wednesday: the evening and cover managers can be reached.
  esc::analysis::DeadlineOptions options;
  options.start = esc::day_number({2026, 11, 23});
  options.minute = 18 * 60;
  auto deadlines = esc::analysis::work_out_deadlines(model, built->run.checked.files.at(0).analyses, options);
  REQUIRE(deadlines.stages.size() == 1);
  std::vector<std::string> reachable;
  for (const auto& listed : deadlines.stages[0].contacts) {
    if (listed.reachable) reachable.emplace_back(listed.contact->title.value);
  }
  CHECK(reachable == std::vector<std::string>{"Evening duty manager", "Cover manager"});

  // The page's data for "who to contact now": the compiled minutes of every kind of
  // day, Monday to Sunday and then bank holidays, with the times of every level.
  const auto& page = built->writer.files.at("nested-hours.html");
  CHECK(page.find("When: Monday to Friday, including bank holidays, 5pm to 10pm; Saturday and Sunday, 24 hours") !=
        std::string::npos);
  auto open = page.find("id=\"escc-data\">") + 15;
  auto data = nlohmann::ordered_json::parse(page.substr(open, page.find("</script>", open) - open));
  auto hours_of = [&](int contact) { return data["hours"][data["contacts"][contact]["hours"].get<int>()].dump(); };
  CHECK(hours_of(0) == "[[[1020,1320]],[[1020,1320]],[[1020,1320]],[[1020,1320]],[[1020,1320]],[],[],[[1020,1320]]]");
  CHECK(hours_of(1) ==
        "[[[1020,1320]],[[1020,1320]],[[1020,1320]],[[1020,1320]],[[1020,1320]],[[0,1440]],[[0,1440]],[[1020,1320]]]");
  CHECK(hours_of(2) == "[[[540,1020]],[[540,1020]],[[540,1020]],[[540,1020]],[[540,1020]],[],[],[]]");

  // The C++ tables: the same minutes and words (compile_test.sh runs them through the runtime).
  const auto& header = built->writer.files.at("nested-hours.hpp");
  CHECK(header.find("true, \"weekdays and bank holidays 17:00-22:00; weekends all day\"sv},\n") != std::string::npos);
  CHECK(header.find("    {1020, 1320},\n    {0, 1440},\n    {0, 1440},\n    {1020, 1320},\n") != std::string::npos);
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
  CHECK(esc::analysis::availability_of(contact, model).describe() == "weekdays and bank holidays 09:00-10:00");
  esc::analysis::ContactHours cached(model);
  CHECK(cached.of(contact).describe() == "weekdays and bank holidays 09:00-10:00");
}

TEST_CASE("route names with '-' make one box each, and the chart is drawn", "[hostile-outputs]") {
  auto built = build({hostile("hyphen-routes.esc")}, {"dot", "svg"});
  REQUIRE(built->codes().empty());
  REQUIRE(built->writer.files.count("hyphen-routes.svg") == 1);
  auto chart = esc::backends::chart_of(built->run.checked.files.at(0).model, built->run.checked.files.at(0).analyses);
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

TEST_CASE("only numbers that can be dialled become tel: links, and the others are shown as written",
          "[hostile-outputs]") {
  auto built = build({hostile("phones.esc")}, {"html"});
  const auto& page = built->writer.files.at("phones.html");
  auto means_of = [&](const std::string& title) {
    auto at = page.find("<strong>" + title + "</strong>", page.find("id=\"directory\""));
    REQUIRE(at != std::string::npos);
    auto open = page.find("<div class=\"means\">", at);
    return page.substr(open, page.find("</div>", open) - open);
  };
  CHECK(means_of("Landline") == "<div class=\"means\"><p>Phone: <a href=\"tel:01234567890\">01234 567890</a></p>");
  CHECK(means_of("International form") ==
        "<div class=\"means\"><p>Phone: <a href=\"tel:+442079460000\">+44 (0)20 7946 0000</a></p>");
  CHECK(means_of("Emergency") == "<div class=\"means\"><p>Phone: <a href=\"tel:999\">999</a></p>");
  CHECK(means_of("Too short") == "<div class=\"means\"><p>Phone: 0123 456</p>");
  CHECK(means_of("No trunk zero") == "<div class=\"means\"><p>Phone: 1234 567890</p>");
  CHECK(means_of("Letters") == "<div class=\"means\"><p>Phone: 0800 CALL NOW</p>");
  CHECK(means_of("Extension") == "<div class=\"means\"><p>Switchboard: 01234 567890 ext 12</p>");
}

TEST_CASE("links in pages are relative and percent-encoded, whatever the file is called", "[hostile-outputs]") {
  CHECK(esc::backends::relative_href("javascript:alert(1).html") == "./javascript%3Aalert%281%29.html");
  CHECK(esc::backends::relative_href("a#b?c%d e.html") == "./a%23b%3Fc%25d%20e.html");
  CHECK(esc::backends::relative_href("my-area_2.html") == "./my-area_2.html");
  CHECK(esc::backends::relative_href("\xC3\xAA\".html") == "./%C3%AA%22.html");
}

TEST_CASE("SHA-256 gives the published digests, so the pages' script hashes are right", "[hostile-outputs]") {
  auto hex = [](std::string_view text) {
    std::string out;
    for (auto byte : esc::backends::sha256(text)) out += fmt::format("{:02x}", byte);
    return out;
  };
  CHECK(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
  CHECK(esc::backends::csp_hash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

TEST_CASE("index.html lists every protocol page in the folder, not only the last build's", "[hostile-outputs]") {
  auto protocols = std::string(ESCC_SOURCE_DIR) + "/protocols/";
  auto first = build({protocols + "barnet.esc", protocols + "merton.esc"});
  REQUIRE(first->codes().size() < 100);
  // A page that is not escc's, and one that claims files that are not its own.
  first->writer.files["about.html"] = "<html><head><title>About</title></head></html>";
  first->writer.files["planted.html"] =
      "<head><meta name=\"escc-index\" content=\"{&quot;title&quot;:&quot;Planted&quot;,&quot;facts&quot;:[],"
      "&quot;files&quot;:[&quot;planted.html&quot;,&quot;../../etc/passwd&quot;,&quot;barnet.json&quot;,"
      "&quot;planted.json&quot;]}\"></head>";
  first->writer.files.erase("merton.png");
  auto second = build({protocols + "wolverhampton.esc"}, {"html", "json"}, &first->writer);
  const auto& index = second->writer.files.at("index.html");
  std::vector<std::string> pages;
  std::regex heading("<h2><a href=\"([^\"]*)\">");
  for (std::sregex_iterator it(index.begin(), index.end(), heading), end; it != end; ++it) pages.push_back((*it)[1]);
  CHECK(pages == std::vector<std::string>{"./barnet.html", "./merton.html", "./planted.html", "./wolverhampton.html"});
  CHECK(index.find("<p>4 protocols, each") != std::string::npos);
  CHECK(index.find("Multi-agency escalation and resolution protocol</a>") != std::string::npos);
  // Each entry links only its own files that are there.
  CHECK(index.find("<a href=\"./merton.svg\">merton.svg</a>") != std::string::npos);
  CHECK(index.find("merton.png") == std::string::npos);
  CHECK(index.find("passwd") == std::string::npos);
  CHECK(index.find("<p>Files: <a href=\"./planted.html\">planted.html</a></p>") != std::string::npos);
  CHECK(index.find("<a href=\"./wolverhampton.html\">wolverhampton.html</a>, <a href=\"./wolverhampton.json\">"
                   "wolverhampton.json</a></p>") != std::string::npos);
  CHECK(index.find("About") == std::string::npos);
}

TEST_CASE("pages allow only escc's own script, by its hash", "[hostile-outputs]") {
  auto built = build({hostile("nested-hours.esc")}, {"html"});
  const auto& page = built->writer.files.at("nested-hours.html");
  auto open = page.rfind("<script>") + 8;
  auto script = page.substr(open, page.find("</script>", open) - open);
  CHECK(page.find("script-src " + esc::backends::csp_hash(script) + ";") != std::string::npos);
  CHECK(page.find("unsafe-inline'; img-src") == std::string::npos);
  CHECK(built->writer.files.at("index.html").find("script-src 'none';") != std::string::npos);
}
