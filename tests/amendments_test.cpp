// `escc build --previous`: each protocol's amendments against its published version, as
// a section of its page, a page of its own, Atom feeds and the list the next build
// carries on; earlier amendments kept; a published version with errors stops the build.
#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <map>
#include <set>

#include "compiler/backends/amendments.hpp"
#include "compiler/driver/build.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/source/embedded.hpp"
#include "tests/golden.hpp"
#include "tests/support.hpp"

namespace {

using esc::test::MemoryWriter;

// Repository files by their path in the repository, and files of the test's own.
class TestReader final : public esc::FileReader {
 public:
  std::optional<std::string> read(const std::string& path, std::string& problem) override {
    if (auto own = files.find(path); own != files.end()) return own->second;
    return disk_.read(std::string(ESCC_SOURCE_DIR) + "/" + path, problem);
  }
  std::map<std::string, std::string> files;

 private:
  esc::DiskFileReader disk_;
};

// The published version of each protocol named in `published`.
class TestPublished final : public esc::PublishedVersions {
 public:
  std::optional<std::string> published(const std::string& path) override {
    auto found = published_as.find(path);
    if (found == published_as.end()) return std::nullopt;
    return found->second;
  }
  esc::FileReader& reader() override { return files; }
  std::map<std::string, std::string> published_as;
  TestReader files;
};

struct Built {
  esc::BuildRun run;
  esc::DiagnosticSink sink;
  MemoryWriter writer;
};

void build(Built& built, const std::vector<std::string>& paths, TestPublished& published,
           const std::vector<std::string>& emit = {"html", "json"}) {
  TestReader reader;
  esc::SourceManager sources;
  esc::BuildOptions options;
  options.output_folder = "out";
  options.emit = emit;
  options.check.today = esc::day_number({2026, 11, 23});
  options.previous = &published;
  built.run = esc::build_files(paths, reader, built.writer, sources, built.sink, options);
}

using esc::test::compare_with_golden;

std::string section_of(const std::string& page) {
  auto begin = page.find("<section id=\"amendments\"");
  if (begin == std::string::npos) return {};
  return page.substr(begin, page.find("</section>", begin) + 11 - begin);
}

// The Atom 1.0 rules a feed reader relies on (RFC 4287, 4.1.1 and 4.1.2), checked on the
// parsed XML: well-formed, one id, title and updated in the feed and in each entry, ids
// that are URIs and unique, dates in RFC 3339, an author for every entry, a self link.
struct AtomFeed {
  std::vector<std::string> entry_ids;
  std::vector<std::string> entry_titles;
  std::string updated;
};

const xmlChar* xml_name(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

std::vector<xmlNodePtr> children(xmlNodePtr parent, const char* name) {
  std::vector<xmlNodePtr> found;
  for (auto* node = parent->children; node != nullptr; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, xml_name(name)) == 0 && node->ns != nullptr &&
        xmlStrcmp(node->ns->href, xml_name("http://www.w3.org/2005/Atom")) == 0) {
      found.push_back(node);
    }
  }
  return found;
}

std::string text_of(xmlNodePtr node) {
  auto* content = xmlNodeGetContent(node);
  std::string text = content != nullptr ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

bool rfc3339(const std::string& text) {
  return text.size() == 20 && esc::parse_iso_date(text.substr(0, 10)) && text.substr(10) == "T00:00:00Z";
}

void check_common(xmlNodePtr node, bool needs_author) {
  for (const auto* name : {"id", "title", "updated"}) {
    INFO(name);
    CHECK(children(node, name).size() == 1);
  }
  auto ids = children(node, "id");
  if (!ids.empty()) CHECK(text_of(ids[0]).rfind("urn:uuid:", 0) == 0);
  auto updated = children(node, "updated");
  if (!updated.empty()) CHECK(rfc3339(text_of(updated[0])));
  if (needs_author) {
    auto authors = children(node, "author");
    REQUIRE(authors.size() == 1);
    CHECK(children(authors[0], "name").size() == 1);
  }
}

AtomFeed checked_atom(const std::string& xml) {
  AtomFeed feed;
  auto* document = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.atom", nullptr, XML_PARSE_NONET);
  REQUIRE(document != nullptr);
  auto* root = xmlDocGetRootElement(document);
  REQUIRE(root != nullptr);
  CHECK(xmlStrcmp(root->name, xml_name("feed")) == 0);
  REQUIRE(root->ns != nullptr);
  CHECK(xmlStrcmp(root->ns->href, xml_name("http://www.w3.org/2005/Atom")) == 0);
  check_common(root, true);
  bool self = false;
  for (auto* link : children(root, "link")) {
    auto* rel = xmlGetProp(link, xml_name("rel"));
    self = self || (rel != nullptr && xmlStrcmp(rel, xml_name("self")) == 0);
    xmlFree(rel);
  }
  CHECK(self);
  feed.updated = text_of(children(root, "updated").at(0));
  std::set<std::string> unique;
  for (auto* entry : children(root, "entry")) {
    check_common(entry, true);
    // Content given inline: no summary is then required; the xhtml is one div.
    auto contents = children(entry, "content");
    REQUIRE(contents.size() == 1);
    auto* type = xmlGetProp(contents[0], xml_name("type"));
    CHECK(xmlStrcmp(type, xml_name("xhtml")) == 0);
    xmlFree(type);
    auto id = text_of(children(entry, "id").at(0));
    CHECK(unique.insert(id).second);
    feed.entry_ids.push_back(id);
    feed.entry_titles.push_back(text_of(children(entry, "title").at(0)));
    CHECK(text_of(children(entry, "updated").at(0)) <= feed.updated);
  }
  xmlFreeDoc(document);
  return feed;
}

std::string_view page_style() {
  for (const auto& file : esc::page_assets()) {
    if (file.path == "directory.css") return file.text;
  }
  FAIL("escc does not embed directory.css");
  return {};
}

const char* const protocol_names[] = {"barnet", "enfield", "herefordshire", "merton", "wolverhampton"};

}  // namespace

