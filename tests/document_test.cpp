// The document beside the protocol: quotes compared with the document's text after what
// an extraction changes is set aside, omissions in order, the closest passage for a quote
// that is not there, paragraphs, the share a trace counts, and a `document` that cannot
// be used refused with nothing written.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "compiler/analysis/document_text.hpp"
#include "compiler/analysis/trace.hpp"
#include "compiler/driver/build.hpp"
#include "compiler/model/dates.hpp"
#include "tests/support.hpp"

namespace {

namespace fs = std::filesystem;
using esc::analysis::DocumentText;
using esc::analysis::normalise;

std::string normalised(std::string_view text) { return normalise(text).text; }

bool found(std::string_view document, std::string_view quote) { return !DocumentText(document).find(quote).empty(); }

// The text of each range of the first place a quote is found.
std::vector<std::string> found_parts(std::string_view document, std::string_view quote) {
  auto places = DocumentText(document).find(quote);
  std::vector<std::string> parts;
  if (places.empty()) return parts;
  for (auto range : places.front()) parts.emplace_back(document.substr(range.begin, range.end - range.begin));
  return parts;
}

std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  for (auto range : esc::analysis::paragraphs_of(text)) out.emplace_back(text.substr(range.begin, range.end - range.begin));
  return out;
}

}  // namespace

TEST_CASE("curly quotes, dashes, spaces and line ends read as their plain forms", "[document]") {
  CHECK(normalised("the child’s file") == "the child's file");
  CHECK(normalised("“Gut feeling”, ‘agreed’") == "\"Gut feeling\", 'agreed'");
  CHECK(normalised("days – or sooner — if needed") == "days - or sooner - if needed");
  CHECK(normalised("within\n  2\tworking\u00a0days") == "within 2 working days");
  CHECK(normalised("Chair ¹ , who") == "Chair, who");
  CHECK(normalised("( see flow chart )") == "(see flow chart)");
  CHECK(normalised("signiﬁcant harm") == "significant harm");
}

TEST_CASE("a word hyphenated across lines reads as one word", "[document]") {
  CHECK(normalised("no escal-\nation stage") == "no escalation stage");
  CHECK(normalised("inter-\n  agency") == "interagency");
  // Written with a hyphen or without, the same word.
  CHECK(normalised("inter-agency") == normalised("interagency"));
  CHECK(found("the inter-\nagency discussion", "the inter-agency discussion"));
  // Between numbers a hyphen is a range, and stays.
  CHECK(normalised("within 1-3 working days, 5pm-9am") == "within 1-3 working days, 5pm-9am");
  CHECK_FALSE(found("within 13 working days", "within 1-3 working days"));
}

TEST_CASE("bullets and the marks extractions leave are no words", "[document]") {
  CHECK(normalised("following:\n- avoid disputes\n· resolve quickly\n• identify gaps") ==
        "following: avoid disputes resolve quickly identify gaps");
  CHECK(normalised("(**timeframe 2 Working days**)") == "(timeframe 2 Working days)");
  CHECK(normalised("<b>Status</b> (Live/ Draft)") == "Status (Live/ Draft)");
  CHECK(normalised("via [BSCP@Barnet.gov.uk](mailto:BSCP@Barnet.gov.uk) or") == "via BSCP@Barnet.gov.uk or");
  CHECK(normalised("[bookmark: _Hlk39763891]Stage 1 should") == "Stage 1 should");
  CHECK(normalised("### **Stage One**") == "Stage One");
  // A hyphen within a line is no bullet.
  CHECK(normalised("step up - step down") == "step up - step down");
}

TEST_CASE("quotes are found as whole words, capitals included", "[document]") {
  std::string_view document = "Professionals should attempt to resolve differences on Monday.";
  CHECK(found(document, "attempt to resolve differences"));
  CHECK_FALSE(found(document, "Attempt to resolve differences"));
  CHECK_FALSE(found(document, "day"));
  CHECK_FALSE(found(document, "ttempt to"));
  CHECK(found(document, "Monday."));
  CHECK(found_parts(document, "should attempt") == std::vector<std::string>{"should attempt"});
}

