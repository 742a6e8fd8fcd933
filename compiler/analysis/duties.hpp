// What is to be done at each stage: decided here once. The duties a stage states and
// those the protocol states once for every stage ("all escalation must be recorded")
// reach `escc deadlines` and the generated C++ tables through this answer; the page
// shows a duty of the whole protocol once, and none of them works the list out again.
#pragma once

#include <string>
#include <vector>

#include "compiler/model/model.hpp"

namespace esc::analysis {

struct StageDuty {
  const model::Duty* duty = nullptr;
  bool whole_protocol = false;  // stated once for every stage, not by the stage itself
};

// The stage's own duties, in the order written, then the protocol's that hold there: a
// duty of the whole protocol holds at every stage, informal stage and route, or at the
// formal stages only when the document says so. The immediate-risk rule stands apart
// from the escalation and takes none of them.
std::vector<StageDuty> duties_at(const model::Model& model, const model::Stage& stage);

// As the document says it: "Must record the outcome to A or B on the child's file, by
// the manager, within 2 working days, if the child is looked after".
std::string duty_words(const model::Duty& duty, const model::Model& model);

// Where a duty of the whole protocol holds: "at every stage", "at every formal stage".
std::string_view where_duty_holds(const model::Duty& duty);

}  // namespace esc::analysis
