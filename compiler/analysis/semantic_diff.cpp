#include "compiler/analysis/semantic_diff.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/flow.hpp"

namespace esc::analysis {
namespace {

struct KindName {
  ChangeKind kind;
  std::string_view name;
};

constexpr KindName kind_names[] = {
    {ChangeKind::stage_added, "stage-added"},
    {ChangeKind::stage_removed, "stage-removed"},
    {ChangeKind::stage_renumbered, "stage-renumbered"},
    {ChangeKind::stage_renamed, "stage-renamed"},
    {ChangeKind::timeframe_longer, "timeframe-longer"},
    {ChangeKind::timeframe_shorter, "timeframe-shorter"},
    {ChangeKind::timeframe_changed, "timeframe-changed"},
    {ChangeKind::target_longer, "target-longer"},
    {ChangeKind::target_shorter, "target-shorter"},
    {ChangeKind::route_changed, "route-changed"},
    {ChangeKind::condition_changed, "condition-changed"},
    {ChangeKind::contact_added, "contact-added"},
    {ChangeKind::contact_removed, "contact-removed"},
    {ChangeKind::contact_changed, "contact-changed"},
    {ChangeKind::availability_changed, "availability-changed"},
    {ChangeKind::out_of_hours_lost, "out-of-hours-lost"},
    {ChangeKind::scope_changed, "scope-changed"},
    {ChangeKind::status_changed, "status-changed"},
    {ChangeKind::approval_changed, "approval-changed"},
    {ChangeKind::review_changed, "review-changed"},
    {ChangeKind::calendar_changed, "calendar-changed"},
    {ChangeKind::statement_added, "statement-added"},
    {ChangeKind::statement_removed, "statement-removed"},
    {ChangeKind::statement_changed, "statement-changed"},
};

std::string quoted(std::string_view text) { return fmt::format("\"{}\"", text); }

// "stage 2 \"Line managers\"", or "stage 2" for a stage the document does not name.
std::string stage_named(const model::Stage& stage) {
  return stage.named() ? fmt::format("{} {}", stage.label(), quoted(stage.title.value)) : stage.label();
}

std::string title_or_none(const model::Stage& stage) {
  return stage.title.value.empty() ? std::string("no title") : quoted(stage.title.value);
}

std::string date_text(const std::optional<model::Date>& date) {
  if (!date) return "none";
  if (date->year_only()) return fmt::format("{:04}", date->year);
  if (date->month_only()) return fmt::format("{:04}-{:02}", date->year, date->month);
  return fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day);
}

std::string scope_text(model::Flags<model::Scope> scope) {
  std::vector<std::string> parts;
  if (scope.has(model::Scope::children)) parts.push_back("children");
  if (scope.has(model::Scope::young_people)) parts.push_back("young people");
  if (scope.has(model::Scope::adults)) parts.push_back("adults");
  if (scope.has(model::Scope::families)) parts.push_back("families");
  return parts.empty() ? "not stated" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string days_or_none(const std::optional<model::WorkingDays>& days) {
  return days ? days_words(*days) : "no countable time";
}

// The whole-protocol target in working days, if the protocol sets one.
std::optional<model::WorkingDays> target_of(const model::Model& m) {
  if (!m.protocol) return std::nullopt;
  for (const auto& target : m.protocol->targets) {
    if (!target.first_stage && !target.last_stage) return target.timeframe.working_days();
  }
  return std::nullopt;
}

struct Facts {
  const model::Model& model;
  const Flow& flow;
  const Durations& durations;
  const std::vector<PathPoint>& totals;
  std::vector<const PathPoint*> point_of;

  Facts(const model::Model& m, const Analyses& analyses)
      : model(m), flow(analyses.flow), durations(analyses.durations), totals(analyses.totals) {
    point_of.assign(m.stages.size(), nullptr);
    for (const auto& point : totals) point_of[point.stage.index] = &point;
  }
};

// Where outcomes lead. Targets are named as the later version names them (`name_of`
// maps a stage of this version to that name), so that renumbering or renaming a stage
// is not also reported as a change of route.
template <typename NameOf>
std::multiset<std::string> moves_of(const model::Stage& stage, NameOf name_of) {
  std::multiset<std::string> moves;
  for (const auto& outcome : stage.outcomes) {
    for (const auto& action : outcome.actions) {
      std::string where;
      if (action.kind == model::ActionKind::go_to && action.target.valid()) {
        where = "go to " + name_of(action.target.index);
      } else if (action.kind == model::ActionKind::end) {
        where = "close";
      } else {
        continue;
      }
      // The document's must, should or may is part of the move ("may go to stage 4").
      if (action.modality != model::Modality::unstated) where = fmt::format("{} {}", model::modality_name(action.modality), where);
      moves.insert(fmt::format("when {}{}: {}", model::outcome_name(outcome.kind),
                               outcome.condition ? fmt::format(" if {}", quoted(outcome.condition->value)) : "", where));
    }
  }
  return moves;
}

struct PlacedContact {
  const model::Contact* contact;
  std::string place;  // "stage 2", "police line 1", "police", "the protocol"
};

std::string texts_joined(const std::vector<model::Text>& texts) {
  std::vector<std::string_view> values;
  for (const auto& t : texts) values.push_back(t.value);
  return fmt::format("{}", fmt::join(values, ", "));
}

std::string kinds_words(const model::Contact& c) {
  std::string text;
  if (c.case_kinds == model::CaseKinds{model::CaseKind::open_cases}) text = "open cases only";
  if (c.case_kinds == model::CaseKinds{model::CaseKind::new_referrals}) text = "new referrals only";
  if (c.condition) text += (text.empty() ? "" : ", ") + fmt::format("if {}", quoted(c.condition->value));
  return text.empty() ? "any case" : text;
}

// Contacts by place and title; a stage is named as in the version after, so that a
// renumbered stage's contacts are not reported as moved.
std::map<std::string, std::vector<PlacedContact>> contacts_by_place(const model::Model& m,
                                                                   const std::vector<std::string>& stage_names) {
  std::map<std::string, std::vector<PlacedContact>> places;
  if (m.protocol) {
    for (const auto& c : m.protocol->contacts) places["the protocol"].push_back({&c, "the protocol"});
  }
  for (std::uint32_t i = 0; i < m.stages.size(); ++i) {
    for (const auto& c : m.stages[i].contacts) places[stage_names[i]].push_back({&c, stage_names[i]});
  }
  for (const auto& agency : m.agencies) {
    for (const auto& c : agency.contacts) places[agency.name].push_back({&c, agency.name});
    for (const auto& line : agency.lines) {
      auto place = fmt::format("{} line {}", agency.name, line.label);
      for (const auto& c : line.contacts) places[place].push_back({&c, place});
    }
  }
  return places;
}

class Differ {
 public:
  Differ(const model::Model& before, const Analyses& before_analyses, const model::Model& after,
         const Analyses& after_analyses)
      : before_(before), after_(after), before_analyses_(before_analyses), after_analyses_(after_analyses) {}

  std::vector<Change> run() {
    protocol();
    stages();
    contacts();
    return std::move(changes_);
  }

 private:
  void add(ChangeKind kind, std::string subject, std::string description) {
    changes_.push_back({kind, std::move(subject), std::move(description)});
  }

  void protocol() {
    const auto* a = before_.protocol ? &*before_.protocol : nullptr;
    const auto* b = after_.protocol ? &*after_.protocol : nullptr;
    if (!a || !b) return;
    auto status = [](const model::Protocol& p) {
      return p.status ? std::string(model::status_name(p.status->value)) : std::string("not stated");
    };
    if (status(*a) != status(*b)) {
      add(ChangeKind::status_changed, "the protocol", fmt::format("status {} → {}", status(*a), status(*b)));
    }
    if (a->scope != b->scope) {
      add(ChangeKind::scope_changed, "the protocol",
          fmt::format("covers {} → {}", scope_text(a->scope), scope_text(b->scope)));
    }
    auto approvals = [](const model::Protocol& p) {
      std::vector<std::string> list;
      for (const auto& approval : p.approvals) list.push_back(texts_joined(approval.names) + " on " + date_text(approval.date));
      return list;
    };
    if (approvals(*a) != approvals(*b)) {
      auto before = approvals(*a);
      auto after = approvals(*b);
      add(ChangeKind::approval_changed, "the protocol",
          fmt::format("approved by {} → {}", before.empty() ? "nobody" : fmt::format("{}", fmt::join(before, "; ")),
                      after.empty() ? "nobody" : fmt::format("{}", fmt::join(after, "; "))));
    }
    if (date_text(a->review_due) != date_text(b->review_due)) {
      add(ChangeKind::review_changed, "the protocol",
          fmt::format("review due {} → {}", date_text(a->review_due), date_text(b->review_due)));
    }
    if (date_text(a->last_reviewed) != date_text(b->last_reviewed)) {
      add(ChangeKind::review_changed, "the protocol",
          fmt::format("last reviewed {} → {}", date_text(a->last_reviewed), date_text(b->last_reviewed)));
    }
    auto calendar = [](const model::Protocol& p) { return p.calendar_name ? std::string(p.calendar_name->value) : "none"; };
    if (calendar(*a) != calendar(*b)) {
      add(ChangeKind::calendar_changed, "the protocol", fmt::format("calendar {} → {}", calendar(*a), calendar(*b)));
    }
    auto target_a = target_of(before_);
    auto target_b = target_of(after_);
    if (target_a && target_b && !(*target_a == *target_b)) {
      add(target_b->high > target_a->high ? ChangeKind::target_longer : ChangeKind::target_shorter, "the protocol",
          fmt::format("overall target {} → {}", days_words(*target_a), days_words(*target_b)));
    } else if (target_a.has_value() != target_b.has_value()) {
      add(target_b ? ChangeKind::target_shorter : ChangeKind::target_longer, "the protocol",
          fmt::format("overall target {} → {}", days_or_none(target_a), days_or_none(target_b)));
    }
  }

  void stages() {
    Facts a(before_, before_analyses_);
    Facts b(after_, after_analyses_);
    auto match = match_stages(before_, after_);
    std::vector<bool> matched_after(after_.stages.size(), false);
    for (auto j : match) {
      if (j != model::no_id) matched_after[j] = true;
    }
    for (std::uint32_t i = 0; i < before_.stages.size(); ++i) {
      if (match[i] != model::no_id) continue;
      const auto& stage = before_.stages[i];
      add(ChangeKind::stage_removed, stage.label(), fmt::format("{} is removed", stage_named(stage)));
    }
    for (std::uint32_t j = 0; j < after_.stages.size(); ++j) {
      const auto& now = after_.stages[j];
      if (!matched_after[j]) {
        add(ChangeKind::stage_added, now.label(),
            fmt::format("{} is new, taking {}", stage_named(now),
                        days_or_none(b.durations.stages[j].own)));
        continue;
      }
      auto i = static_cast<std::uint32_t>(std::find(match.begin(), match.end(), j) - match.begin());
      const auto& was = before_.stages[i];
      if (was.label() != now.label()) {
        add(ChangeKind::stage_renumbered, now.label(), fmt::format("{} was {}", stage_named(now), was.label()));
      }
      if (was.title.value != now.title.value) {
        add(ChangeKind::stage_renamed, now.label(),
            fmt::format("title {} → {}", title_or_none(was), title_or_none(now)));
      }
      const auto& time_a = a.durations.stages[i].own;
      const auto& time_b = b.durations.stages[j].own;
      bool same_time = time_a.has_value() == time_b.has_value() && (!time_a || *time_a == *time_b);
      if (!same_time) {
        ChangeKind kind = ChangeKind::timeframe_changed;
        if (time_a && time_b) kind = time_b->high > time_a->high ? ChangeKind::timeframe_longer : ChangeKind::timeframe_shorter;
        auto text = fmt::format("takes {} → {}", days_or_none(time_a), days_or_none(time_b));
        // The running totals as computed, not as stated: a stated total the change made
        // wrong is the checker's to report.
        auto end_a = a.point_of[i] ? a.point_of[i]->computed : std::nullopt;
        auto end_b = b.point_of[j] ? b.point_of[j]->computed : std::nullopt;
        if (end_a && end_b && !(*end_a == *end_b)) {
          text += fmt::format("; it now ends by working day {} (was {})", number_words(*end_b), number_words(*end_a));
        }
        add(kind, now.label(), text);
      }
      auto moves_a = moves_of(was, [&](std::uint32_t target) {
        return match[target] != model::no_id ? after_.stages[match[target]].label()
                                             : before_.stages[target].label() + " (removed)";
      });
      auto moves_b = moves_of(now, [&](std::uint32_t target) { return after_.stages[target].label(); });
      if (moves_a != moves_b) {
        std::vector<std::string> gone;
        std::vector<std::string> added;
        std::set_difference(moves_a.begin(), moves_a.end(), moves_b.begin(), moves_b.end(), std::back_inserter(gone));
        std::set_difference(moves_b.begin(), moves_b.end(), moves_a.begin(), moves_a.end(), std::back_inserter(added));
        std::string text;
        if (!gone.empty()) text += fmt::format("no longer {}", fmt::join(gone, "; "));
        if (!added.empty()) text += fmt::format("{}now {}", text.empty() ? "" : "; ", fmt::join(added, "; "));
        add(ChangeKind::route_changed, now.label(), text);
      }
    }
    // The whole way through, when nothing resolves the disagreement.
    auto total_a = a.totals.empty() ? std::nullopt : a.totals.back().computed;
    auto total_b = b.totals.empty() ? std::nullopt : b.totals.back().computed;
    if (total_a && total_b && !(*total_a == *total_b)) {
      add(total_b->high > total_a->high ? ChangeKind::timeframe_longer : ChangeKind::timeframe_shorter,
          "the whole escalation", fmt::format("the stages now take {} in all (were {})", days_words(*total_b), days_words(*total_a)));
    }
    // Contacts are compared by place; stages are named as they are now.
    old_stage_names_.resize(before_.stages.size());
    for (std::uint32_t i = 0; i < before_.stages.size(); ++i) {
      old_stage_names_[i] = match[i] != model::no_id ? after_.stages[match[i]].label() : before_.stages[i].label() + " (removed)";
    }
  }

  void contacts() {
    std::vector<std::string> new_stage_names;
    for (const auto& stage : after_.stages) new_stage_names.push_back(stage.label());
    auto before = contacts_by_place(before_, old_stage_names_);
    auto after = contacts_by_place(after_, new_stage_names);
    std::set<std::string> places;
    for (const auto& [place, list] : before) places.insert(place);
    for (const auto& [place, list] : after) places.insert(place);
    const auto out_of_hours = Availability::office_hours().missing();
    for (const auto& place : places) {
      auto& was = before[place];
      auto& now = after[place];
      std::vector<bool> used(now.size(), false);
      for (const auto& old_contact : was) {
        std::size_t found = now.size();
        for (std::size_t k = 0; k < now.size(); ++k) {
          if (!used[k] && now[k].contact->title.value == old_contact.contact->title.value) {
            found = k;
            break;
          }
        }
        auto subject = fmt::format("{}: {}", place, old_contact.contact->title.value);
        if (found == now.size()) {
          add(ChangeKind::contact_removed, subject, "removed");
          continue;
        }
        used[found] = true;
        compare_contact(subject, *old_contact.contact, *now[found].contact);
      }
      for (std::size_t k = 0; k < now.size(); ++k) {
        if (used[k]) continue;
        const auto& c = *now[k].contact;
        std::string means = texts_joined(c.phones);
        if (!c.emails.empty()) means += (means.empty() ? "" : ", ") + texts_joined(c.emails);
        add(ChangeKind::contact_added, fmt::format("{}: {}", place, c.title.value),
            fmt::format("added{}, available {}", means.empty() ? "" : " (" + means + ")", availability_words(c, after_)));
      }
      // Cover outside office hours, for the place as a whole.
      Availability cover_before;
      Availability cover_after;
      for (const auto& c : was) cover_before.add(availability_of(*c.contact, before_));
      for (const auto& c : now) cover_after.add(availability_of(*c.contact, after_));
      auto lost = cover_before.within(out_of_hours).within(cover_after.missing());
      if (!lost.empty()) {
        add(ChangeKind::out_of_hours_lost, place, fmt::format("nobody can now be reached {}", lost.describe()));
      }
    }
  }

  void compare_contact(const std::string& subject, const model::Contact& was, const model::Contact& now) {
    std::vector<std::string> details;
    auto compare = [&](std::string_view what, const std::vector<model::Text>& a, const std::vector<model::Text>& b) {
      auto before = texts_joined(a);
      auto after = texts_joined(b);
      if (before != after) {
        details.push_back(fmt::format("{} {} → {}", what, before.empty() ? "none" : before, after.empty() ? "none" : after));
      }
    };
    compare("phone", was.phones, now.phones);
    compare("email", was.emails, now.emails);
    compare("call sign", was.call_signs, now.call_signs);
    compare("switchboard", was.switchboards, now.switchboards);
    auto optional = [](const std::optional<model::Text>& text) { return text ? std::string(text->value) : "none"; };
    if (optional(was.person) != optional(now.person)) {
      details.push_back(fmt::format("person {} → {}", optional(was.person), optional(now.person)));
    }
    if (optional(was.via) != optional(now.via)) {
      details.push_back(fmt::format("via {} → {}", optional(was.via), optional(now.via)));
    }
    auto agency = [](const model::Contact& c, const model::Model& m) {
      return c.of.valid() ? m.agency(c.of).name : std::string("none");
    };
    if (agency(was, before_) != agency(now, after_)) {
      details.push_back(fmt::format("of {} → {}", agency(was, before_), agency(now, after_)));
    }
    if (!details.empty()) add(ChangeKind::contact_changed, subject, fmt::format("{}", fmt::join(details, "; ")));
    auto when_before = availability_words(was, before_);
    auto when_after = availability_words(now, after_);
    if (when_before != when_after) {
      add(ChangeKind::availability_changed, subject, fmt::format("available {} → {}", when_before, when_after));
    }
    if (kinds_words(was) != kinds_words(now)) {
      add(ChangeKind::condition_changed, subject, fmt::format("for {} → {}", kinds_words(was), kinds_words(now)));
    }
  }

  const model::Model& before_;
  const model::Model& after_;
  const Analyses& before_analyses_;
  const Analyses& after_analyses_;
  std::vector<Change> changes_;
  std::vector<std::string> old_stage_names_;
};

}  // namespace

std::vector<std::uint32_t> match_stages(const model::Model& before, const model::Model& after) {
  std::vector<std::uint32_t> match(before.stages.size(), model::no_id);
  std::vector<bool> taken(after.stages.size(), false);
  auto pass = [&](auto same) {
    for (std::uint32_t i = 0; i < before.stages.size(); ++i) {
      if (match[i] != model::no_id) continue;
      for (std::uint32_t j = 0; j < after.stages.size(); ++j) {
        if (taken[j] || before.stages[i].kind != after.stages[j].kind || !same(before.stages[i], after.stages[j])) continue;
        match[i] = j;
        taken[j] = true;
        break;
      }
    }
  };
  pass([](const model::Stage& a, const model::Stage& b) { return a.title.value == b.title.value; });
  pass([](const model::Stage& a, const model::Stage& b) {
    return (a.kind == model::StageKind::formal && a.number == b.number) ||
           (a.kind == model::StageKind::route && a.name == b.name) || a.kind == model::StageKind::informal;
  });
  return match;
}

std::string_view change_kind_name(ChangeKind kind) {
  for (const auto& entry : kind_names) {
    if (entry.kind == kind) return entry.name;
  }
  return "change";
}

const std::vector<ChangeKind>& all_change_kinds() {
  static const std::vector<ChangeKind> kinds = [] {
    std::vector<ChangeKind> list;
    for (const auto& entry : kind_names) list.push_back(entry.kind);
    return list;
  }();
  return kinds;
}

std::vector<Change> semantic_diff(const model::Model& before, const Analyses& before_analyses,
                                  const model::Model& after, const Analyses& after_analyses) {
  return Differ(before, before_analyses, after, after_analyses).run();
}

}  // namespace esc::analysis
