#include "compiler/checks/timeframe_words.hpp"

#include <fmt/format.h>

namespace esc::checks {

std::string to_be_done(const model::Timeframe& timeframe) {
  if (timeframe.modality == model::Modality::unstated) return "is to be done";
  return fmt::format("{} be done", model::modality_name(timeframe.modality));
}

namespace {

bool protocol_calls_indicative(const model::Model& model) {
  return model.protocol && model.protocol->timeframes_indicative.has_value();
}

}  // namespace

bool is_advisory(const model::Timeframe& timeframe, const model::Model& model) {
  if (timeframe.advisory()) return true;
  return protocol_calls_indicative(model) && timeframe.modality != model::Modality::must;
}

std::string advisory_words(const model::Timeframe& timeframe, const model::Model& model) {
  if (timeframe.advisory()) return fmt::format(" ({})", model::guidance_name(timeframe.guidance));
  if (!is_advisory(timeframe, model)) return {};
  return model.protocol->timeframes_mandatory ? " (the protocol calls its timeframes both mandatory and indicative)"
                                              : " (the protocol calls its timeframes indicative)";
}

namespace {

void each_timeframe_of(const model::Stage& stage, const std::function<void(const model::Timeframe&)>& each) {
  auto duties = [&](const std::vector<model::Duty>& list) {
    for (const auto& duty : list) {
      if (duty.timeframe) each(*duty.timeframe);
    }
  };
  for (const auto& timeframe : stage.timeframes) each(timeframe);
  for (const auto& step : stage.steps) {
    if (step.timeframe) each(*step.timeframe);
    for (const auto& variant : step.variants) {
      if (variant.timeframe) each(*variant.timeframe);
    }
  }
  duties(stage.duties);
  for (const auto& outcome : stage.outcomes) duties(outcome.duties);
}

}  // namespace

void for_each_escalation_timeframe(const model::Model& model,
                                   const std::function<void(const model::Timeframe&)>& each) {
  if (model.protocol) {
    for (const auto& target : model.protocol->targets) each(target.timeframe);
    for (const auto& duty : model.protocol->duties) {
      if (duty.timeframe) each(*duty.timeframe);
    }
  }
  for (const auto& stage : model.stages) each_timeframe_of(stage, each);
  for (const auto& agency : model.agencies) {
    for (const auto& line : agency.lines) {
      for (const auto& duty : line.duties) {
        if (duty.timeframe) each(*duty.timeframe);
      }
    }
  }
}

void for_each_timeframe(const model::Model& model, const std::function<void(const model::Timeframe&)>& each) {
  if (model.immediate_risk) each_timeframe_of(*model.immediate_risk, each);
  for_each_escalation_timeframe(model, each);
}

void for_each_duration(const model::Model& model, const std::function<void(const model::Duration&)>& each) {
  for_each_timeframe(model, [&](const model::Timeframe& timeframe) { each(timeframe.duration); });
  for (const auto& stage : model.stages) {
    for (const auto& step : stage.steps) {
      if (step.cumulative) each(*step.cumulative);
    }
    if (stage.cumulative) each(*stage.cumulative);
  }
}

}  // namespace esc::checks
