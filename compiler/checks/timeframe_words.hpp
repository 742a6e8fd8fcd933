// Timeframes as findings speak of them, and every timeframe of a protocol in turn. A
// finding keeps the document's own must, should or may, and says when the document
// gives a timeframe only as a guide, so that no finding hardens what the document says.
#pragma once

#include <functional>
#include <string>

#include "compiler/model/model.hpp"

namespace esc::checks {

// "must be done", "should be done", "may be done"; "is to be done" when the document
// does not say.
std::string to_be_done(const model::Timeframe& timeframe);

// Whether the document gives this timeframe of the escalation as advice: "as a guide", "indicative", or
// under a protocol that calls its timeframes indicative (unless this one says must).
bool is_advisory(const model::Timeframe& timeframe, const model::Model& model);

// " (as a guide)", " (indicative)", " (the protocol calls its timeframes indicative)",
// or nothing for a timeframe that is not advisory: to follow the timeframe's words.
std::string advisory_words(const model::Timeframe& timeframe, const model::Model& model);

// Every timeframe of the escalation, in file order within each kind of place: the overall
// targets, each stage's own, its steps' and duties' (outcome duties included), and the
// duties on agencies' lines. What a protocol calls its timeframes (`timeframes
// indicative`) speaks of these: the immediate-risk rule stands apart from the stages,
// and its own words alone say whether it must be met.
void for_each_escalation_timeframe(const model::Model& model,
                                   const std::function<void(const model::Timeframe&)>& each);

// Every timeframe the protocol states: the immediate-risk rule's, then the escalation's.
void for_each_timeframe(const model::Model& model, const std::function<void(const model::Timeframe&)>& each);

// Every duration the protocol states: each timeframe's, and each `cumulative` claim.
void for_each_duration(const model::Model& model, const std::function<void(const model::Duration&)>& each);

}  // namespace esc::checks
