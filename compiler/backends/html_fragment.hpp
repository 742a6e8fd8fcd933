// The page for embedding in a partnership's own site (`escc build --emit html-fragment`):
// the page's body without the document around it (no html, head or body, no style or
// script of its own), with every id and class prefixed "escc-" so that neither the site's
// style nor its scripts can reach into it by accident, nor it into theirs. Its style and
// script are shared files beside it, for the site to link once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/backends/html.hpp"

namespace esc::backends {

inline constexpr std::string_view fragment_prefix = "escc-";
inline constexpr std::string_view fragment_style_name = "escc-fragment.css";
inline constexpr std::string_view fragment_script_name = "escc-fragment.js";

std::string emit_html_fragment(const DirectoryPage& page, const Amendments* amendments = nullptr);

// Markup with the ids and classes it names (class, id, for, aria-labelledby, href="#...")
// begun with `prefix`; `<main>` becomes a plain block, since the site has its own.
std::string namespaced_markup(std::string_view html, std::string_view prefix);
// A style sheet whose selectors reach only inside the fragment's root (`.PREFIXpage`),
// with every class and id prefixed; rules for the printed page (@page) are left out,
// being the site's.
std::string namespaced_style(std::string_view css, std::string_view prefix);

struct SharedFile {
  std::string name;
  std::string text;
};
// The style and script every fragment uses, written once into the folder.
std::vector<SharedFile> fragment_files();

}  // namespace esc::backends
