#include "compiler/backends/html_fragment.hpp"

#include <fmt/format.h>

#include <cctype>

#include "compiler/backends/markup.hpp"

namespace esc::backends {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

std::string prefixed(std::string_view name, std::string_view prefix) {
  if (name.empty() || name.substr(0, prefix.size()) == prefix) return std::string(name);
  return std::string(prefix) + std::string(name);
}

// "a b c" -> "escc-a escc-b escc-c".
std::string prefixed_tokens(std::string_view value, std::string_view prefix) {
  std::string out;
  std::size_t at = 0;
  while (at < value.size()) {
    auto end = value.find(' ', at);
    if (end == std::string_view::npos) end = value.size();
    if (end > at) {
      if (!out.empty()) out += ' ';
      out += prefixed(value.substr(at, end - at), prefix);
    }
    at = end + 1;
  }
  return out;
}

// The value of one attribute, as the fragment has it.
std::string attribute_value(std::string_view name, std::string_view value, std::string_view prefix) {
  if (name == "class" || name == "id" || name == "for" || name == "aria-labelledby" || name == "aria-describedby" ||
      name == "aria-controls") {
    return prefixed_tokens(value, prefix);
  }
  if ((name == "href" || name == "xlink:href") && !value.empty() && value[0] == '#') {
    return "#" + prefixed(value.substr(1), prefix);
  }
  if (name == "data-prefix") return std::string(prefix);
  return std::string(value);
}

// One start or end tag, `<` to `>`. escc's markup quotes every attribute value with "
// and writes < and > in text as references, so a tag ends at the first > outside quotes.
std::size_t rewrite_tag(std::string_view html, std::size_t at, std::string_view prefix, std::string& out) {
  auto name_end = at + 1;
  if (name_end < html.size() && html[name_end] == '/') ++name_end;
  while (name_end < html.size() && (name_char(html[name_end]) || html[name_end] == ':')) ++name_end;
  auto tag = html.substr(at, name_end - at);
  // The site has its own main content: a second <main> would be a landmark it cannot own.
  if (tag == "<main") {
    out += fmt::format("<div class=\"{}main\"", prefix);
  } else if (tag == "</main") {
    out += "</div";
  } else {
    out += tag;
  }
  auto i = name_end;
  while (i < html.size() && html[i] != '>') {
    if (!name_char(html[i])) {
      out += html[i++];
      continue;
    }
    auto attribute_start = i;
    while (i < html.size() && (name_char(html[i]) || html[i] == ':')) ++i;
    auto name = html.substr(attribute_start, i - attribute_start);
    out += name;
    if (i + 1 < html.size() && html[i] == '=' && html[i + 1] == '"') {
      auto close = html.find('"', i + 2);
      if (close == std::string_view::npos) close = html.size();
      out += "=\"" + attribute_value(name, html.substr(i + 2, close - i - 2), prefix) + "\"";
      i = std::min(close + 1, html.size());
    }
  }
  if (i < html.size()) out += html[i++];
  return i;
}

std::string prefixed_selector(std::string_view selector, std::string_view prefix) {
  std::string out;
  for (std::size_t i = 0; i < selector.size();) {
    char c = selector[i];
    if ((c == '.' || c == '#') && i + 1 < selector.size() && name_char(selector[i + 1])) {
      auto end = i + 1;
      while (end < selector.size() && name_char(selector[end])) ++end;
      out += c + prefixed(selector.substr(i + 1, end - i - 1), prefix);
      i = end;
    } else if (selector.substr(i, 4) == "main" && (i == 0 || !name_char(selector[i - 1])) &&
               (i + 4 == selector.size() || !name_char(selector[i + 4]))) {
      // The element that stands for <main>, which the fragment does not have.
      out += "." + prefixed("main", prefix);
      i += 4;
    } else if (c == '[') {
      auto end = selector.find(']', i);
      end = end == std::string_view::npos ? selector.size() : end + 1;
      out += selector.substr(i, end - i);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return text;
}

// Each selector of a rule, scoped to the fragment's root: the document's own elements
// (the root, html, body) are the root itself.
std::string scoped_selectors(std::string_view list, std::string_view prefix) {
  auto root = "." + std::string(prefix) + "page";
  std::string out;
  int depth = 0;
  std::size_t start = 0;
  auto add = [&](std::string_view selector) {
    selector = trimmed(selector);
    if (!out.empty()) out += ", ";
    for (std::string_view own : {":root", "html", "body"}) {
      if (selector.substr(0, own.size()) == own && (selector.size() == own.size() || !name_char(selector[own.size()]))) {
        out += root + prefixed_selector(selector.substr(own.size()), prefix);
        return;
      }
    }
    out += root + " " + prefixed_selector(selector, prefix);
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == '(') ++depth;
    if (list[i] == ')') --depth;
    if (list[i] == ',' && depth == 0) {
      add(list.substr(start, i - start));
      start = i + 1;
    }
  }
  add(list.substr(start));
  return out;
}

// The end of the block that opens at `open` ({), past its }.
std::size_t block_end(std::string_view css, std::size_t open) {
  int depth = 0;
  for (auto i = open; i < css.size(); ++i) {
    if (css[i] == '{') ++depth;
    if (css[i] == '}' && --depth == 0) return i + 1;
  }
  return css.size();
}

std::string scoped_rules(std::string_view css, std::string_view prefix) {
  std::string out;
  std::size_t i = 0;
  while (i < css.size()) {
    if (css.substr(i, 2) == "/*") {
      auto end = css.find("*/", i + 2);
      end = end == std::string_view::npos ? css.size() : end + 2;
      out += css.substr(i, end - i);
      i = end;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(css[i])) != 0 || css[i] == '}') {
      out += css[i++];
      continue;
    }
    auto open = css.find('{', i);
    if (open == std::string_view::npos) break;
    auto prelude = trimmed(css.substr(i, open - i));
    auto end = block_end(css, open);
    if (prelude.substr(0, 5) == "@page") {
      // The printed page's margins are the site's to set.
    } else if (prelude.substr(0, 6) == "@media" || prelude.substr(0, 9) == "@supports") {
      out += std::string(prelude) + " {" + scoped_rules(css.substr(open + 1, end - open - 2), prefix) + "}";
    } else if (!prelude.empty() && prelude[0] == '@') {
      out += css.substr(i, end - i);
    } else {
      out += scoped_selectors(prelude, prefix) + " " + std::string(css.substr(open, end - open));
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string namespaced_markup(std::string_view html, std::string_view prefix) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  for (std::size_t i = 0; i < html.size();) {
    if (html.substr(i, 4) == "<!--") {
      auto end = html.find("-->", i);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out += html.substr(i, end - i);
      i = end;
    } else if (html[i] == '<' && i + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[i + 1])) != 0 ||
                                                         html[i + 1] == '/')) {
      i = rewrite_tag(html, i, prefix, out);
    } else {
      out += html[i++];
    }
  }
  return out;
}

