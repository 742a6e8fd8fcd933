// A local protocol that extends a regional one (`extends "regional.esc"`): the two are
// checked as the one procedure a practitioner follows, each finding in the file it is
// about, each quote against its own file's document.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "compiler/driver/check.hpp"
#include "compiler/model/dates.hpp"

namespace {

namespace fs = std::filesystem;

// A folder of its own for each test: ctest runs test cases side by side.
struct Scratch {
  fs::path root;
  Scratch() {
    auto pattern = (fs::temp_directory_path() / "escc-extends-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder");
    root = pattern;
  }
  ~Scratch() { fs::remove_all(root); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(root / name, std::ios::binary) << text;
  }
};

// "warning[G019] local.esc:4:3 message", the file named relative to the scratch folder.
std::vector<std::string> findings(const Scratch& scratch, const std::string& file = "local.esc") {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::CheckOptions options;
  options.today = esc::day_number({2026, 11, 23});
  esc::check_files({(scratch.root / file).string()}, reader, sources, sink, options);
  std::vector<std::string> found;
  for (const auto& d : sink.diagnostics()) {
    std::string place = "-";
    if (d.span) {
      const auto& source = sources.file(d.span->file);
      auto at = source.locate(d.span->begin);
      place = fs::path(source.path()).filename().string() + ":" + std::to_string(at.line) + ":" +
              std::to_string(at.column);
    }
    found.push_back(std::string(esc::severity_name(d.severity)) + "[" + std::string(esc::code_info(d.code).id) +
                    "] " + place + " " + d.message);
  }
  return found;
}

const std::string regional_document =
    "Stage 1: practitioners talk within 2 working days.\n\nStage 2: managers meet within 3 working days.\n\n"
    "Their decision is final and binding.\n";

// Checked alone it has no finding, so that each test sees only what the local file brings.
const std::string regional =
    "protocol \"Regional procedure\" {\n"                                            // 1
    "  status live\n"                                                                // 2
    "  approved by \"Regional Group\" on 2026-01-15\n"                               // 3
    "  review due 2027-01\n"                                                         // 4
    "  covers children\n"                                                            // 5
    "  document \"regional.txt\"\n"                                                  // 6
    "}\n"                                                                            // 7
    "immediate risk {\n"                                                             // 8
    "  immediately\n"                                                                // 9
    "  contact \"Police\" phone \"999\" available always\n"                          // 10
    "}\n"                                                                            // 11
    "stage 1 \"Practitioners\" {\n"                                                  // 12
    "  parties \"Practitioner\" to \"Practitioner\"\n"                               // 13
    "  within 2 working days\n"                                                      // 14
    "    source \"practitioners talk within 2 working days.\"\n"                     // 15
    "  when unresolved: go to stage 2\n"                                             // 16
    "}\n"                                                                            // 17
    "stage 2 \"Managers\" {\n"                                                       // 18
    "  within 3 working days\n"                                                      // 19
    "    source \"managers meet within 3 working days.\"\n"                          // 20
    "  contact \"Regional Team\" email \"team@example.gov.uk\"\n"                    // 21
    "  final binding\n"                                                              // 22
    "    source \"Their decision is final and binding.\"\n"                          // 23
    "}\n";

const std::string local_header =
    "extends \"regional.esc\"\n"                                                     // 1
    "protocol \"Local arrangements\" {\n"                                            // 2
    "  status live\n"                                                                // 3
    "  approved by \"Local Board\" on 2026-02-01\n"                                  // 4
    "  review due 2027-02\n"                                                         // 5
    "  document \"local.txt\"\n"                                                     // 6
    "}\n";

const std::string local_document = "At stage 2, managers must also notify the Local Safeguarding Team.\n";

Scratch pair(const std::string& local_rest) {
  Scratch scratch;
  scratch.write("regional.txt", regional_document);
  scratch.write("regional.esc", regional);
  scratch.write("local.txt", local_document);
  scratch.write("local.esc", local_header + local_rest);
  return scratch;
}

}  // namespace

TEST_CASE("the regional protocol alone, and a local one that only adds to it, have no finding", "[extends]") {
  auto scratch = pair(
      "stage 2 {\n"
      "  must notify to \"the Local Safeguarding Team\"\n"
      "    source \"At stage 2, managers must also notify the Local Safeguarding Team.\"\n"
      "}\n");
  CHECK(findings(scratch, "regional.esc").empty());
  CHECK(findings(scratch).empty());
}

TEST_CASE("each quote is looked for in its own file's document, and reported in its own file", "[extends]") {
  // The local quote is in the regional document only, and the regional one in neither.
  auto scratch = pair(
      "stage 1 {\n"
      "  step \"Talk\"\n"
      "    source \"practitioners talk within 2 working days.\"\n"
      "}\n");
  auto wrong_regional = regional;
  wrong_regional.replace(wrong_regional.find("managers meet"), 13, "managers gather");
  scratch.write("regional.esc", wrong_regional);
  auto found = findings(scratch);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "warning[D001] local.esc:10:12 these words are not in the document local.txt");
  CHECK(found[1] == "warning[D001] regional.esc:20:12 these words are not in the document regional.txt");
}

