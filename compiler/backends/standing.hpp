// The page's standing, told to its readers at the top in plain words: a draft or a
// withdrawn protocol, a review date passed, stages the text does not give, and points a
// check found that the partnership has not resolved. Only what the model and the
// findings record: where the document is silent, nothing is said.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "compiler/backends/chart.hpp"
#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"

namespace esc::backends {

struct StandingFacts {
  const model::Model* model = nullptr;
  std::span<const Diagnostic> findings;  // every finding on the protocol, allowed ones too
  std::int64_t today = 0;                // the build's date, for the review
};

// The notice under the page's title (empty when there is nothing to say); it links to
// the section points_to_resolve_html writes.
std::string standing_html(const StandingFacts& facts);
// The same, in brief, for the index: "draft", "due for review in March 2024".
std::vector<std::string> standing_in_brief(const StandingFacts& facts);
// Beside the chart, when the stages it shows may not be the whole process.
std::string stages_not_whole_html(const model::Model& model);
// The section listing the points not resolved, each with where the page shows it.
std::string points_to_resolve_html(const StandingFacts& facts, const Chart& chart);

}  // namespace esc::backends
