// HTML contact directories for a board's website: one self-contained page per
// protocol (no external assets, no network), readable without JavaScript, with a
// "who to contact now" view when scripts run, and an index page linking them all.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/backends/amendments.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

struct DirectoryPage {
  const model::Model* model = nullptr;
  const analysis::Analyses* analyses = nullptr;
  const Chart* chart = nullptr;
  std::string svg;          // the drawn chart, embedded in the page
  std::string source_name;  // "barnet.esc", for the footer
  std::vector<std::string> files;  // the files built beside the page, which the index links
  // Advice of the page's publisher for "who to contact now" (`escc build --publisher-advice`),
  // shown as theirs; none when empty: the protocol's words are the page's.
  std::string publisher_advice = {};
};

// The head of a page, its style and its Content-Security-Policy: `scripts` is the CSP's
// script-src ('none' for a page without a script); `extra` goes in the head as it is.
std::string page_head(std::string_view title, std::string_view scripts, std::string_view extra = {});

// What a printed page says of itself, shown only on paper. A protocol's page puts the
// date of printing in with its script; a page without a script says it without a date.
inline constexpr std::string_view printed_copy_words =
    "This is a printed copy. Check the website for the current version.";
std::string printed_copy_html();

// With `amendments` (a build that compares with the published version), the page has an
// "Amendments" section and names their feed in its head.
std::string emit_html(const DirectoryPage& page, const Amendments* amendments = nullptr);

// One protocol on the index page. The index lists every page escc made in the folder,
// from this build or an earlier one: each page carries its entry in a <meta> tag.
struct IndexEntry {
  std::string stem;                 // "barnet": the page is barnet.html
  std::string title;
  std::vector<std::string> facts;   // partnership, status, review date
  std::vector<std::string> files;   // "barnet.dot", "barnet.html"...
};

IndexEntry index_entry(const model::Model& model, std::string stem, std::vector<std::string> files);
// The entry carried by the head of the page `stem`.html, when it has one, with only
// the files that `exists` says are still there.
std::optional<IndexEntry> read_index_entry(std::string_view head, const std::string& stem,
                                           const std::function<bool(const std::string&)>& exists);

// With `amendments_feed`, the index names and links amendments.atom.
std::string emit_index(const std::vector<IndexEntry>& entries, bool amendments_feed = false);

// A link to a file in the same folder: "./" and the name, every byte but letters,
// digits and "-._~" percent-encoded, so that no name can be read as a scheme
// ("javascript:"), a query, a fragment or an escape.
std::string relative_href(std::string_view file_name);

}  // namespace esc::backends
