// Pass 1 of resolution: every name declared anywhere, before anything refers to one.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/resolve/resolve_context.hpp"

namespace esc::resolving {
namespace {

using ast::Keyword;
using ast::Tag;

// Returns whether the name is new.
bool declare(Names& names, const ast::Statement& statement, Context& context, Tag name_tag = Tag::name) {
  const auto* name = statement.find(name_tag);
  auto position = static_cast<std::uint32_t>(names.spans.size());
  names.spans.push_back(statement.span);
  names.ids.push_back(position);
  names.in_order.emplace_back(name ? name->text : std::string_view());
  if (name == nullptr) return false;
  auto [existing, added] = names.index.emplace(name->text, position);
  if (added) return true;
  auto& d = context.sink.report(Code::N002, name->span,
                                fmt::format("the {} '{}' is declared twice", names.kind_words, name->text));
  d.notes.push_back({names.spans[existing->second], "it is first declared here"});
  d.suggestion = "give each one its own name, or remove one";
  return false;
}

// An agency names each of its lines once, so that `contacts line 1` means one line.
// `labels` is reused from agency to agency; sorting keeps a hostile agency of many
// lines from costing the square of their number.
void check_line_labels(const ast::Statement& agency, std::vector<const ast::Value*>& labels, Context& context) {
  labels.clear();
  for (const auto& child : agency.body) {
    if (child.keyword != Keyword::line) continue;
    if (const auto* label = child.find(Tag::name)) labels.push_back(label);
  }
  if (labels.size() < 2) return;
  std::stable_sort(labels.begin(), labels.end(),
                   [](const ast::Value* a, const ast::Value* b) { return a->text < b->text; });
  auto agency_name = agency.find(Tag::name) ? agency.find(Tag::name)->text : std::string_view();
  for (std::size_t first = 0; first < labels.size();) {
    auto next = first + 1;
    for (; next < labels.size() && labels[next]->text == labels[first]->text; ++next) {
      auto& d = context.sink.report(
          Code::N002, labels[next]->span,
          fmt::format("the agency '{}' has two lines named '{}'", agency_name, labels[first]->text));
      d.notes.push_back({labels[first]->span, "the first is here"});
      d.suggestion = "give each line its own name, or put the contacts of both in one line";
    }
    first = next;
  }
}

}  // namespace

void collect_symbols(const std::vector<const ast::File*>& files, const ast::File& main, const ast::File* regional,
                     Context& context) {
  // An agency's lines, and those a reading of an ambiguity in it gives.
  auto collect_line_labels = [&context](const std::vector<ast::Statement>& body) {
    std::vector<const std::vector<ast::Statement>*> bodies{&body};
    while (!bodies.empty()) {
      const auto* next = bodies.back();
      bodies.pop_back();
      for (const auto& child : *next) {
        if (child.keyword == Keyword::ambiguous || child.keyword == Keyword::reading) bodies.push_back(&child.body);
        if (child.keyword != Keyword::line) continue;
        const auto* label = child.find(Tag::name);
        // Most agencies repeat the same few labels: look before building a string.
        if (label != nullptr && !context.symbols.line_labels.contains(label->text)) {
          context.symbols.line_labels.emplace(label->text);
        }
      }
    }
  };
  std::uint32_t stages = 0;
  std::vector<Span> stage_spans;  // by position
  std::vector<const ast::Value*> line_labels;
  for (const auto* file : files) {
    for (const auto& statement : file->statements) {
      switch (statement.keyword) {
        case Keyword::calendar:
          if (statement.has_block) declare(context.symbols.calendars, statement, context);
          break;
        case Keyword::hours: declare(context.symbols.hours, statement, context); break;
        case Keyword::level: declare(context.symbols.levels, statement, context); break;
        case Keyword::kind: declare(context.symbols.kinds, statement, context, Tag::ref); break;
        case Keyword::form: declare(context.symbols.forms, statement, context); break;
        case Keyword::agency:
          declare(context.symbols.agencies, statement, context);
          collect_line_labels(statement.body);
          check_line_labels(statement, line_labels, context);
          break;
        case Keyword::route:
        case Keyword::stage:
        case Keyword::informal_stage: {
          if (file != &main && file != regional) break;
          // A local stage numbered as a regional one adds to it: it takes no place of its own.
          if (file == &main && statement.keyword == Keyword::stage && statement.find(Tag::number) != nullptr &&
              context.symbols.regional_stage_numbers.contains(statement.find(Tag::number)->low)) {
            break;
          }
          auto position = stages++;
          stage_spans.push_back(statement.span);
          if (statement.keyword == Keyword::route) {
            // Routes and stages share one vector; routes' ids are their place in it.
            if (declare(context.symbols.routes, statement, context)) context.symbols.routes.ids.back() = position;
            break;
          }
          if (statement.keyword == Keyword::informal_stage) break;
          const auto* number = statement.find(Tag::number);
          if (number == nullptr) break;
          auto [existing, added] = context.symbols.stage_numbers.emplace(number->low, position);
          if (added && file == regional) context.symbols.regional_stage_numbers.insert(number->low);
          if (added) continue;
          auto& d = context.sink.report(Code::N002, number->span,
                                        fmt::format("there are two stages numbered {}", number->low));
          d.notes.push_back({stage_spans[existing->second], "the first is here"});
          d.suggestion = "renumber the stages so that each number is used once";
          break;
        }
        default: break;
      }
    }
  }
}

}  // namespace esc::resolving
