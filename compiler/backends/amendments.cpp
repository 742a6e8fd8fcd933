#include "compiler/backends/amendments.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "compiler/backends/html.hpp"
#include "compiler/backends/json.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/model/dates.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;

std::string hex(std::string_view bytes, std::size_t digits) {
  auto hash = sha256(bytes);
  std::string out;
  for (auto byte : hash) out += fmt::format("{:02x}", byte);
  return out.substr(0, digits);
}

// A name-based UUID (RFC 4122, version 5 in form, SHA-256 in substance): an Atom id
// that stays the same from build to build for the same protocol and versions.
std::string uuid_urn(std::string_view name) {
  auto digits = hex(name, 32);
  digits[12] = '5';
  digits[16] = "89ab"[std::stoi(digits.substr(16, 1), nullptr, 16) & 3];
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", digits.substr(0, 8), digits.substr(8, 4), digits.substr(12, 4),
                     digits.substr(16, 4), digits.substr(20));
}

std::string entry_heading(const Amendment& entry) {
  auto heading = "Amended " + entry.date_text;
  if (!entry.version.empty()) heading += ", version " + entry.version;
  return heading;
}

// The changes as a list, in the order escc diff gives them.
std::string changes_html(const Amendment& entry) {
  std::string out = "<ul>\n";
  for (const auto& change : entry.changes) {
    out += fmt::format("<li><strong>{}</strong>: {}</li>\n", markup_text(change.subject),
                       markup_text(change.description));
  }
  return out + "</ul>\n";
}

std::string entries_html(const Amendments& amendments, int level) {
  if (amendments.entries.empty()) return "<p>No amendments are recorded for this protocol.</p>\n";
  std::string out;
  for (const auto& entry : amendments.entries) {
    out += fmt::format("<h{0}>{1}</h{0}>\n", level, markup_text(entry_heading(entry)));
    out += changes_html(entry);
  }
  return out;
}

std::string atom_time(std::string_view iso_day) { return std::string(iso_day) + "T00:00:00Z"; }

std::string atom_entry(const Amendments& protocol, const Amendment& entry) {
  auto title = fmt::format("{}: {}", protocol.title, entry_heading(entry));
  title[protocol.title.size() + 2] = 'a';  // "Title: amended 15 January 2026"
  std::string content;
  for (const auto& change : entry.changes) {
    content += fmt::format("<li><strong>{}</strong>: {}</li>", markup_text(change.subject),
                           markup_text(change.description));
  }
  return fmt::format(
      "<entry>\n<id>{id}</id>\n<title>{title}</title>\n<updated>{updated}</updated>\n"
      "<author><name>{author}</name></author>\n"
      "<link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n"
      "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><ul>{content}</ul></div></content>\n"
      "</entry>\n",
      fmt::arg("id", markup_text(entry.id)), fmt::arg("title", markup_text(title)),
      fmt::arg("updated", atom_time(entry.date)), fmt::arg("author", markup_text(protocol.authors)),
      fmt::arg("page", markup_text(relative_href(amendments_page_name(protocol.stem)))),
      fmt::arg("content", content));
}

std::string atom_feed(std::string_view id, std::string_view title, std::string_view author, std::string_view self,
                      std::string_view page, std::string_view updated, const std::string& entries) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n"
      "<id>{id}</id>\n<title>{title}</title>\n<updated>{updated}</updated>\n<author><name>{author}</name></author>\n"
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"{self}\"/>\n"
      "<link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n{entries}</feed>\n",
      fmt::arg("id", markup_text(id)), fmt::arg("title", markup_text(title)), fmt::arg("updated", atom_time(updated)),
      fmt::arg("author", markup_text(author)), fmt::arg("self", markup_text(relative_href(self))),
      fmt::arg("page", markup_text(relative_href(page))), fmt::arg("entries", entries));
}

}  // namespace

std::string meaning_hash(const model::Model& model, const analysis::Analyses& analyses) {
  // Without the file's name: the same protocol moved is the same version.
  return hex(emit_json(model, analyses, ""), 16);
}