TEST_CASE("an omission's parts are found in the document's order", "[document]") {
  std::string_view document =
      "Initial attempts should be made to resolve the problem. This should normally be between the practitioners "
      "who disagree. (timeframe 2 Working days)";
  CHECK(found_parts(document, "...Initial attempts should be made ... between the practitioners … (timeframe 2") ==
        std::vector<std::string>{"Initial attempts should be made", "between the practitioners", "(timeframe 2"});
  CHECK_FALSE(found(document, "between the practitioners ... Initial attempts"));
  DocumentText text(document);
  auto out_of_order = text.miss("between the practitioners ... Initial attempts");
  CHECK(out_of_order.part == "Initial attempts");
  CHECK(out_of_order.previous == "between the practitioners");
  CHECK(out_of_order.elsewhere);
  auto missing = text.miss("Initial attempts ... within 5 days");
  CHECK(missing.part == "within 5 days");
  CHECK_FALSE(missing.elsewhere);
  CHECK(esc::analysis::omission_parts("... a .... b … c...") == std::vector<std::string_view>{"a", "b", "c"});
}

TEST_CASE("a quote not in the document is shown the passage closest to it", "[document]") {
  std::string document =
      "1.1 Practitioners should try to resolve a disagreement within 2 working days.\n"
      "\n"
      "1.2 If it is not resolved, line managers must agree a way forward within 3 working days.\n"
      "\n"
      "1.3 The designated safeguarding lead may be consulted at any stage.\n";
  DocumentText text(document);
  esc::analysis::ClosestPassages closest(text);
  auto near_miss = closest.closest("line managers should agree a way forward within 3 working days");
  REQUIRE(near_miss);
  CHECK(near_miss->line == 3);
  CHECK(near_miss->text == "line managers must agree a way forward within 3 working days");
  auto other = closest.closest("the designated lead may be consulted");
  REQUIRE(other);
  CHECK(other->line == 5);
  CHECK(other->text.rfind("designated safeguarding lead may be consulted", 0) == 0);
  CHECK_FALSE(closest.closest("Xylophones zebra quokka"));
}

TEST_CASE("paragraphs: between blank lines, and from each numbered clause, list item or heading", "[document]") {
  CHECK(paragraphs("Title\nsubtitle\n\n1. Purpose\n\n1.1 First clause\ngoes on.\n1.2 Second clause.\n") ==
        std::vector<std::string>{"Title\nsubtitle", "1. Purpose", "1.1 First clause\ngoes on.", "1.2 Second clause."});
  CHECK(paragraphs("Principles:\n· one\n· two\n- 3.4 three\n  - four\n## Heading\ntext") ==
        std::vector<std::string>{"Principles:", "· one", "· two", "- 3.4 three", "  - four", "## Heading\ntext"});
  // A line of a table's rule, or of nothing but marks, is no paragraph.
  CHECK(paragraphs("--\t---\t--\n\nText\n\n\f\n") == std::vector<std::string>{"Text"});
  // "3 days" or "2023 was" start no clause.
  CHECK(paragraphs("within\n3 days of\n2023 was") == std::vector<std::string>{"within\n3 days of\n2023 was"});
}

TEST_CASE("a paragraph is accounted for when quotes cover more than half of its words", "[document][trace]") {
  auto folder = fs::temp_directory_path() / "escc-document-share";
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::ofstream(folder / "document.txt") << "one two three four\n\n"
                                            "five six seven eight\n\n"
                                            "nine ten eleven twelve\n\n"
                                            "repeated words here\n\n"
                                            "repeated words here\n";
  std::ofstream(folder / "protocol.esc") << "protocol \"Shares\" {\n"
                                            "  document \"document.txt\"\n"
                                            "  context \"one two\"\n"
                                            "  context \"five six seven\"\n"
                                            "  note \"nine ten eleven twelve\"\n"
                                            "  context \"repeated words here\"\n"
                                            "  source \"repeated words here\"\n"
                                            "}\n";
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files({(folder / "protocol.esc").string()}, reader, sources, sink, {});
  REQUIRE(run.files.at(0).resolved);
  auto trace = esc::analysis::trace_document(run.files[0].model, run.files[0].analyses);
  REQUIRE(trace);
  REQUIRE(trace->paragraphs.size() == 5);
  using Status = esc::analysis::ParagraphStatus;
  // Half is not most.
  CHECK(trace->paragraphs[0].quoted_words == 2);
  CHECK(trace->paragraphs[0].status == Status::not_accounted_for);
  CHECK(trace->paragraphs[1].status == Status::context_only);
  // A note is the transcriber's own words: it accounts for nothing.
  CHECK(trace->paragraphs[2].status == Status::not_accounted_for);
  // Words the document repeats are quoted by each quote of them in turn.
  CHECK(trace->paragraphs[3].status == Status::context_only);
  CHECK(trace->paragraphs[4].status == Status::statements);
  CHECK(trace->accounted_for == 3);
  CHECK(trace->percent() == 60);
  CHECK(trace->covers(60));
  CHECK_FALSE(trace->covers(60.5));
  fs::remove_all(folder);
}

