// escc runtime: the small, strict JSON a saved case is written in. The reader takes
// only what the writer can give (objects, arrays, strings, whole numbers, null), refuses
// anything else with a reason, and never reads past its input. Header-only, C++17,
// standard library only.
#ifndef ESCC_JSON_HPP
#define ESCC_JSON_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace escc::json {

struct Value {
  enum class Kind : std::uint8_t { null, number, string, array, object };
  Kind kind = Kind::null;
  long long number = 0;
  std::string text;
  std::vector<Value> items;
  // An object's members, in order: names[i] is values[i]'s.
  std::vector<std::string> names;
  std::vector<Value> values;

  // The member called `name`, or nullptr.
  const Value* find(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return &values[i];
    }
    return nullptr;
  }
};

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates).
inline bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

inline std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

class Reader {
 public:
  // At most this deep: a saved case is three levels deep.
  static constexpr int deepest = 8;

  explicit Reader(std::string_view text) : text_(text) {}

  // The whole text as one value; false when it is not (well-formed) JSON of the kinds
  // above, or has anything but white space after it.
  bool read(Value& out) {
    if (!valid_utf8(text_)) return false;
    if (!value(out, 0)) return false;
    space();
    return at_ == text_.size();
  }

 private:
  void space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
      ++at_;
    }
  }
  bool take(char c) {
    space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  bool word(std::string_view w) {
    if (text_.substr(at_, w.size()) != w) return false;
    at_ += w.size();
    return true;
  }

  bool value(Value& out, int depth) {
    if (depth > deepest) return false;
    space();
    if (at_ >= text_.size()) return false;
    char c = text_[at_];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out.kind = Value::Kind::string;
      return string(out.text);
    }
    if (c == 'n') {
      out.kind = Value::Kind::null;
      return word("null");
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(out);
    return false;
  }

  bool object(Value& out, int depth) {
    out.kind = Value::Kind::object;
    ++at_;
    if (take('}')) return true;
    do {
      space();
      std::string name;
      if (at_ >= text_.size() || text_[at_] != '"' || !string(name)) return false;
      if (out.find(name)) return false;  // a name twice: which one was meant?
      if (!take(':')) return false;
      Value member;
      if (!value(member, depth + 1)) return false;
      out.names.push_back(std::move(name));
      out.values.push_back(std::move(member));
    } while (take(','));
    return take('}');
  }

  bool array(Value& out, int depth) {
    out.kind = Value::Kind::array;
    ++at_;
    if (take(']')) return true;
    do {
      Value item;
      if (!value(item, depth + 1)) return false;
      out.items.push_back(std::move(item));
    } while (take(','));
    return take(']');
  }

  // Whole numbers of at most 15 digits: a saved case holds nothing else.
  bool number(Value& out) {
    out.kind = Value::Kind::number;
    bool negative = text_[at_] == '-';
    if (negative) ++at_;
    std::size_t first = at_;
    long long n = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      if (at_ - first >= 15) return false;
      n = n * 10 + (text_[at_] - '0');
      ++at_;
    }
    if (at_ == first || (text_[first] == '0' && at_ - first > 1)) return false;
    if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E')) return false;
    out.number = negative ? -n : n;
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (at_ + 4 > text_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[at_++];
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return false;
      out = out * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool string(std::string& out) {
    ++at_;  // the opening quote
    while (at_ < text_.size()) {
      char c = text_[at_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) return false;
      char e = text_[at_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t code = 0;
          if (!hex4(code)) return false;
          if (code >= 0xDC00 && code <= 0xDFFF) return false;
          if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace escc::json

#endif  // ESCC_JSON_HPP
