#include "compiler/syntax/ast_dump.hpp"

#include <fmt/format.h>

namespace esc {
namespace {

using ast::Tag;

std::string format_date(std::int64_t yyyymmdd) {
  auto day = yyyymmdd % 100;
  auto month = yyyymmdd / 100 % 100;
  auto year = yyyymmdd / 10000;
  if (month == 0) return fmt::format("{:04}", year);
  return day == 0 ? fmt::format("{:04}-{:02}", year, month) : fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string format_range(const ast::Value& value) {
  return value.low == value.high ? fmt::format("{}", value.low) : fmt::format("{}..{}", value.low, value.high);
}

std::string format_duration(const ast::Value& value) {
  std::string text;
  switch (value.unit) {
    case ast::Unit::same_working_day:
    case ast::Unit::immediately:
    case ast::Unit::as_soon_as_possible: text = std::string(ast::unit_name(value.unit)); break;
    default: text = fmt::format("{} {}", format_range(value), ast::unit_name(value.unit));
  }
  if (value.flags & ast::further) text += " [further]";
  if (value.flags & ast::by_day) text += " [by day]";
  if (value.flags & ast::or_sooner) text += " [or sooner]";
  return text;
}

std::string format_clock(std::int64_t minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::string format_window(const ast::Value& value) {
  if (!value.text.empty()) return fmt::format("hours {}", value.text);
  static constexpr char letters[] = "MTWTFSS";
  std::string days;
  for (int day = 0; day < 7; ++day) days.push_back(value.low & (std::int64_t{1} << day) ? letters[day] : '.');
  std::string text = fmt::format("days {}", days);
  if (value.high >= 0) text += fmt::format(" {}-{}", format_clock(value.high / 10000), format_clock(value.high % 10000));
  if (value.flags & ast::window_always) text = "always";
  if (value.flags & ast::window_bank_holidays) text = "bank holidays";
  if (value.flags & ast::window_except_bank_holidays) text += " except bank holidays";
  return text;
}

std::string format_value(const ast::Value& value, const SourceFile& source) {
  switch (value.tag) {
    case Tag::date: return format_date(value.low);
    case Tag::number:
    case Tag::before_stage:
    case Tag::covering: return format_range(value);
    case Tag::timeframe:
    case Tag::duration:
    case Tag::cumulative:
    case Tag::period: return format_duration(value);
    case Tag::window: return format_window(value);
    default: break;
  }
  bool quoted = value.span.begin < source.text().size() && source.text()[value.span.begin] == '"';
  return quoted ? fmt::format("\"{}\"", value.text) : std::string(value.text);
}

void dump_statement(const ast::Statement& statement, const SourceFile& source, Locator& locator, int depth,
                    std::string& out) {
  auto indent = std::string(static_cast<std::size_t>(depth) * 2, ' ');
  auto where = locator.locate(statement.span.begin);
  out += fmt::format("{}{} {}:{}{}\n", indent, ast::keyword_name(statement.keyword), where.line, where.column,
                     statement.has_block ? " {" : "");
  for (const auto& value : statement.values) {
    auto at = locator.locate(value.span.begin);
    out += fmt::format("{}  = {} {} @{}:{}\n", indent, ast::tag_name(value.tag), format_value(value, source), at.line,
                       at.column);
  }
  for (const auto& child : statement.body) dump_statement(child, source, locator, depth + 1, out);
  if (statement.has_block) out += indent + "}\n";
}

}  // namespace

std::string dump_ast(const ast::File& file, const SourceFile& source) {
  std::string out;
  Locator locator(source);
  for (const auto& statement : file.statements) dump_statement(statement, source, locator, 0, out);
  return out;
}

}  // namespace esc
