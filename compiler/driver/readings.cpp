#include "compiler/driver/readings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/checks/checks.hpp"
#include "compiler/resolve/resolve.hpp"
#include "compiler/source/spoken_list.hpp"
#include "compiler/syntax/readings.hpp"
#include "compiler/syntax/text.hpp"

namespace esc {
namespace {

std::uint32_t ways_of(const AmbiguityWords& ambiguity) {
  return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(ambiguity.labels.size()));
}

std::string words_of(const ast::Value& value) { return decode_text(value.text); }

std::vector<AmbiguityWords> ambiguity_words(const std::vector<const ast::Statement*>& statements) {
  std::vector<AmbiguityWords> all;
  for (const auto* statement : statements) {
    AmbiguityWords words{statement->span, {}, {}};
    if (const auto* about = statement->find(ast::Tag::title)) words.about = words_of(*about);
    for (const auto& child : statement->body) {
      if (child.keyword != ast::Keyword::reading) continue;
      const auto* label = child.find(ast::Tag::title);
      words.labels.push_back(label ? words_of(*label) : std::string());
    }
    all.push_back(std::move(words));
  }
  return all;
}

// Every combination, the first ambiguity's reading changing slowest.
std::vector<Choice> combinations(const std::vector<AmbiguityWords>& ambiguities) {
  std::vector<Choice> all{Choice(ambiguities.size(), 0)};
  for (std::size_t i = ambiguities.size(); i-- > 0;) {
    std::vector<Choice> widened;
    for (const auto& choice : all) {
      for (std::uint32_t way = 0; way < ways_of(ambiguities[i]); ++way) {
        widened.push_back(choice);
        widened.back()[i] = way;
      }
    }
    all = std::move(widened);
  }
  std::sort(all.begin(), all.end());
  return all;
}

// Findings are the same finding when they say the same thing at the same place.
std::string key_of(const Diagnostic& d) {
  return fmt::format("{}|{}|{}|{}|{}|{}", static_cast<int>(d.code), static_cast<int>(d.severity),
                     d.span ? d.span->file : 0, d.span ? d.span->begin : 0, d.span ? d.span->end : 0, d.message);
}

struct Found {
  Diagnostic diagnostic;
  std::vector<Choice> under;  // the ways of reading it is found under
};

// Gathers findings from every way of reading, each once, in the order first found.
class Gathered {
 public:
  void add(const Diagnostic& diagnostic, const Choice& choice) {
    auto [at, added] = index_.emplace(key_of(diagnostic), found_.size());
    if (added) found_.push_back({diagnostic, {}});
    found_[at->second].under.push_back(choice);
  }
  // Into `sink`, each with the readings it depends on when not found under every way.
  void report(DiagnosticSink& sink, const std::vector<AmbiguityWords>& ambiguities, std::size_t ways) const {
    for (const auto& found : found_) {
      auto d = found.diagnostic;
      if (found.under.size() < ways) {
        for (auto& note : readings_depended_on(ambiguities, found.under)) d.notes.push_back(std::move(note));
      }
      sink.add(std::move(d));
    }
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Found> found_;
};

std::string quoted_labels(const AmbiguityWords& ambiguity, const std::set<std::uint32_t>& ways) {
  std::vector<std::string> labels;
  for (auto way : ways) labels.push_back(fmt::format("'{}'", ambiguity.labels.at(way)));
  return spoken_list(labels, "or");
}

}  // namespace

std::vector<Note> readings_depended_on(const std::vector<AmbiguityWords>& ambiguities,
                                       const std::vector<Choice>& found_under) {
  std::vector<std::set<std::uint32_t>> ways(ambiguities.size());
  for (const auto& choice : found_under) {
    for (std::size_t i = 0; i < ambiguities.size(); ++i) ways[i].insert(choice.at(i));
  }
  std::size_t product = 1;
  for (const auto& each : ways) product *= each.size();
  std::vector<Note> notes;
  if (product == found_under.size()) {
    for (std::size_t i = 0; i < ambiguities.size(); ++i) {
      if (ways[i].size() == ways_of(ambiguities[i])) continue;
      notes.push_back({ambiguities[i].span, fmt::format("found only when '{}' is read as {}", ambiguities[i].about,
                                                        quoted_labels(ambiguities[i], ways[i]))});
    }
    return notes;
  }
  std::vector<std::string> each;
  for (const auto& choice : found_under) {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < ambiguities.size(); ++i) {
      if (ways[i].size() > 1) labels.push_back(fmt::format("'{}'", ambiguities[i].labels.at(choice[i])));
    }
    each.push_back(spoken_list(labels, "with"));
  }
  notes.push_back({ambiguities.front().span, fmt::format("found only when read as {}", spoken_list(each, "or as"))});
  return notes;
}

