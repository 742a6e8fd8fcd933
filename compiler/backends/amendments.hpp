// Amendments: what changed in meaning between the published version of a protocol and
// this one (escc diff's facts), dated, kept with the amendments published before it,
// and written as a section of the protocol's page, a page of its own and Atom feeds a
// reader can subscribe to. The list itself is also written as JSON, so that the next
// build can carry it on (docs/design-decisions.md, "Amendments").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/analysis/analyses.hpp"
#include "compiler/analysis/semantic_diff.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

struct Amendment {
  std::string id;         // "urn:uuid:...", from the protocol's name and both versions' hashes
  std::string date;       // "2026-01-15": the protocol's own date, else the day of the build
  std::string date_text;  // "15 January 2026", "March 2024": as the protocol gives it
  std::string version;    // the protocol's own version, when it gives one
  std::string from;       // meaning_hash of the published version
  std::string to;         // meaning_hash of the amended one
  std::vector<analysis::Change> changes;
};

struct Amendments {
  std::string stem;     // "barnet": the pages are barnet.html and barnet-amendments.html
  std::string title;    // the protocol's
  std::string authors;  // the partnerships that publish it, or the title when it names none
  std::string today;    // the build's date, for a feed with no amendment yet
  std::vector<Amendment> entries;  // newest first
};

// Identifies what a version of a protocol means: the same resolved model, the same hash.
std::string meaning_hash(const model::Model& model, const analysis::Analyses& analyses);

// The changes with their subjects as a reader would say them, from the two versions'
// models: a stage by its number and title, an agency by its name, a line by its agency
// and its title, never by the names the protocol file gives them ("adult_services line
// initial" is "Barnet Adult Social Care Services, Initial line of escalation").
std::vector<analysis::Change> said_for_readers(std::vector<analysis::Change> changes, const model::Model& before,
                                               const model::Model& after);

// The amendment from the version `before_hash` to `after`, dated as `after` dates itself.
Amendment amendment_of(std::string_view stem, const std::string& before_hash, const model::Model& after,
                       const analysis::Analyses& after_analyses, std::vector<analysis::Change> changes,
                       std::int64_t today);

// The protocol's amendments: `latest` (when there is one) before the `earlier` ones; an
// earlier amendment from the same published version is one this build replaces.
Amendments amendments_of(std::string_view stem, const model::Model& model, std::vector<Amendment> earlier,
                         std::optional<Amendment> latest, std::int64_t today);

// The files, named after the protocol's stem.
std::string amendments_page_name(std::string_view stem);  // "barnet-amendments.html"
std::string amendments_feed_name(std::string_view stem);  // "barnet-amendments.atom"
std::string amendments_list_name(std::string_view stem);  // "barnet-amendments.json"
inline constexpr std::string_view index_feed_name = "amendments.atom";

std::string emit_amendments_json(const Amendments& amendments);
// The amendments a previous build wrote with emit_amendments_json; nothing, with the
// reason in `problem`, when the text is not such a list.
std::optional<std::vector<Amendment>> read_amendments_json(std::string_view text, std::string& problem);

// The "Amendments" section of the protocol's page, and the page of its own.
std::string amendments_section_html(const Amendments& amendments);
std::string emit_amendments_page(const Amendments& amendments);
// The <link> in a page's head by which browsers and feed readers find the feed.
std::string amendments_feed_link(const Amendments& amendments);

// Atom 1.0 (RFC 4287): one protocol's amendments, and every protocol's for the index.
std::string emit_amendments_atom(const Amendments& amendments);
std::string emit_index_atom(const std::vector<Amendments>& protocols, std::int64_t today);

}  // namespace esc::backends