Amendment amendment_of(std::string_view stem, const std::string& before_hash, const model::Model& after,
                       const analysis::Analyses& after_analyses, std::vector<analysis::Change> changes,
                       std::int64_t today) {
  Amendment entry;
  entry.from = before_hash;
  entry.to = meaning_hash(after, after_analyses);
  entry.id = uuid_urn(fmt::format("{}\n{}\n{}", stem, entry.from, entry.to));
  auto day = civil_date(today);
  entry.date = iso_date(day);
  entry.date_text = long_date(day);
  if (after.protocol) {
    if (const auto& dated = after.protocol->dated; dated && !dated->year_only()) {
      CivilDate own{dated->year, dated->month, dated->month_only() ? 1 : dated->day};
      entry.date = iso_date(own);
      entry.date_text = long_date(own, dated->month_only());
    }
    if (after.protocol->version) entry.version = std::string(after.protocol->version->value);
  }
  entry.changes = std::move(changes);
  return entry;
}

Amendments amendments_of(std::string_view stem, const model::Model& model, std::vector<Amendment> earlier,
                         std::optional<Amendment> latest, std::int64_t today) {
  Amendments amendments;
  amendments.stem = std::string(stem);
  amendments.title = model.protocol ? std::string(model.protocol->title.value) : std::string(stem);
  amendments.authors = model.protocol && !model.protocol->partnerships.empty() ? model.protocol->partnership_names()
                                                                              : amendments.title;
  amendments.today = iso_date(civil_date(today));
  if (latest) {
    // Built again from the same published version: this build's amendment replaces it.
    std::erase_if(earlier, [&](const Amendment& entry) { return entry.from == latest->from || entry.id == latest->id; });
    amendments.entries.push_back(std::move(*latest));
  }
  for (auto& entry : earlier) amendments.entries.push_back(std::move(entry));
  return amendments;
}

std::string amendments_page_name(std::string_view stem) { return std::string(stem) + "-amendments.html"; }
std::string amendments_feed_name(std::string_view stem) { return std::string(stem) + "-amendments.atom"; }
std::string amendments_list_name(std::string_view stem) { return std::string(stem) + "-amendments.json"; }

