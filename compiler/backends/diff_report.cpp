#include "compiler/backends/diff_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace esc::backends {
namespace {

using analysis::ChangeKind;

enum class Section { protocol, stages, contacts, other };
constexpr const char* section_titles[] = {"The protocol", "Stages and timeframes", "Contacts", "Other statements"};

Section section_of(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::scope_changed:
    case ChangeKind::status_changed:
    case ChangeKind::approval_changed:
    case ChangeKind::review_changed:
    case ChangeKind::calendar_changed:
    case ChangeKind::target_longer:
    case ChangeKind::target_shorter: return Section::protocol;
    case ChangeKind::contact_added:
    case ChangeKind::contact_removed:
    case ChangeKind::contact_changed:
    case ChangeKind::availability_changed:
    case ChangeKind::out_of_hours_lost:
    case ChangeKind::condition_changed: return Section::contacts;
    case ChangeKind::statement_added:
    case ChangeKind::statement_removed:
    case ChangeKind::statement_changed: return Section::other;
    default: return Section::stages;
  }
}

std::string count_words(std::size_t n) { return fmt::format("{} change{}", n, n == 1 ? "" : "s"); }

// Markdown treats some characters as markup; protocol text should read as written.
std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// Visits the changes section by section, calling `heading` before the first change of
// each section that has any.
template <typename Heading, typename Item>
void by_section(const std::vector<analysis::Change>& changes, Heading&& heading, Item&& item) {
  for (int section = 0; section < 4; ++section) {
    bool headed = false;
    for (const auto& change : changes) {
      if (static_cast<int>(section_of(change.kind)) != section) continue;
      if (!headed) heading(section_titles[section]);
      headed = true;
      item(change);
    }
  }
}

}  // namespace

std::string render_diff_text(const std::vector<analysis::Change>& changes, const std::string& before,
                             const std::string& after) {
  if (changes.empty()) return fmt::format("escc: no change in meaning from {} to {}\n", before, after);
  std::string out = fmt::format("escc: {} in meaning from {} to {}\n", count_words(changes.size()), before, after);
  by_section(
      changes, [&](const char* title) { out += fmt::format("\n{}\n", title); },
      [&](const analysis::Change& change) {
        out += fmt::format("  - {}: {} [{}]\n", change.subject, change.description,
                           analysis::change_kind_name(change.kind));
      });
  return out;
}

std::string render_diff_markdown(const std::vector<analysis::Change>& changes, const std::string& before,
                                 const std::string& after) {
  std::string out = fmt::format("### escc: {} in meaning\n\nFrom `{}` to `{}`.\n", count_words(changes.size()),
                                before, after);
  by_section(
      changes, [&](const char* title) { out += fmt::format("\n**{}**\n\n", title); },
      [&](const analysis::Change& change) {
        out += fmt::format("- **{}**: {} (`{}`)\n", markdown_text(change.subject), markdown_text(change.description),
                           analysis::change_kind_name(change.kind));
      });
  return out;
}

std::string render_diff_json(const std::vector<analysis::Change>& changes, const std::string& before,
                             const std::string& after) {
  using json = nlohmann::ordered_json;
  auto list = json::array();
  for (const auto& change : changes) {
    list.push_back({{"kind", std::string(analysis::change_kind_name(change.kind))},
                    {"subject", change.subject},
                    {"description", change.description}});
  }
  json root{{"before", before}, {"after", after}, {"changes", list}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace esc::backends
