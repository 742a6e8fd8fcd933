// Escaping for HTML and XML (SVG), shared by the back-ends that write markup.
#pragma once

#include <string>
#include <string_view>

namespace esc::backends {

// Text safe in element content and in quoted attribute values: & < > " ' become
// references, and control characters that XML cannot hold become spaces.
inline std::string markup_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? ' ' : c;
    }
  }
  return out;
}

}  // namespace esc::backends
