// What a protocol may record as `unknown SUBJECT "reason"`, where, and which checks
// each subject affects: one table, read by resolution (the subjects and where each may
// stand), by the checks (compiler/checks/unknowns.cpp: whether a finding is about
// something recorded as unknown) and by the tests that hold docs/language.md to it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "compiler/findings/diagnostics.hpp"
#include "compiler/model/model.hpp"

namespace esc::model {

// Where an `unknown` stands; a route is a stage here. It covers findings about that
// place and every place within it: the protocol's, the whole protocol.
enum class UnknownPlace : std::uint8_t { protocol = 1, stage = 2, agency = 4, line = 8 };
using UnknownPlaces = Flags<UnknownPlace>;
std::string_view unknown_place_words(UnknownPlace place);  // "the protocol block", "a stage or route", ...

// How a check treats a finding about something recorded as unknown: it says so, with
// the reason, or it stays quiet (the finding would only repeat what the unknown says).
enum class Telling : std::uint8_t { says_so, quiet };

struct Affected {
  Code code;
  Telling telling = Telling::says_so;
};

struct UnknownRow {
  UnknownSubject subject;
  std::string_view name;  // as written: "immediate_risk"
  UnknownPlaces stands_in;
  std::string_view means;  // for messages: "the stages", "the timeframe"
  std::span<const Affected> affects;
};

namespace unknown_table {

using enum UnknownPlace;
using T = Telling;

// Stages that are not known may hold the routes and the contacts the protocol gives, by
// day and out of hours.
inline constexpr Affected stages[] = {{Code::S001, T::quiet}, {Code::S002}, {Code::S003, T::quiet}, {Code::S004},
                                      {Code::S005},           {Code::S006}, {Code::S007},           {Code::G007},
                                      {Code::G008},           {Code::C015}};
inline constexpr Affected figure[] = {{Code::S006}};
inline constexpr Affected timeframe[] = {{Code::T004}, {Code::T005}};
// Moves that were lost may lead to a stage nothing else leads to, or end at a stage that
// is final: a stage's lost outcomes bear on S001 and S004 beyond the stage itself.
inline constexpr Affected outcomes[] = {{Code::S001}, {Code::S002}, {Code::S004}};
inline constexpr Affected contacts[] = {{Code::C001}, {Code::C002}, {Code::C003}, {Code::C007}, {Code::C008},
                                       {Code::C015}, {Code::S010}};
inline constexpr Affected lines[] = {{Code::C002}, {Code::G008}};
inline constexpr Affected hours[] = {{Code::C007}, {Code::C008}, {Code::C015}};
inline constexpr Affected approval[] = {{Code::G005}};
inline constexpr Affected review[] = {{Code::G002}};
inline constexpr Affected status[] = {{Code::G004}};
inline constexpr Affected immediate_risk[] = {{Code::G006}};
inline constexpr Affected binding[] = {{Code::G007}};
inline constexpr Affected decision_maker[] = {{Code::S010}};

// In the order docs/language.md lists them.
inline constexpr std::array rows = {
    UnknownRow{UnknownSubject::stages, "stages", {protocol}, "the stages", stages},
    UnknownRow{UnknownSubject::figure, "figure", {protocol}, "a figure", figure},
    UnknownRow{UnknownSubject::timeframe, "timeframe", {protocol, stage}, "the timeframe", timeframe},
    UnknownRow{UnknownSubject::outcomes, "outcomes", {stage}, "what happens after the stage", outcomes},
    UnknownRow{UnknownSubject::contacts, "contacts", {protocol, stage, agency, line}, "the contacts", contacts},
    UnknownRow{UnknownSubject::lines, "lines", {protocol, agency}, "the escalation lines", lines},
    UnknownRow{UnknownSubject::hours, "hours", {protocol, agency, line}, "when contacts can be reached", hours},
    UnknownRow{UnknownSubject::seniority, "seniority", {protocol, agency}, "the seniority of roles", {}},
    UnknownRow{UnknownSubject::approval, "approval", {protocol}, "the approval", approval},
    UnknownRow{UnknownSubject::review, "review", {protocol}, "the review date", review},
    UnknownRow{UnknownSubject::status, "status", {protocol}, "the status", status},
    UnknownRow{UnknownSubject::immediate_risk, "immediate_risk", {protocol}, "the rule for immediate risk",
               immediate_risk},
    UnknownRow{UnknownSubject::binding, "binding", {protocol, stage}, "whether the decision is binding", binding},
    UnknownRow{UnknownSubject::decision_maker, "decision_maker", {stage}, "who makes the decision", decision_maker},
};

}  // namespace unknown_table

constexpr bool unknown_rows_follow_subjects() {
  for (std::size_t i = 0; i < unknown_table::rows.size(); ++i) {
    if (static_cast<std::size_t>(unknown_table::rows[i].subject) != i) return false;
  }
  return static_cast<std::size_t>(UnknownSubject::decision_maker) + 1 == unknown_table::rows.size();
}
static_assert(unknown_rows_follow_subjects(), "the unknown table has one row per subject, in the subjects' order");

constexpr const UnknownRow& row_of(UnknownSubject subject) {
  return unknown_table::rows[static_cast<std::size_t>(subject)];
}
inline std::string_view unknown_subject_name(UnknownSubject subject) { return row_of(subject).name; }
std::optional<UnknownSubject> find_unknown_subject(std::string_view name);

}  // namespace esc::model
