// Files compiled into the binary by cmake/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace esc {

struct EmbeddedFile {
  std::string_view path;  // relative to its folder: "calendars/scotland.esc", "T001.md"
  std::string_view text;
};

const std::vector<EmbeddedFile>& stdlib_files();       // stdlib/**/*.esc
const std::vector<EmbeddedFile>& explanation_pages();  // docs/diagnostics/*.md
const std::vector<EmbeddedFile>& runtime_files();      // runtime/**/*.hpp
const std::vector<EmbeddedFile>& word_lists();        // stdlib/*.txt: the words the dictionary lacks
const std::vector<EmbeddedFile>& page_assets();        // compiler/backends/page/*: "directory.css"
const std::vector<EmbeddedFile>& starter_templates();  // compiler/driver/starter/*: what `escc init` writes

}  // namespace esc
