#include "compiler/syntax/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/syntax/parser.hpp"
#include "grammar/statements.hpp"

namespace esc {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// One physical line taken apart: its statements and the braces between them, with
// spacing made canonical, and its comment. Most lines are one statement, perhaps
// ending in '{'; a whole block may also be written on one line.
struct Segment {
  enum class Kind { statement, open, close } kind = Kind::statement;
  std::string text;  // for statements
};

struct Pieces {
  std::vector<Segment> segments;
  std::string comment;  // from '#', as written
};

Pieces take_apart(std::string_view line) {
  Pieces pieces;
  std::string current;
  bool in_text = false;
  bool pending_space = false;
  auto finish = [&] {
    if (!current.empty()) pieces.segments.push_back({Segment::Kind::statement, current});
    current.clear();
    pending_space = false;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_text) {
      current += c;
      if (c == '\\' && i + 1 < line.size()) current += line[++i];
      else if (c == '"') in_text = false;
      continue;
    }
    if (c == '#') {
      pieces.comment = std::string(trim(line.substr(i)));
      break;
    }
    if (is_space(c)) {
      pending_space = !current.empty();
      continue;
    }
    if (c == '{' || c == '}') {
      finish();
      pieces.segments.push_back({c == '{' ? Segment::Kind::open : Segment::Kind::close, {}});
      continue;
    }
    // No space before a comma, or before a colon that ends a phrase ("when resolved:"),
    // whatever follows it: a space, the end of the line or a comment.
    bool tight = c == ',' ||
                 (c == ':' && (i + 1 >= line.size() || is_space(line[i + 1]) || line[i + 1] == '#'));
    if (pending_space && !tight) current += ' ';
    pending_space = c == ',';
    current += c;
    if (c == '"') in_text = true;
  }
  finish();
  return pieces;
}

std::string first_word(std::string_view statement) {
  std::string word;
  for (char c : statement) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word;
}

class Layout {
 public:
  explicit Layout(std::vector<int>& line_of) : line_of_(line_of) {}

  int emit(int depth, std::string_view text) {
    if (pending_blank_ && !lines_.empty() && !just_opened_) {
      lines_.emplace_back();
      line_of_[static_cast<std::size_t>(blank_from_)] = static_cast<int>(lines_.size()) - 1;
    }
    pending_blank_ = false;
    lines_.push_back(std::string(static_cast<std::size_t>(std::max(depth, 0)) * 2, ' ') + std::string(text));
    just_opened_ = false;
    return static_cast<int>(lines_.size()) - 1;
  }
  int close(int depth, std::string_view comment) {
    pending_blank_ = false;  // no blank line before a '}'
    return emit(depth, "}" + std::string(comment));
  }
  // A blank line of the original, kept only if a line other than '}' follows.
  void blank(int original_line) {
    if (!pending_blank_) blank_from_ = original_line;
    pending_blank_ = true;
  }
  void opened() { just_opened_ = true; }

  std::string text() const {
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    return out;
  }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<int>& line_of_;
  std::vector<std::string> lines_;
  int blank_from_ = 0;
  bool pending_blank_ = false;
  bool just_opened_ = false;
};

}  // namespace

Formatted format_source(std::string_view text) {
  Formatted formatted;
  Layout layout(formatted.line_of);
  int depth = 0;
  // Per open block: whether a statement has been placed in it yet, so that a source
  // or note line is known to describe the statement above rather than the block.
  std::vector<bool> frame_has_statement = {false};
  for (auto raw : split_lines(text)) {
    auto line = trim(raw);
    if (line.empty()) {
      formatted.line_of.push_back(-1);
      layout.blank(static_cast<int>(formatted.line_of.size()) - 1);
      continue;
    }
    auto pieces = take_apart(line);
    int first = -1;
    auto note = [&](int at) {
      if (first < 0) first = at;
    };
    // The comment goes on the first line this one becomes.
    auto comment = [&] { return first < 0 && !pieces.comment.empty() ? "  " + pieces.comment : std::string(); };
    auto open_block = [&] {
      ++depth;
      frame_has_statement.push_back(false);
      layout.opened();
    };
    const auto& segments = pieces.segments;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const auto& segment = segments[i];
      if (segment.kind == Segment::Kind::close) {
        depth = std::max(0, depth - 1);
        if (frame_has_statement.size() > 1) frame_has_statement.pop_back();
        auto suffix = comment();
        note(layout.close(depth, suffix));
        continue;
      }
      if (segment.kind == Segment::Kind::open) {  // a '{' with no statement before it
        auto suffix = comment();
        note(layout.emit(depth, "{" + suffix));
        open_block();
        continue;
      }
      auto word = first_word(segment.text);
      bool describes = grammar::describes_statement_above(word);
      int indent = describes && frame_has_statement.back() ? depth + 1 : depth;
      bool opens = i + 1 < segments.size() && segments[i + 1].kind == Segment::Kind::open;
      auto suffix = comment();
      note(layout.emit(indent, segment.text + (opens ? " {" : "") + suffix));
      if (!describes) frame_has_statement.back() = true;
      if (opens) {
        ++i;
        open_block();
      }
    }
    if (segments.empty()) note(layout.emit(depth, pieces.comment));
    formatted.line_of.push_back(first);
  }
  formatted.text = layout.text();
  return formatted;
}