namespace {

struct BadDocument {
  std::string name;
  std::string document_line;
  std::string expected;  // "CODE line:column message"
};

using esc::test::MemoryWriter;

}  // namespace

TEST_CASE("a document that is missing, not text, not a file or outside the folders stops the build", "[document]") {
  auto folder = fs::temp_directory_path() / "escc-bad-documents";
  fs::remove_all(folder);
  fs::create_directories(folder / "protocols" / "sources");
  fs::create_directories(folder / "elsewhere");
  std::ofstream(folder / "protocols" / "sources" / "binary.txt", std::ios::binary) << std::string("PK\x03\x04\0\0", 6);
  std::ofstream(folder / "protocols" / "sources" / "latin1.txt", std::ios::binary) << "line one\ncaf\xE9\n";
  std::ofstream(folder / "protocols" / "sources" / "empty.txt", std::ios::binary);
  std::ofstream(folder / "protocols" / "sources" / "good.txt", std::ios::binary) << "The document.\n";
  std::ofstream(folder / "elsewhere" / "secret.txt", std::ios::binary) << "Not the protocol's.\n";
  fs::create_symlink(folder / "elsewhere" / "secret.txt", folder / "protocols" / "sources" / "link.txt");
  auto root = (folder / "protocols").string();
  const std::vector<BadDocument> cases = {
      {"missing", R"(document "sources/missing.txt")", "N003 2:12 cannot find the document 'sources/missing.txt'"},
      {"folder", R"(document "sources")",
       "I001 2:12 cannot read " + root + "/sources: it is a folder, not a file"},
      {"binary", R"(document "sources/binary.txt")",
       "I003 2:12 the document sources/binary.txt holds a NUL byte (line 1), so it is not text: name the plain-text "
       "extraction of the document, not the PDF or word-processor file"},
      {"latin1", R"(document "sources/latin1.txt")",
       "I002 2:12 the document sources/latin1.txt is not UTF-8 text: byte 0xE9 on line 2 is not valid UTF-8; save "
       "the document as UTF-8 text"},
      {"empty", R"(document "sources/empty.txt")", "I004 2:12 the document sources/empty.txt is empty"},
      {"climbs out", R"(document "../elsewhere/secret.txt")",
       "N005 2:12 '../elsewhere/secret.txt' leads outside the folders documents are looked up in"},
      {"absolute", "document \"" + (folder / "elsewhere" / "secret.txt").string() + "\"",
       "N005 2:12 documents are looked up inside the protocol's folder and the -I folders; write a path relative "
       "to them, not an absolute path"},
      {"link", R"(document "sources/link.txt")",
       "N005 2:12 '" + root + "/sources/link.txt' is a link that leads outside the folders documents are looked up in"},
      {"two documents", "document \"sources/good.txt\"\n  document \"sources/good.txt\"",
       "N002 3:3 the protocol names a second document; a protocol states one document"},
  };
  for (const auto& bad : cases) {
    INFO(bad.name);
    auto path = folder / "protocols" / "protocol.esc";
    std::ofstream(path, std::ios::binary) << "protocol \"A protocol\" {\n  " << bad.document_line << "\n}\n";
    esc::DiskFileReader reader;
    MemoryWriter writer;
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    esc::BuildOptions options;
    options.output_folder = (folder / "out").string();
    options.check.today = esc::day_number({2026, 11, 23});
    auto run = esc::build_files({path.string()}, reader, writer, sources, sink, options);
    std::vector<std::string> found;
    for (const auto& d : sink.diagnostics()) {
      REQUIRE(d.span);
      auto at = sources.file(d.span->file).locate(d.span->begin);
      found.push_back(fmt::format("{} {}:{} {}", esc::code_info(d.code).id, at.line, at.column, d.message));
    }
    CHECK(found == std::vector<std::string>{bad.expected});
    CHECK((run.refused || run.io_problem));
    CHECK(writer.files.empty());
  }
  fs::remove_all(folder);
}