bool records_ambiguities(const Program& program) { return !ambiguities_of(program).empty(); }

void check_with_readings(CheckedFile& file, const SourceManager& sources, DiagnosticSink& sink, std::int64_t today,
                         const analysis::Dictionary& dictionary) {
  auto statements = ambiguities_of(file.program);
  auto ambiguities = ambiguity_words(statements);
  std::size_t count = 1;
  for (const auto& ambiguity : ambiguities) {
    count *= ways_of(ambiguity);
    if (count <= most_combinations_of_readings) continue;
    auto& d = sink.report(Code::P010, ambiguity.span,
                          fmt::format("with this ambiguity the protocol can be read more than {} ways, and escc "
                                      "checks each way as a protocol of its own",
                                      most_combinations_of_readings));
    d.suggestion = "record as one ambiguity the points whose readings go together, with a reading for each way the "
                   "document can be read";
    return;
  }
  // What holds in every reading: every ambiguity left out, with what each reading says
  // kept beside it. Every statement is resolved again below, in some combination, where
  // any problem with it is reported.
  DiagnosticSink shown_sink;
  file.model = resolve(file.program, sources, shown_sink);

  auto choices = combinations(ambiguities);
  std::vector<model::Model> models;
  models.reserve(choices.size());
  Gathered resolution;
  bool errors = false;
  for (std::size_t k = 0; k < choices.size(); ++k) {
    auto program = with_readings(file.program, choices[k]);
    DiagnosticSink resolving;
    models.push_back(resolve(program, sources, resolving));
    errors = errors || resolving.errors() > 0;
    for (const auto& d : resolving.diagnostics()) resolution.add(d, choices[k]);
  }
  resolution.report(sink, ambiguities, choices.size());
  file.resolved = !errors && shown_sink.errors() == 0;
  if (!file.resolved) return;

  std::vector<analysis::Analyses> analyses(models.size());
  Gathered findings;
  // Every quote, those of each reading included, is in the model shown: its document is
  // normalised and its quotes looked for once, not once for each way of reading.
  auto quotes = analysis::verify_quotes(file.model);
  auto unfamiliar = analysis::unfamiliar_words(file.model, dictionary);
  for (std::size_t k = 0; k < models.size(); ++k) {
    // The ambiguities themselves are a finding under every reading (G012).
    models[k].ambiguities = file.model.ambiguities;
    analyses[k] = analysis::analyse(models[k], quotes);
    analyses[k].unfamiliar_words = unfamiliar;
    DiagnosticSink checked;
    checks::run_checks(models[k], analyses[k], today, checked);
    for (const auto& d : checked.diagnostics()) findings.add(d, choices[k]);
  }
  findings.report(sink, ambiguities, choices.size());
  file.analyses = analysis::analyse(file.model, std::move(quotes));
  file.analyses.unfamiliar_words = std::move(unfamiliar);
  std::vector<const analysis::Analyses*> each;
  for (const auto& reading : analyses) each.push_back(&reading);
  analysis::widen_over_readings(file.analyses, each);
}

}  // namespace esc