TEST_CASE("each protocol's amendments against its published version match their golden files", "[golden][amendments]") {
  for (const auto* name : protocol_names) {
    auto edited = std::string("tests/diff/") + name + "-edited.esc";
    INFO(edited);
    TestPublished published;
    published.published_as[edited] = std::string("protocols/") + name + ".esc";
    Built built;
    build(built, {edited}, published);
    REQUIRE_FALSE(built.run.refused);
    REQUIRE_FALSE(built.run.io_problem);
    auto stem = std::string(name) + "-edited";
    const auto& files = built.writer.files;
    auto page = files.at("out/" + stem + ".html");
    compare_with_golden(section_of(page), std::string("tests/golden/amendments/") + name + ".section.html");
    CHECK(page.find("<link rel=\"alternate\" type=\"application/atom+xml\"") != std::string::npos);
    // The style every page shares is pinned once, by the pages' own golden files.
    auto amendments_page = files.at("out/" + stem + "-amendments.html");
    auto style = std::string(page_style());
    REQUIRE(amendments_page.find(style) != std::string::npos);
    amendments_page.replace(amendments_page.find(style), style.size(), "{{directory.css}}");
    compare_with_golden(amendments_page, std::string("tests/golden/amendments/") + name + ".html");
    // Readers are told of parts by their numbers and titles, never by the names the
    // protocol file gives its agencies, routes and definitions.
    const auto& model = built.run.checked.files.at(0).model;
    std::vector<std::string> internal;
    for (const auto& agency : model.agencies) internal.push_back("<strong>" + agency.name + " ");
    for (const auto& stage : model.stages) internal.push_back("<strong>" + stage.label());
    for (const auto& hours : model.hours) internal.push_back(": " + hours.name + " &quot;");
    for (const auto& said : internal) {
      INFO(said);
      CHECK(amendments_page.find(said) == std::string::npos);
      CHECK(files.at("out/" + stem + "-amendments.atom").find(said) == std::string::npos);
    }
    compare_with_golden(files.at("out/" + stem + "-amendments.atom"),
                        std::string("tests/golden/amendments/") + name + ".atom");
    compare_with_golden(files.at("out/" + stem + "-amendments.json"),
                        std::string("tests/golden/amendments/") + name + ".json");
    auto feed = checked_atom(files.at("out/" + stem + "-amendments.atom"));
    CHECK(feed.entry_ids.size() == 1);
    auto index = checked_atom(files.at("out/amendments.atom"));
    CHECK(index.entry_ids == feed.entry_ids);
  }
}

TEST_CASE("every protocol's amendments in one feed for the index, valid Atom", "[amendments]") {
  TestPublished published;
  std::vector<std::string> edited;
  for (const auto* name : protocol_names) {
    edited.push_back(std::string("tests/diff/") + name + "-edited.esc");
    published.published_as[edited.back()] = std::string("protocols/") + name + ".esc";
  }
  Built built;
  build(built, edited, published, {"json"});
  REQUIRE_FALSE(built.run.refused);
  auto feed = checked_atom(built.writer.files.at("out/amendments.atom"));
  CHECK(feed.entry_ids.size() == 5);
  // The same build gives the same ids: a feed reader does not see old amendments as new.
  Built again;
  build(again, edited, published, {"json"});
  CHECK(again.writer.files.at("out/amendments.atom") == built.writer.files.at("out/amendments.atom"));
}

