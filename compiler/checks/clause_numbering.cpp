// D004: a gap in the document's own clause numbering (Sefton's Stage 2: 2.1, 2.3, 2.4,
// with no 2.2), for the board's next revision. A clause may have been deleted and the
// others not renumbered, or a clause may be missing: either way a reference to "2.2"
// leads nowhere. Only a gap between two clauses the text holds is reported: where a
// stored page stops mid-list, the clauses after it are lost, not missing.
#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "compiler/checks/checks.hpp"

namespace esc::checks {
namespace {

struct Clause {
  long section = 0;
  long number = 0;
  std::size_t at = 0;  // offset in the document
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A clause number starts a line ("2.3  The receiving service manager ..."): digits, a
// stop, digits, then a space and a word. A figure inside a sentence ("1.5 hours") or a
// date is not one.
std::vector<Clause> clauses_of(std::string_view text) {
  std::vector<Clause> clauses;
  std::size_t line = 0;
  while (line < text.size()) {
    auto end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    auto at = text.find_first_not_of(" \t", line);
    if (at < end) {
      auto read_number = [&](std::size_t& i) {
        long value = 0;
        std::size_t digits = 0;
        while (i < end && is_digit(text[i]) && digits < 4) value = value * 10 + (text[i++] - '0'), ++digits;
        return digits == 0 || (i < end && is_digit(text[i])) ? -1 : value;
      };
      auto i = at;
      auto section = read_number(i);
      if (section > 0 && i < end && text[i] == '.') {
        ++i;
        auto number = read_number(i);
        auto gap = i;
        while (gap < end && (text[gap] == ' ' || text[gap] == '\t')) ++gap;
        if (number > 0 && gap > i && gap < end && is_letter(text[gap])) clauses.push_back({section, number, at});
      }
    }
    line = end + 1;
  }
  return clauses;
}

// Whether the text between two clauses holds a place where a stored page was cut off:
// a paragraph of some length (not a heading) that ends with no stop.
bool cut_between(std::string_view text, std::size_t from, std::size_t to) {
  auto between = text.substr(from, to - from);
  std::size_t start = 0;
  while (start < between.size()) {
    auto end = between.find("\n\n", start);
    if (end == std::string_view::npos) end = between.size();
    auto paragraph = between.substr(start, end - start);
    auto last = paragraph.find_last_not_of(" \t\r\n");
    constexpr std::size_t heading = 60;
    if (last != std::string_view::npos && paragraph.size() > heading) {
      char c = paragraph[last];
      if (c != '.' && c != ':' && c != ';' && c != '?' && c != '!' && c != ')' && c != '"') return true;
    }
    start = end + 2;
  }
  return false;
}

}  // namespace

void clause_numbering(const Context& context, DiagnosticSink& sink) {
  if (!context.model.protocol || !context.model.protocol->document) return;
  const auto& document = *context.model.protocol->document;
  auto clauses = clauses_of(document.text);
  for (std::size_t i = 1; i < clauses.size(); ++i) {
    const auto& before = clauses[i - 1];
    const auto& after = clauses[i];
    // Numbering that starts again (a new page, a new list) is no gap.
    if (after.section != before.section || after.number <= before.number + 1) continue;
    if (cut_between(document.text, before.at, after.at)) continue;
    auto missing = after.number == before.number + 2
                       ? fmt::format("there is no {}.{}", before.section, before.number + 1)
                       : fmt::format("there are no clauses {}.{} to {}.{}", before.section, before.number + 1,
                                     before.section, after.number - 1);
    auto& d = sink.report(Code::D004, document.named.span,
                          fmt::format("the document's clauses go from {}.{} to {}.{}: {}, so a clause may be missing, "
                                      "or was removed without the others being renumbered: for the board to check "
                                      "at its next revision",
                                      before.section, before.number, after.section, after.number, missing));
    d.suggestion = "if the clause is in the published document, check the document's text escc was given";
  }
}

}  // namespace esc::checks
