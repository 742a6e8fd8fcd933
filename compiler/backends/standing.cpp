#include "compiler/backends/standing.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "compiler/analysis/review.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/backends/reader_style.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::backends {
namespace {

// "on 1 March 2024", "in March 2024", "in 2024": a month or a year alone is not a day.
std::string when_words(const model::Date& date) {
  return (date.month_only() ? "in " : "on ") + date_words(date);
}

std::optional<analysis::NextReview> review_passed(const StandingFacts& facts) {
  if (!facts.model->protocol) return std::nullopt;
  auto next = analysis::next_review(*facts.model->protocol);
  if (!next || next->last_day >= facts.today) return std::nullopt;
  return next;
}

const model::Unknown* stages_unknown(const model::Model& model) {
  if (!model.protocol) return nullptr;
  for (const auto& unknown : model.protocol->unknowns) {
    if (unknown.subject == model::UnknownSubject::stages) return &unknown;
  }
  return nullptr;
}

// Points about the board's document: its stages, times, contacts and governance. What
// a check says of the transcription (a quote not found, an invisible character, an
// `allow` that matches nothing) is for whoever keeps the protocol file, not its readers.
bool about_the_document(const Diagnostic& finding) {
  if (finding.severity != Severity::warning || !finding.counts()) return false;
  auto series = code_info(finding.code).id.front();
  return series == 'S' || series == 'T' || series == 'C' || series == 'G';
}

std::string capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// A block's span is its first line; its statements follow it up to the next block, so
// a finding belongs to the last block that starts before it in its file.
struct Block {
  Span start;
  std::string id;  // "" for a block the page does not show on its own (hours, levels, forms)
  std::string heading;
};

std::vector<Block> blocks_of(const model::Model& model, const Chart& chart) {
  std::vector<Block> blocks;
  if (model.protocol) blocks.push_back({model.protocol->span, "about", "About this protocol"});
  if (model.immediate_risk) blocks.push_back({model.immediate_risk->span, "immediate-risk", "Immediate risk"});
  const std::size_t first_stage = model.immediate_risk ? 1 : 0;
  for (std::size_t i = 0; i < model.stages.size(); ++i) {
    const auto& node = chart.nodes.at(i + first_stage);
    blocks.push_back({model.stages[i].span, node.id, node.heading});
  }
  for (std::size_t a = 0; a < model.agencies.size(); ++a) {
    blocks.push_back({model.agencies[a].span, fmt::format("agency-{}", a), std::string(model.agencies[a].title.value)});
  }
  auto unshown = [&](const auto& list) {
    for (const auto& entity : list) blocks.push_back({entity.span, {}, {}});
  };
  unshown(model.levels);
  unshown(model.kinds);
  unshown(model.hours);
  unshown(model.calendars);
  unshown(model.forms);
  unshown(model.complaints);
  unshown(model.figures);
  return blocks;
}

// Where the page shows what a finding is about: the section of its stage, the
// immediate-risk rule, the readings of an ambiguity, an agency's contacts, or the facts
// about the protocol. A finding on no part the page shows has no link.
std::pair<std::string, std::string> place_on_page(const Diagnostic& finding, const std::vector<Block>& blocks) {
  if (finding.code == Code::G012) return {"unclear", "Where the document is unclear"};
  if (!finding.span) return {};
  const Block* found = nullptr;
  for (const auto& block : blocks) {
    if (block.start.file != finding.span->file || block.start.begin > finding.span->begin) continue;
    if (found == nullptr || block.start.begin > found->start.begin) found = &block;
  }
  if (found == nullptr) return {};
  return {found->id, found->heading};
}

// One kind of point with every place on the page it stands, in the order first found.
struct Point {
  Code code;
  std::vector<std::pair<std::string, std::string>> places;
};

std::vector<Point> points_not_resolved(const StandingFacts& facts, const Chart* chart) {
  std::vector<Point> points;
  auto blocks = chart == nullptr ? std::vector<Block>() : blocks_of(*facts.model, *chart);
  for (const auto& finding : facts.findings) {
    if (!about_the_document(finding)) continue;
    auto point = std::find_if(points.begin(), points.end(), [&](const Point& p) { return p.code == finding.code; });
    if (point == points.end()) point = points.insert(points.end(), Point{finding.code, {}});
    if (chart == nullptr) continue;
    auto place = place_on_page(finding, blocks);
    auto& at = point->places;
    if (!place.first.empty() && std::find(at.begin(), at.end(), place) == at.end()) at.push_back(place);
  }
  return points;
}

}  // namespace