TEST_CASE("earlier amendments are kept, and one built again from the same version is replaced", "[amendments]") {
  // Published: barnet; amended: the edited copy. Then the edited copy is published with
  // its list, and the protocol goes back to what it was: a second amendment.
  TestPublished first_published;
  first_published.published_as["tests/diff/barnet-edited.esc"] = "protocols/barnet.esc";
  Built first;
  build(first, {"tests/diff/barnet-edited.esc"}, first_published, {"json"});
  REQUIRE_FALSE(first.run.refused);
  auto list = first.writer.files.at("out/barnet-edited-amendments.json");

  TestPublished second_published;
  second_published.published_as["published/barnet-edited.esc"] = "published/barnet-edited.esc";
  second_published.files.files["published/barnet-edited.esc"] =
      esc::test::read_repository_file("tests/diff/barnet-edited.esc");
  second_published.files.files["published/barnet-edited-amendments.json"] = list;
  // The protocol as first published, under the name it was published by.
  second_published.files.files["published/sources/barnet.txt"] = esc::test::read_repository_file("protocols/sources/barnet.txt");
  Built second;
  second_published.published_as["tests/diff/barnet-edited.esc"] = "published/barnet-edited.esc";
  build(second, {"tests/diff/barnet-edited.esc"}, second_published, {"json"});
  REQUIRE_FALSE(second.run.refused);
  // The same version as published: no change, and the list as it was.
  CHECK(second.writer.files.at("out/barnet-edited-amendments.json") == list);

  // Published again with the list, the first amendment is built again from the same
  // version: replaced, not listed twice.
  TestPublished third_published;
  third_published.published_as["tests/diff/barnet-edited.esc"] = "protocols/barnet.esc";
  third_published.files.files["protocols/barnet-amendments.json"] = list;
  Built third;
  build(third, {"tests/diff/barnet-edited.esc"}, third_published, {"json"});
  REQUIRE_FALSE(third.run.refused);
  CHECK(third.writer.files.at("out/barnet-edited-amendments.json") == list);
  auto feed = checked_atom(third.writer.files.at("out/barnet-edited-amendments.atom"));
  CHECK(feed.entry_ids.size() == 1);

  // From the edited copy back to the protocol: a second amendment, newest first.
  TestPublished fourth_published;
  fourth_published.published_as["protocols/barnet.esc"] = "published/barnet.esc";
  fourth_published.files.files["published/barnet.esc"] = esc::test::read_repository_file("tests/diff/barnet-edited.esc");
  fourth_published.files.files["published/barnet-amendments.json"] = list;
  Built fourth;
  build(fourth, {"protocols/barnet.esc"}, fourth_published, {"json"});
  REQUIRE_FALSE(fourth.run.refused);
  auto two = checked_atom(fourth.writer.files.at("out/barnet-amendments.atom"));
  REQUIRE(two.entry_ids.size() == 2);
  auto earlier = checked_atom(first.writer.files.at("out/barnet-edited-amendments.atom"));
  CHECK(two.entry_ids[1] == earlier.entry_ids[0]);
  CHECK(two.entry_ids[0] != two.entry_ids[1]);
}

TEST_CASE("a published version with errors, or a list of amendments escc did not write, stops the build",
          "[amendments]") {
  TestPublished published;
  published.published_as["tests/diff/barnet-edited.esc"] = "published/barnet.esc";
  published.files.files["published/barnet.esc"] = "protocol \"Broken\" {\n  resolve within 2 workng days\n";
  Built broken;
  build(broken, {"tests/diff/barnet-edited.esc"}, published);
  CHECK(broken.run.refused);
  CHECK(broken.writer.files.empty());
  REQUIRE(broken.sink.errors() > 0);
  for (const auto& diagnostic : broken.sink.diagnostics()) {
    if (diagnostic.severity != esc::Severity::error) continue;
    REQUIRE_FALSE(diagnostic.notes.empty());
    CHECK(diagnostic.notes.back().message == "in the published version given by --previous");
  }

  TestPublished bad_list;
  bad_list.published_as["tests/diff/barnet-edited.esc"] = "protocols/barnet.esc";
  bad_list.files.files["protocols/barnet-amendments.json"] = "{\"amendments\": [{\"id\": 3}]}";
  Built refused;
  build(refused, {"tests/diff/barnet-edited.esc"}, bad_list);
  CHECK(refused.run.refused);
  CHECK(refused.writer.files.empty());
  REQUIRE(refused.sink.errors() == 1);
  CHECK(refused.sink.diagnostics().back().message.find("cannot read the amendments published in "
                                                        "protocols/barnet-amendments.json") == 0);
}

TEST_CASE("a protocol named like another's amendments is refused", "[amendments]") {
  TestPublished published;
  Built built;
  // Not published before: no amendments, but the files are still written, and would clash.
  build(built, {"protocols/barnet.esc", "tests/amendments/barnet-amendments.esc"}, published);
  CHECK(built.run.refused);
  CHECK(built.writer.files.empty());
}
