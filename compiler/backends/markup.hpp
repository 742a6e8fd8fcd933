// Escaping for HTML and XML (SVG), and links made safe to follow, shared by the
// back-ends that write markup.
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


// "tel:" wants the digits alone: "+44 (0)20 7946 0000" -> "+442079460000".
inline std::string tel_href(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (c >= '0' && c <= '9') digits += c;
    if (c == '+' && digits.empty()) digits += c;
  }
  if (digits.rfind("+440", 0) == 0) digits.erase(3, 1);
  return digits;
}

// `text` with every byte but letters, digits and those in `plain` percent-encoded.
inline std::string percent_encoded(std::string_view text, std::string_view plain) {
  std::string out;
  for (char c : text) {
    bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                plain.find(c) != std::string_view::npos;
    if (kept) {
      out += c;
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      auto byte = static_cast<unsigned char>(c);
      out += {'%', hex[byte >> 4], hex[byte & 15]};
    }
  }
  return out;
}

// An e-mail address for a mailto: link, percent-encoded outside the characters an
// address needs, so that no text can leave the attribute or change the link's scheme.
inline std::string mailto_href(std::string_view address) { return "mailto:" + percent_encoded(address, "@.-_+"); }

}  // namespace esc::backends