std::string stages_not_whole_html(const model::Model& model) {
  const auto* unknown = stages_unknown(model);
  if (unknown == nullptr) return {};
  return unknown->lost_in_extraction()
             ? "<p class=\"stages-not-whole\">Some of this protocol&#39;s stages were lost from the copy of the document "
               "this page was made from, so the stages shown here may not be the whole process. Check the protocol "
               "itself.</p>\n"
             : "<p class=\"stages-not-whole\">The document does not set out all of this protocol&#39;s stages in its "
               "text, so the stages shown here may not be the whole process. Check the protocol itself.</p>\n";
}

std::string standing_html(const StandingFacts& facts) {
  const auto& model = *facts.model;
  std::vector<std::string> said;
  if (model.protocol && model.protocol->status) {
    if (model.protocol->status->value == model::Status::draft) {
      said.emplace_back("<p>The document marks this protocol as a draft.</p>\n");
    } else if (model.protocol->status->value == model::Status::withdrawn) {
      said.emplace_back("<p>The document marks this protocol as withdrawn.</p>\n");
    }
  }
  if (auto passed = review_passed(facts)) {
    if (passed->counted_from == nullptr) {
      said.push_back(fmt::format("<p>This protocol was due for review {}.</p>\n", when_words(passed->due)));
    } else {
      said.push_back(fmt::format("<p>This protocol was due for review by {}: the document says it is to be reviewed "
                                 "every {} months, counted from {} ({}).</p>\n",
                                 date_words(passed->due), model.protocol->review_every_months->value,
                                 passed->counted_from_what, date_words(*passed->counted_from)));
    }
  }
  said.push_back(stages_not_whole_html(model));
  if (auto points = points_not_resolved(facts, nullptr).size(); points > 0) {
    said.push_back(fmt::format("<p>A check of this protocol found {} the partnership has not resolved: see "
                               "<a href=\"#to-resolve\">points to be resolved</a>.</p>\n",
                               points == 1 ? std::string("a point") : fmt::format("{} points", points)));
  }
  std::erase(said, std::string());
  if (said.empty()) return {};
  return "<div class=\"standing\" role=\"note\" aria-labelledby=\"standing-heading\">\n"
         "<h2 id=\"standing-heading\">Check before you use this protocol</h2>\n" +
         fmt::format("{}", fmt::join(said, "")) + "</div>\n";
}

std::vector<std::string> standing_in_brief(const StandingFacts& facts) {
  const auto& model = *facts.model;
  std::vector<std::string> brief;
  if (model.protocol && model.protocol->status) {
    if (model.protocol->status->value == model::Status::draft) brief.emplace_back("a draft");
    if (model.protocol->status->value == model::Status::withdrawn) brief.emplace_back("withdrawn");
  }
  if (auto passed = review_passed(facts)) {
    brief.push_back(fmt::format("was due for review {}{}", passed->counted_from ? "by " : "",
                                passed->counted_from ? date_words(passed->due) : when_words(passed->due)));
  }
  if (const auto* unknown = stages_unknown(model)) {
    brief.emplace_back(unknown->lost_in_extraction() ? "some stages lost from the text"
                                                     : "not every stage set out in the text");
  }
  if (auto points = points_not_resolved(facts, nullptr).size(); points > 0) {
    brief.push_back(points == 1 ? std::string("a point not resolved") : fmt::format("{} points not resolved", points));
  }
  return brief;
}

std::string points_to_resolve_html(const StandingFacts& facts, const Chart& chart) {
  auto points = points_not_resolved(facts, &chart);
  if (points.empty()) return {};
  std::string html = "<section id=\"to-resolve\" aria-labelledby=\"to-resolve-heading\">\n"
                     "<h2 id=\"to-resolve-heading\">Points to be resolved</h2>\n"
                     "<p>A check of this protocol found these points, which the partnership has not resolved.</p>\n"
                     "<ul class=\"to-resolve\">\n";
  for (const auto& point : points) {
    std::vector<std::string> links;
    for (const auto& [id, words] : point.places) {
      links.push_back(fmt::format("<a href=\"#{}\">{}</a>", markup_text(id), markup_text(words)));
    }
    html += "<li>" + markup_text(capitalised(code_info(point.code).summary));
    if (!links.empty()) html += fmt::format(" (see {})", spoken_list(links, "and"));
    html += ".</li>\n";
  }
  return html + "</ul>\n</section>\n";
}

}  // namespace esc::backends