std::string emit_amendments_json(const Amendments& amendments) {
  auto list = json::array();
  for (const auto& entry : amendments.entries) {
    auto changes = json::array();
    for (const auto& change : entry.changes) {
      changes.push_back({{"kind", std::string(analysis::change_kind_name(change.kind))},
                         {"subject", change.subject},
                         {"description", change.description}});
    }
    list.push_back({{"id", entry.id},
                    {"date", entry.date},
                    {"date_text", entry.date_text},
                    {"version", entry.version},
                    {"from", entry.from},
                    {"to", entry.to},
                    {"changes", changes}});
  }
  json root{{"protocol", amendments.title}, {"amendments", list}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<std::vector<Amendment>> read_amendments_json(std::string_view text, std::string& problem) {
  std::map<std::string, analysis::ChangeKind, std::less<>> kinds;
  for (auto kind : analysis::all_change_kinds()) kinds.emplace(analysis::change_kind_name(kind), kind);
  std::vector<Amendment> entries;
  try {
    auto root = json::parse(text);
    for (const auto& item : root.at("amendments")) {
      Amendment entry;
      entry.id = item.at("id").get<std::string>();
      entry.date = item.at("date").get<std::string>();
      entry.date_text = item.at("date_text").get<std::string>();
      entry.version = item.at("version").get<std::string>();
      entry.from = item.at("from").get<std::string>();
      entry.to = item.at("to").get<std::string>();
      if (!parse_iso_date(entry.date)) throw std::runtime_error("the date '" + entry.date + "' is not YYYY-MM-DD");
      for (const auto& change : item.at("changes")) {
        auto kind = kinds.find(change.at("kind").get<std::string>());
        if (kind == kinds.end()) throw std::runtime_error("a change of an unknown kind");
        entry.changes.push_back(
            {kind->second, change.at("subject").get<std::string>(), change.at("description").get<std::string>()});
      }
      entries.push_back(std::move(entry));
    }
  } catch (const std::exception& error) {
    problem = fmt::format("it is not a list of amendments escc wrote ({})", error.what());
    return std::nullopt;
  }
  return entries;
}

std::string amendments_feed_link(const Amendments& amendments) {
  return fmt::format("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">\n",
                     markup_text("Amendments: " + amendments.title),
                     markup_text(relative_href(amendments_feed_name(amendments.stem))));
}

std::string amendments_section_html(const Amendments& amendments) {
  return fmt::format(
      "<section id=\"amendments\" aria-labelledby=\"amendments-heading\">\n"
      "<h2 id=\"amendments-heading\">Amendments</h2>\n"
      "<p>What has changed since earlier published versions, newest first. "
      "<a href=\"{page}\">All amendments on a page of their own</a>; "
      "<a href=\"{feed}\">follow amendments in a feed reader</a>.</p>\n{entries}</section>\n",
      fmt::arg("page", markup_text(relative_href(amendments_page_name(amendments.stem)))),
      fmt::arg("feed", markup_text(relative_href(amendments_feed_name(amendments.stem)))),
      fmt::arg("entries", entries_html(amendments, 3)));
}

std::string emit_amendments_page(const Amendments& amendments) {
  auto title = "Amendments: " + amendments.title;
  std::string out = page_head(title, "'none'", amendments_feed_link(amendments));
  out += fmt::format(
      "<body>\n<header>\n<h1>{title}</h1>\n</header>\n<main>\n"
      "<p>What has changed in <a href=\"{page}\">{protocol}</a> since earlier published versions, newest first. "
      "<a href=\"{feed}\">Follow amendments in a feed reader</a>.</p>\n{entries}</main>\n<footer>\n{printed}</footer>\n"
      "</body>\n</html>\n",
      fmt::arg("title", markup_text(title)),
      fmt::arg("page", markup_text(relative_href(amendments.stem + ".html"))),
      fmt::arg("protocol", markup_text(amendments.title)),
      fmt::arg("feed", markup_text(relative_href(amendments_feed_name(amendments.stem)))),
      fmt::arg("entries", entries_html(amendments, 2)), fmt::arg("printed", printed_copy_html()));
  return out;
}

std::string emit_amendments_atom(const Amendments& amendments) {
  std::string entries;
  for (const auto& entry : amendments.entries) entries += atom_entry(amendments, entry);
  auto updated = amendments.entries.empty() ? amendments.today : amendments.entries.front().date;
  for (const auto& entry : amendments.entries) updated = std::max(updated, entry.date);
  return atom_feed(uuid_urn("amendments\n" + amendments.stem), "Amendments: " + amendments.title, amendments.authors,
                   amendments_feed_name(amendments.stem), amendments_page_name(amendments.stem), updated, entries);
}

std::string emit_index_atom(const std::vector<Amendments>& protocols, std::int64_t today) {
  std::vector<std::pair<const Amendments*, const Amendment*>> all;
  std::vector<std::string> authors;
  for (const auto& protocol : protocols) {
    if (std::find(authors.begin(), authors.end(), protocol.authors) == authors.end()) authors.push_back(protocol.authors);
    for (const auto& entry : protocol.entries) all.emplace_back(&protocol, &entry);
  }
  // Newest first; on one day, in the order of the index.
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second->date > b.second->date; });
  std::string entries;
  for (const auto& [protocol, entry] : all) entries += atom_entry(*protocol, *entry);
  auto updated = all.empty() ? iso_date(civil_date(today)) : all.front().second->date;
  return atom_feed(uuid_urn("amendments"), "Amendments to escalation protocols", fmt::format("{}", fmt::join(authors, "; ")),
                   index_feed_name, "index.html", updated, entries);
}

}  // namespace esc::backends