std::string namespaced_style(std::string_view css, std::string_view prefix) {
  return "/* escc's page style, for a page embedded with escc build --emit html-fragment: every rule reaches only\n"
         "   inside the fragment's root element (." + std::string(prefix) + "page). */\n" +
         scoped_rules(css, prefix);
}

std::string emit_html_fragment(const DirectoryPage& page, const Amendments* amendments) {
  const auto& model = *page.model;
  std::string title = markup_text(model.protocol ? model.protocol->title.value : "Escalation protocol");
  // Nothing in the title can end the comment it stands in.
  for (auto at = title.find("--"); at != std::string::npos; at = title.find("--", at)) title.replace(at, 2, "- ");
  // An <article>: its header and footer are the protocol's, not the site's banner and footer.
  return fmt::format("<!-- {title}: the contact directory and escalation page made by escc, to embed in a page of "
                     "your site. Link its style and script once in that page:\n"
                     "  <link rel=\"stylesheet\" href=\"{style}\">\n"
                     "  <script src=\"{script}\" defer></script>\n-->\n"
                     "<article class=\"{prefix}page\" lang=\"en-GB\">\n{body}</article>\n",
                     fmt::arg("title", title), fmt::arg("style", fragment_style_name),
                     fmt::arg("script", fragment_script_name), fmt::arg("prefix", fragment_prefix),
                     fmt::arg("body", namespaced_markup(directory_body(page, amendments), fragment_prefix)));
}

std::vector<SharedFile> fragment_files() {
  return {{std::string(fragment_style_name), namespaced_style(page_asset("directory.css"), fragment_prefix)},
          {std::string(fragment_script_name), std::string(page_asset("directory.js"))}};
}

}  // namespace esc::backends