std::optional<Formatted> format_protocol(const SourceFile& source, FileId file, DiagnosticSink& sink) {
  auto errors_before = sink.errors();
  (void)parse(source, file, sink);
  if (sink.errors() > errors_before) return std::nullopt;
  return format_source(source.text());
}

std::string format_diff(std::string_view path, std::string_view original, const Formatted& formatted) {
  auto old_lines = split_lines(original);
  auto new_lines = split_lines(formatted.text);
  // The edit script: ' ' same line, '-' removed, '+' added, each with its line numbers.
  struct Edit {
    char kind;
    std::string_view text;
    int old_line;
    int new_line;
  };
  std::vector<Edit> edits;
  int next_new = 0;
  for (std::size_t i = 0; i < old_lines.size(); ++i) {
    int target = i < formatted.line_of.size() ? formatted.line_of[i] : -1;
    if (target < 0) {
      edits.push_back({'-', old_lines[i], static_cast<int>(i), next_new});
      continue;
    }
    for (; next_new < target; ++next_new) edits.push_back({'+', new_lines[next_new], static_cast<int>(i), next_new});
    if (old_lines[i] == new_lines[target]) {
      edits.push_back({' ', old_lines[i], static_cast<int>(i), target});
    } else {
      edits.push_back({'-', old_lines[i], static_cast<int>(i), target});
      edits.push_back({'+', new_lines[target], static_cast<int>(i) + 1, target});
    }
    next_new = target + 1;
  }
  for (; next_new < static_cast<int>(new_lines.size()); ++next_new) {
    edits.push_back({'+', new_lines[next_new], static_cast<int>(old_lines.size()), next_new});
  }
  // A missing newline at the very end is a change too.
  bool ending_differs = !original.empty() && original.back() != '\n';
  if (std::none_of(edits.begin(), edits.end(), [](const Edit& e) { return e.kind != ' '; }) && !ending_differs) {
    return {};
  }

  constexpr int context = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].kind == ' ') {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last
    // change that is no more than 2 * context lines from the one before it.
    std::size_t begin = i >= context ? i - context : 0;
    std::size_t end = i;
    std::size_t last_change = i;
    for (std::size_t j = i; j < edits.size(); ++j) {
      if (edits[j].kind != ' ') {
        if (j - last_change > 2 * context) break;
        last_change = j;
      }
    }
    end = std::min(edits.size(), last_change + context + 1);
    int old_count = 0;
    int new_count = 0;
    for (std::size_t j = begin; j < end; ++j) {
      if (edits[j].kind != '+') ++old_count;
      if (edits[j].kind != '-') ++new_count;
    }
    int old_start = edits[begin].kind == '+' ? edits[begin].old_line : edits[begin].old_line + 1;
    int new_start = edits[begin].new_line + 1;
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_count == 0 ? old_start - 1 : old_start, old_count,
                       new_count == 0 ? new_start - 1 : new_start, new_count);
    for (std::size_t j = begin; j < end; ++j) out += fmt::format("{}{}\n", edits[j].kind, edits[j].text);
    i = end;
  }
  if (ending_differs && out.find("@@") == std::string::npos) out += "@@ the file gains a newline at its end @@\n";
  return out;
}

}  // namespace esc