TEST_CASE("a local timeframe or title that differs from the regional stage's is reported, both kept", "[extends]") {
  auto scratch = pair(
      "stage 2 \"Senior managers\" {\n"
      "  within 5 working days\n"
      "}\n");
  auto found = findings(scratch);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "warning[G019] local.esc:8:9 the local protocol calls stage 2 'Senior managers', the regional "
                    "protocol 'Managers'");
  CHECK(found[1] == "warning[G019] local.esc:9:3 the local protocol says stage 2 within 5 working days, the regional "
                    "protocol within 3 working days: a practitioner following both cannot tell which holds");
}

TEST_CASE("a local scope or target that differs from the regional one is reported", "[extends]") {
  auto scratch = pair("");
  auto regional_with_target = regional;
  regional_with_target.insert(regional_with_target.find("}\n"), "  resolve within 10 working days\n");
  scratch.write("regional.esc", regional_with_target);
  scratch.write("local.esc", "extends \"regional.esc\"\n"
                             "protocol \"Local arrangements\" {\n"
                             "  status live\n"
                             "  approved by \"Local Board\" on 2026-02-01\n"
                             "  review due 2027-02\n"
                             "  covers children, adults\n"
                             "  resolve within 20 working days\n"
                             "}\n");
  auto found = findings(scratch);
  REQUIRE(found.size() >= 2);
  CHECK(std::find(found.begin(), found.end(),
                  "warning[G019] local.esc:7:3 the local protocol's overall target is within 20 working days, the "
                  "regional protocol's within 10 working days") != found.end());
  CHECK(std::find(found.begin(), found.end(),
                  "warning[G019] local.esc:6:3 the local protocol covers different people from the regional "
                  "protocol it extends") != found.end());
}

TEST_CASE("a local stage, and the move into it, join the regional flow and are judged with it", "[extends]") {
  // The regional stage 2 is final and binding: a local stage after it is one more place a
  // dispute can go after a decision that was to settle it (S009), in the local file.
  // Without the move, the local stage 3 would be unreachable (S001).
  auto scratch = pair(
      "stage 2 {\n"
      "  when unresolved: may go to stage 3\n"
      "}\n"
      "stage 3 \"Local panel\" {\n"
      "  within 5 working days\n"
      "  contact \"Panel Chair\" email \"chair@example.gov.uk\"\n"
      "  final binding\n"
      "}\n");
  auto found = findings(scratch);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "warning[S009] local.esc:9:24 stage 2 is final and its decision binding, yet when unresolved it "
                    "may go to stage 3: either the decision settles the matter or the case escalates further");
}

TEST_CASE("a detail a stage holds once cannot be said differently by the local file", "[extends]") {
  auto scratch = pair(
      "stage 1 {\n"
      "  by \"the practitioner's manager\"\n"
      "}\n"
      "stage 2 {\n"
      "  by \"the Head of Service\"\n"
      "}\n");
  auto regional_with_actor = regional;
  regional_with_actor.insert(regional_with_actor.find("  within 3 working days"), "  by \"the line managers\"\n");
  scratch.write("regional.esc", regional_with_actor);
  auto found = findings(scratch);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "error[N012] local.esc:11:1 stage 2 of the regional protocol already says who does it (`by`); a "
                    "local protocol adds to a regional stage and cannot say it differently");
}

TEST_CASE("a protocol extends one regional protocol, which extends none", "[extends]") {
  auto scratch = pair("extends \"other.esc\"\n");
  scratch.write("other.esc", "stage 9 {\n}\n");
  auto found = findings(scratch);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0] == "error[N011] local.esc:8:1 a protocol extends one regional protocol");

  scratch.write("local.esc", local_header);
  scratch.write("regional.esc", "extends \"other.esc\"\n" + regional);
  found = findings(scratch);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0] == "error[N011] regional.esc:1:1 a regional protocol cannot itself extend another: escc lays one "
                    "local protocol on one regional protocol");

  scratch.write("local.esc", "extends \"missing.esc\"\n" + local_header.substr(local_header.find('\n') + 1));
  found = findings(scratch);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0] == "error[N003] local.esc:1:9 cannot find the regional protocol 'missing.esc'");
}

TEST_CASE("a local immediate-risk rule adds to the regional one, and a different timeframe is reported", "[extends]") {
  auto scratch = pair(
      "immediate risk {\n"
      "  same working day\n"
      "  contact \"Emergency Duty Team\" phone \"01234 567890\" available always\n"
      "}\n");
  auto found = findings(scratch);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "warning[G019] local.esc:9:3 the local protocol says the immediate-risk rule on the same working "
                    "day, the regional protocol immediately: a practitioner following both cannot tell which holds");
}
