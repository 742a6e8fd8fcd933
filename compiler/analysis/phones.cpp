#include "compiler/analysis/phones.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace esc::analysis {

std::string phone_problem(std::string_view written) {
  // The digits as dialled; no number has more than 15, so a longer one is only counted.
  char kept[16];
  std::size_t length = 0;
  auto dial = [&](char c) {
    if (length < sizeof kept) kept[length] = c;
    ++length;
  };
  for (std::size_t i = 0; i < written.size(); ++i) {
    char c = written[i];
    if (c >= '0' && c <= '9') {
      dial(c);
    } else if (c == '+' && length == 0 && i + 2 < written.size() && written.compare(i, 3, "+44") == 0) {
      dial('0');
      i += 2;
      // "+44 (0)20 ..." keeps its trunk zero in brackets; drop it.
      auto bracket = written.find("(0)", i);
      if (bracket != std::string::npos && written.find_first_of("0123456789", i + 1) == bracket + 1) i = bracket + 2;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return fmt::format("it contains '{}', which is not part of a phone number", c);
    }
  }
  std::string_view digits(kept, std::min(length, sizeof kept));
  if (length == 0) return "it has no digits";
  if (digits == "999" || digits == "111" || digits == "101" || digits == "112") return "";
  if (digits.front() != '0') return "UK numbers start with 0 (or +44)";
  if (digits.starts_with("01") && (length == 10 || length == 11)) return "";
  if (digits.starts_with("0800") && (length == 10 || length == 11)) return "";
  if (length == 11 && std::string_view("2357689").find(digits[1]) != std::string_view::npos) return "";
  if (length != 11) return fmt::format("it has {} digits, and UK numbers have 11", length);
  return fmt::format("no UK numbers start with {}", digits.substr(0, 2));
}

}  // namespace esc::analysis
