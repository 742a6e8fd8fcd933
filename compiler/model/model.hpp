// The resolved protocol: what the file means, with every name looked up, every
// text decoded and every duration read. Built once by resolve(), then only read:
// checks and back-ends take it `const`. Entities refer to each other by index
// (ids), never by pointer, and keep the span of the text they came from.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <memory>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/source/source.hpp"

namespace esc::model {

inline constexpr std::uint32_t no_id = std::numeric_limits<std::uint32_t>::max();

// An index into one of the model's vectors; `no_id` when absent or unresolved.
template <typename Entity>
struct Id {
  std::uint32_t index = no_id;
  bool valid() const { return index != no_id; }
  bool operator==(const Id&) const = default;
};

struct Stage;
struct Agency;
struct Kind;
struct Level;
struct Hours;
struct Calendar;
struct Form;
using StageId = Id<Stage>;
using AgencyId = Id<Agency>;
using LevelId = Id<Level>;
using KindId = Id<Kind>;
using HoursId = Id<Hours>;
using CalendarId = Id<Calendar>;
using FormId = Id<Form>;

// Text as the protocol means it. The characters live in the source file (owned by the
// SourceManager the model was resolved from, which must outlive the model), or, for
// text written with escapes, in the model's TextStore.
struct Text {
  std::string_view value;
  Span span;
};

// Decoded copies of texts written with escapes (\" or \\). A deque never moves what
// it holds, so views into it stay valid as it grows.
class TextStore {
 public:
  std::string_view keep(std::string text) { return texts_.emplace_back(std::move(text)); }

 private:
  std::deque<std::string> texts_;
};

enum class PassageKind : std::uint8_t { source, note, context };
std::string_view passage_kind_name(PassageKind kind);  // "source", "note", "context"

// A `source` (the document's own words), a `note` (the transcriber's) or a `context`
// (a passage of the document with no formal meaning), and what it is about.
struct Passage {
  Text text;
  // The statement it describes when that statement has no entity of its own (a
  // stage's timeframe, `parties`, `covers`): its keyword as the statement table names
  // it, and its span. Empty when it describes the entity that keeps it.
  std::string_view about;
  Span about_span;
  PassageKind kind = PassageKind::source;
};

// The passages about an entity and the statements written in its block. Few entities
// have any, so the list lives apart and exists only when there is something in it: each
// stage, step, duty and contact of a large protocol stays small.
class Described {
 public:
  Described() = default;
  Described(const Described& other)
      : passages_(other.passages_ ? std::make_unique<std::vector<Passage>>(*other.passages_) : nullptr) {}
  Described& operator=(const Described& other) {
    if (this != &other) passages_ = other.passages_ ? std::make_unique<std::vector<Passage>>(*other.passages_) : nullptr;
    return *this;
  }
  Described(Described&&) noexcept = default;
  Described& operator=(Described&&) noexcept = default;
  ~Described() = default;

  std::span<const Passage> passages() const {
    return passages_ ? std::span<const Passage>(*passages_) : std::span<const Passage>();
  }
  void add_passage(const Passage& passage) {
    if (!passages_) passages_ = std::make_unique<std::vector<Passage>>();
    passages_->push_back(passage);
  }

 private:
  std::unique_ptr<std::vector<Passage>> passages_;
};

struct Date {
  int year = 0;
  int month = 0;  // 0 when the document gives only a year
  int day = 0;  // 0 when the document gives only a month or a year
  Span span;
  // Not a whole day: a month or a year alone.
  bool month_only() const { return day == 0; }
  // A year alone ("2019"): kept as a year, never read as 1 January.
  bool year_only() const { return month == 0; }
};

// A span of working days, [low, high]: the unit every sum is done in.
struct WorkingDays {
  std::int64_t low = 0;
  std::int64_t high = 0;
  bool operator==(const WorkingDays&) const = default;
};

inline WorkingDays operator+(WorkingDays a, WorkingDays b) { return {a.low + b.low, a.high + b.high}; }
// Either of two spans, whichever is taken: from the shorter low to the longer high.
inline WorkingDays range_over(WorkingDays a, WorkingDays b) {
  return {std::min(a.low, b.low), std::max(a.high, b.high)};
}

enum class DurationKind : std::uint8_t { amount, same_working_day, immediately, as_soon_as_possible };
// `days` is "5 days" as the document writes it, without saying working or calendar days.
enum class Unit : std::uint8_t { working_days, calendar_days, hours, working_weeks, weeks, days, months, years };
std::string_view unit_name(Unit unit);  // "working days"

// A value and where the document gives it, kept together.
template <typename Value>
struct Spanned {
  Value value;
  Span span;
};

// A set of flags of a scoped enum: the kinds of case a contact is for, the people a
// protocol covers.
template <typename Flag>
class Flags {
 public:
  constexpr Flags() = default;
  constexpr Flags(std::initializer_list<Flag> flags) {
    for (auto flag : flags) add(flag);
  }
  constexpr void add(Flag flag) { bits_ |= static_cast<std::uint8_t>(flag); }
  constexpr void add(Flags other) { bits_ |= other.bits_; }
  constexpr bool has(Flag flag) const { return (bits_ & static_cast<std::uint8_t>(flag)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint8_t bits() const { return bits_; }
  constexpr bool operator==(const Flags&) const = default;

 private:
  std::uint8_t bits_ = 0;
};

// The document's own word for how binding a step, a timeframe, a duty or a move is.
// `unstated` is the document not saying: it is not read as `must`.
enum class Modality : std::uint8_t { unstated, must, should, may };
std::string_view modality_name(Modality modality);  // "must", "should", "may"; "" when unstated

// A timeframe the document gives "as a guide" or calls "indicative" is advisory.
enum class Guidance : std::uint8_t { none, as_a_guide, indicative };
std::string_view guidance_name(Guidance guidance);  // "as a guide", "indicative"; "" for none

// Fields are ordered largest first, here and in Timeframe, so that no padding is
// needed: every step, duty and stage of a large protocol holds one or two.
struct Duration {
  std::int64_t low = 0;
  std::int64_t high = 0;
  Span span;
  DurationKind kind = DurationKind::amount;
  Unit unit = Unit::working_days;  // for amounts
  // Read as working days under the mixing rule (docs/durations.md): 24 hours is one
  // working day (hours round up), a working week is 5, n calendar days are between
  // 5n/7 (rounded down) and n, and n days of no stated unit are either reading, so
  // the same. Absent for "as soon as possible".
  std::optional<WorkingDays> working_days() const;
  std::string describe() const;  // "2 working days", "24 hours", "same working day"
};

// "one working week or 5 working days, whichever is less": which of two times counts.
enum class Combine : std::uint8_t { lesser, greater };

struct Alternative {
  Duration duration;
  Text word;  // the document's word: "less", "sooner", "later", ...
  Combine combine = Combine::lesser;
};

// Where a time counted from a step starts: the step's start, its end, or the document
// does not say which ("within five working days of step 1").
enum class StepEdge : std::uint8_t { unstated, start, end };

struct StepAnchor {
  Text step;                    // the step's title, as written
  Span span;
  std::uint32_t index = no_id;  // the step, among its stage's steps, once resolved
  StepEdge edge = StepEdge::unstated;
};

struct Timeframe {
  Duration duration;
  // The other time of a target that combines two: kept as written, and read by
  // working_days() as the document combines them.
  std::optional<Alternative> alternative;
  // The step of the same stage the time counts from, instead of the stage's start.
  std::optional<StepAnchor> after_step;
  // The same time as the document also states it, in another unit: "48 hours (two
  // working days)". Kept as written; T013 reports the two when they disagree.
  std::optional<Duration> also_stated;
  std::optional<Text> clock_start;
  Span span;
  bool further = false;    // "within a further ..."
  bool by_day = false;     // "by day N": a deadline counted from the clock start
  bool or_sooner = false;  // "... or sooner"
  Modality modality = Modality::unstated;  // of a stage's own timeframe or a target
  Guidance guidance = Guidance::none;
  bool advisory() const { return guidance != Guidance::none; }
  // The time the whole stage is given: not "by day N" (a day of the whole escalation) nor
  // a time counted from one of its steps (which falls within the stage).
  bool whole_stage() const { return !by_day && !after_step; }
  // The time in working days: the duration's, or the lesser or greater of it and its
  // alternative as the document says. Where one of the two cannot be counted, the
  // lesser is at most the other and the greater is not known.
  std::optional<WorkingDays> working_days() const;
  // As a reader would say it: "within a further 2 working days", "by day 12 or sooner",
  // "within 5 working days as a guide".
  std::string describe() const;
  // The time alone, as the document states it: "5 working days", "one working week or 5
  // working days, whichever is less".
  std::string amount_words() const;
  // With the document's must, should or may: "should be done within 2 working days".
  std::string stated() const;
};

enum class CaseKind : std::uint8_t { open_cases = 1, new_referrals = 2 };
using CaseKinds = Flags<CaseKind>;
inline constexpr CaseKinds all_cases{CaseKind::open_cases, CaseKind::new_referrals};

struct Window {
  std::uint8_t days = 0x7F;  // bit 0 Monday ... bit 6 Sunday
  int from_minute = -1;      // -1: all day
  int to_minute = -1;        // before from_minute: runs past midnight
  bool always = false;
  bool bank_holidays = false;
  bool except_bank_holidays = false;
  bool available_again = false;  // the first window of a contact's second `available`
  HoursId hours;  // a named definition, when the window names one
  Span span;
};

// What a protocol may record as `unknown`: a fixed set, each tied to the checks it
// affects by the table in compiler/model/unknowns.hpp.
enum class UnknownSubject : std::uint8_t {
  stages, figure, timeframe, outcomes, contacts, lines, hours, seniority, approval, review, status, immediate_risk,
  binding, decision_maker,
};

struct Unknown {
  UnknownSubject subject = UnknownSubject::stages;
  std::optional<Text> reason;
  Span span;
  // The reason says the text was lost on the way to escc ("not in the extracted
  // text", "lost when the document was extracted"): the document may well state it.
  bool lost_in_extraction() const;
};

// What the contact checks read comes first (see Stage).
struct Contact : Described {
  AgencyId of;
  CaseKinds case_kinds;  // empty: the document does not limit it to a kind of case
  std::vector<Text> phones;
  std::vector<Text> emails;
  std::vector<Window> windows;  // empty: the document says nothing about when
  std::vector<Text> switchboards;
  std::vector<Text> call_signs;
  Text title;
  std::optional<Text> person;
  std::optional<Text> via;
  std::optional<Text> condition;
  // Numbers the document labels, kept apart from plain `phone` so that the outputs say
  // which is which.
  std::vector<Text> mobiles;
  std::vector<Text> direct_lines;
  std::optional<Text> address;  // postal
  std::optional<Text> purpose;  // what the document says it is for, in its words
  bool not_for_escalation = false;
  // `in own agency`: a post in the reader's own agency ("your agency's safeguarding lead",
  // "their line manager"), reached inside it rather than through a number the document gives.
  bool in_own_agency = false;
  // `details unknown "why"`: the document names the contact but not how to reach them.
  std::optional<Unknown> details_unknown;
  // `as listed`: the contact is one the protocol lists elsewhere. Resolution copies the
  // details of that listing here and keeps where it is (`listed_at`), so that every
  // check and output reads one contact.
  std::optional<Span> as_listed;
  std::optional<Span> listed_at;
  Span span;
  // A post in the reader's own agency: written `in own agency`, or named so by its title
  // ("your agency's safeguarding lead", "their line manager", "the lead in your own agency").
  bool reached_in_own_agency() const;
  // Any number a reader could dial: phones, mobiles, direct lines and switchboards.
  bool has_number() const {
    return !phones.empty() || !mobiles.empty() || !direct_lines.empty() || !switchboards.empty();
  }
};

// The verb of a duty none of the others names: its object is the document's own words,
// verb and all ("prioritise relevant assessments"), so that no duty is bent to fit a verb.
inline constexpr std::string_view duty_in_own_words = "duty";

struct Duty : Described {
  std::string_view verb;  // "record", "notify", "confirm in writing", ...: lives for the program
  std::optional<Text> object;
  FormId form;  // when the object names a form
  std::vector<Text> to;
  std::optional<Text> on, via, by;
  std::vector<Text> emails;
  std::optional<Timeframe> timeframe;
  std::optional<std::int64_t> before_stage;
  std::optional<Text> condition;
  std::optional<Text> purpose;  // what the document says it is for: "so that the LADO is aware"
  std::optional<Text> under;    // another document whose rules it is kept under
  Span span;
  Modality modality = Modality::unstated;
  // "notify A or B": owed to one of those named in `to`, not to each of them.
  bool to_one_of = false;
  // A duty of the whole protocol that the document states for its formal stages only
  // ("at all formal stages"); otherwise it holds at every stage and route.
  bool formal_stages_only = false;
};

enum class ActionKind { go_to, end, duty };

struct Action {
  ActionKind kind = ActionKind::end;
  StageId target;                   // for go_to
  std::uint32_t duty = no_id;       // for duty: an index into the outcome's `duties`
  Span span;
  Modality modality = Modality::unstated;  // "may go to stage 4": an option, not the way a case must go
};

enum class OutcomeKind { resolved, unresolved, no_response };

// "resolved", "unresolved", "no response"
std::string_view outcome_name(OutcomeKind kind);

struct Outcome : Described {
  OutcomeKind kind = OutcomeKind::unresolved;
  std::optional<Text> condition;
  std::vector<Action> actions;
  std::vector<Duty> duties;  // the duties among the actions, kept apart: most actions are not duties
  Span span;
};

// "4a if urgent ... within 24 hours; 4b otherwise ... within 5 working days": one way of
// taking a step, on its condition, with its own time.
struct StepVariant {
  Text label;
  std::optional<Timeframe> timeframe;
  std::optional<Text> condition;
  bool otherwise = false;  // taken when no other variant's condition holds
  Span span;
};

struct Step : Described {
  Text title;
  std::optional<Timeframe> timeframe;
  std::vector<StepVariant> variants;  // when the step is taken in one of several ways
  std::optional<Duration> cumulative;
  std::optional<Text> by;         // who acts at the step
  std::optional<Text> condition;  // "if not agreed": the step is taken only then
  // "part of": the step is done within another step of its stage, in that step's time.
  std::optional<Text> part_of;
  std::optional<std::size_t> part_of_step;  // that step's index in the stage, once resolved
  Span span;
  Modality modality = Modality::unstated;  // "may step ...": a step that need not be taken
  // Where its time is written: its own timeframe, or its first variant's with one.
  std::optional<Span> time_span() const;
  // The step as a reader is told its time: "within 2 working days", or each variant
  // with its condition ("4a if urgent: within 24 hours; 4b otherwise: within 5 working days").
  std::string time_words() const;
};

struct LineRange {
  std::string first;
  std::string last;  // equal to first for a single line
  Span span;
  AgencyId agency;  // `contacts line 2 of police`: that agency's lines only; else every agency's
};

struct Entry {
  bool any_stage = false;
  std::int64_t stage_number = 0;
  std::optional<Text> condition;
  Span span;
};

// "Stage 3 is the formal stage, started by sending form X": the stage the formal procedure
// starts at, and what starts it, in the document's words.
struct FormalStart {
  std::int64_t stage_number = 0;
  std::optional<Text> started_by;
  Span span;
  // `procedure from` where the document does not call the procedure formal: no output
  // then says "formal".
  bool called_formal = true;
  std::optional<Text> condition;  // "should this not be the case": what it starts on
  Modality modality = Modality::unstated;
};

enum class StageKind { formal, informal, route };

// Whom of the contacts a stage lists a practitioner contacts, as the document says:
// `contacts all` (every one of them) or `contacts any one` (one of them). Unstated when
// the document lists them without saying: never read as either.
enum class ContactsJoin : std::uint8_t { unstated, all, any_one };
std::string_view contacts_join_words(ContactsJoin join);  // "all of these", "any one of these"; "" when unstated

// Formal stages, the informal pre-stage and alternative routes share one shape.
// What the checks read of every stage comes first, so that a walk over a large
// protocol's stages touches as few cache lines of each as it can.
struct Stage : Described {
  StageKind kind = StageKind::formal;
  // "A meeting may be convened": a stage the document says may be held. Its time is
  // never counted as certain, and every output says "may".
  Modality modality = Modality::unstated;
  bool final = false;
  bool binding = false;
  LevelId level;
  std::int64_t number = 0;  // formal stages
  std::vector<Outcome> outcomes;
  std::vector<Entry> entries;
  std::vector<Step> steps;
  std::vector<Timeframe> timeframes;  // stated for the stage as a whole
  std::vector<Duty> duties;
  std::vector<Contact> contacts;
  std::vector<LineRange> contact_lines;
  std::optional<Spanned<ContactsJoin>> contacts_join;
  std::optional<Duration> cumulative;
  Text title;
  Span span;
  std::string name;  // routes
  std::vector<Text> parties;
  std::optional<Text> through, actor;
  // `by "A" or "B"`: the others the document names beside `actor`, one of whom acts.
  std::vector<Text> actor_alternatives;
  // `decided by`: who makes a final stage's decision, where the document names them apart
  // from the stage's parties.
  std::optional<Text> decided_by;
  // "Stage 4: the Chair or the Business Manager": everyone `by` names, joined as written.
  std::string actor_words() const;
  std::vector<Unknown> unknowns;
  // A stage of the regional protocol that the local one adds to (`stage 2 { ... }` in a
  // file that extends it): where the local file does, and the title it gives, if any.
  // What it adds is in the lists above, each part with the span of its own file.
  std::vector<Span> local_layers;
  std::optional<Text> local_title;
  std::string label() const;  // "stage 2", "informal stage", "route exceptional"
  // Whether the document names the stage: a stage written without a title, or with one
  // that only repeats its number ("Stage 1"), is known by its number alone.
  bool named() const;
  // As a heading: "Stage 2: Line managers", "Stage 2" when the document names it not,
  // "Informal stage: Practitioner discussion", "Route: Referral to the Chair".
  std::string heading() const;
  // Whether it is a formal stage of the procedure: a numbered stage, from the one the
  // protocol says the formal procedure starts at, when it says so.
  bool formal_under(const std::optional<FormalStart>& start) const {
    return kind == StageKind::formal && (!start || number >= start->stage_number);
  }
};

struct Role : Described {
  Text title;
  LevelId level;
  std::optional<Text> person;
  Span span;
};

struct Line : Described {
  std::string label;  // "1", "initial"
  std::optional<Text> title;
  std::vector<Contact> contacts;
  std::vector<Duty> duties;
  std::vector<Unknown> unknowns;
  Span span;
};

struct Agency : Described {
  std::string name;
  Text title;
  std::vector<Text> also_called;  // other names the document gives it
  std::optional<Text> kind;
  KindId kind_id;
  std::vector<Role> roles;
  std::vector<Line> lines;
  std::vector<Contact> contacts;
  std::vector<Unknown> unknowns;
  Span span;
};

// A kind of agency ("police", "adult_social_care"), declared once (std.agencies).
struct Kind : Described {
  std::string name;
  std::optional<Text> title;
  Span span;
};

struct Level : Described {
  std::string name;
  std::optional<Text> title;
  Span span;
};

struct Hours : Described {
  std::string name;
  std::optional<Text> title;
  std::vector<Window> windows;
  Span span;
};

struct BankHoliday {
  Date date;
  std::optional<Text> name;
};

struct Calendar : Described {
  std::string name;
  std::optional<Text> title;
  std::uint8_t working_days = 0x1F;
  int data_from = 0;  // first and last year the holiday data covers
  int data_to = 0;
  std::vector<BankHoliday> holidays;  // in date order
  Span span;
};

struct Section {
  Text title;
  std::vector<Text> fields;
};

struct Form : Described {
  std::string name;
  Text title;
  std::optional<std::int64_t> required_from;
  std::vector<Contact> send_to;
  std::vector<Section> sections;
  std::vector<Text> fields;
  std::vector<Text> columns;
  Span span;
};

// Complaints about the partnership itself ("about the decisions of the partnership"): who
// handles them and their duties. No stage of the escalation holds them.
struct Complaints : Described {
  Text about;
  std::vector<Contact> contacts;
  std::vector<Duty> duties;
  Span span;
};

struct Figure : Described {
  Text title;
  std::vector<std::int64_t> stage_numbers;
  Span span;
};

struct Approval {
  std::vector<Text> names;
  std::optional<Date> date;
  Span span;
};

struct Partnership {
  Text name;  // empty where the document gives only the abbreviation
  std::optional<std::string> short_name;
  std::vector<Text> also_called;  // other names the document gives it
  std::optional<Text> formerly;   // the body it replaced
  Span span;
  Span short_name_span;
  // `partnership as LSAB`: the document never gives the name, and escc never guesses it.
  bool known_only_by_abbreviation() const { return name.value.empty() && short_name.has_value(); }
  std::string_view shown_name() const { return known_only_by_abbreviation() ? *short_name : name.value; }
};

struct Target : Described {
  Timeframe timeframe;
  std::optional<std::int64_t> first_stage, last_stage;  // "covering stages 1 to 3"
  Span span;
};

struct ReadWith {
  Text title;
  std::optional<Text> url;
  Span span;
};

enum class Frequency : std::uint8_t { monthly, quarterly, annually };
std::string_view frequency_name(Frequency frequency);  // "quarterly"

struct Report {
  Frequency frequency = Frequency::annually;
  std::optional<int> every_months;  // "every 6 months"; `frequency` is then unused
  std::optional<Text> what;         // what is counted and reported, in the document's words
  std::vector<Text> to;
  Span span;
  std::string describe() const;  // "quarterly", "every 6 months"
};

// "For a GP, the practice safeguarding lead."
struct Counterpart {
  Text who;
  Text for_whom;
  Span span;
};

// The procedures manual (chapter, section) the protocol is part of.
// A document the protocol leaves in force beside it: "does not replace the statutory
// complaints process", or, in the document's word, "separate from" it.
struct NotReplaced {
  Text document;
  bool said_separate = false;
  Span span;
};

// The situations a protocol is used in; `joined_by[i]` is the document's word between
// situations i and i + 1 ("and", "or", "and/or", or "," alone).
struct UsedWhen {
  std::vector<Text> situations;
  std::vector<std::string_view> joined_by;
  Span span;
};

// The ways every step of the protocol may be taken ("via telephone, face-to-face, email or
// a meeting"); `joined_by` as in UsedWhen.
struct Ways {
  std::vector<Text> ways;
  std::vector<std::string_view> joined_by;
  Span span;
};

// The kinds of case ("contacts and referrals to the Gateway") or of disagreement
// ("inter-agency") a protocol covers; `only` where the document says so.
struct CoveredKinds {
  std::string_view of;  // "cases" or "disagreements"
  bool only = false;
  std::vector<Text> kinds;
  std::vector<std::string_view> joined_by;
  Span span;
};

// Who oversees the protocol, and what for, where the document names no report.
struct Oversight {
  Text by;
  std::optional<Text> purpose;
  Span span;
};

// Where excluded cases go instead: `excludes "..." instead "..."`.
struct ExcludedInstead {
  Text excluded;
  Text instead;
};

struct PartOf {
  Text manual;
  std::optional<Text> section;
  Span span;
};

struct Amendment {
  Date date;
  std::optional<Text> what;
  Span span;
};

struct Term {
  Text term;
  Text meaning;
};

// The plain text of the published document the protocol states (`document "..."`), which
// its quotes are verified against. The text lives in the SourceManager, as the
// protocol's own does.
struct Document {
  Text named;  // the path as the protocol writes it
  std::string_view text;
  FileId file = 0;
};

enum class Scope : std::uint8_t { children = 1, young_people = 2, adults = 4, families = 8 };
enum class Status : std::uint8_t { draft, live, withdrawn };
std::string_view status_name(Status status);  // "draft"

struct Protocol : Described {
  Text title;
  Span span;
  std::optional<FormalStart> formal_start;
  std::vector<Partnership> partnerships;
  std::optional<Text> version;
  std::optional<Spanned<Status>> status;
  std::vector<Text> authors;
  std::optional<Date> dated;
  std::vector<Approval> approvals;
  std::optional<Date> last_reviewed;
  std::optional<Date> review_due;
  std::optional<Spanned<int>> review_every_months;  // "review annually" is 12
  std::vector<ReadWith> read_with;
  Flags<Scope> scope;
  Span scope_span;  // the `covers` statement
  std::vector<Text> exclusions;
  std::vector<ExcludedInstead> excluded_instead;
  std::vector<Text> applies_to;
  std::vector<Counterpart> counterparts;
  std::vector<PartOf> part_of;
  std::vector<Text> supersedes;
  std::vector<Amendment> amendments;
  std::vector<Text> statutory;
  std::vector<NotReplaced> not_replaced;
  std::vector<Oversight> oversight;
  std::vector<UsedWhen> used_when;
  std::vector<Ways> via;
  std::vector<CoveredKinds> covered_kinds;
  // Every version and date the protocol cites as its own, in order: `version` and
  // `dated` are the first. More than one distinct is reported (G015).
  std::vector<Text> versions;
  std::vector<Date> dates;
  std::optional<Text> calendar_name;
  CalendarId calendar;
  std::vector<Target> targets;
  std::optional<Text> timeframes_from;
  // Where the document calls its timeframes mandatory, and where indicative (or a guide).
  std::optional<Span> timeframes_mandatory;
  std::optional<Span> timeframes_indicative;
  std::vector<Report> reports;
  std::vector<Term> terms;
  std::vector<Text> links;
  std::optional<Document> document;
  std::vector<Contact> contacts;
  // Duties the document states once for the whole protocol ("all escalation must be
  // recorded"): each holds at every stage (see duties_at in compiler/analysis/).
  std::vector<Duty> duties;
  std::vector<Unknown> unknowns;
  // Every partnership that publishes it, as a reader would say them: "A and B".
  std::string partnership_names() const;
};

// One reading of an ambiguity: what the document means if read this way, held as the
// block the ambiguity stands in would hold it (only that alternative is filled: its
// other fields are empty).
struct Reading : Described {
  Text label;  // "the table"
  Span span;
  std::variant<Protocol, Stage, Agency, Line> says;
};

// A point where the document is ambiguous or contradicts itself, with each reading it
// allows. The model outputs show holds only what is true in every reading; the checks
// are run on one model per combination of readings (compiler/driver/readings.cpp).
struct Ambiguity : Described {
  Text about;  // "the table gives 3 working days, the text 5"
  Span span;
  std::string place;  // "the protocol", "stage 2", "agency police", "line 1 of agency police"
  std::vector<Reading> readings;
};

// The regional protocol a local one extends (`extends "regional.esc"`): a protocol of its
// own, with its own document. Its stages, agencies, forms and immediate-risk rule are the
// model's, as the local protocol's are; its protocol block is kept here, apart from the
// local one, since the two are different documents.
struct Regional {
  Text named;  // the file as the local protocol writes it
  FileId file = 0;
  Protocol protocol;
};

struct Allow {
  std::string code;
  Text reason;
  Span span;
};

struct Model {
  FileId file = 0;  // the protocol's own file
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();
  std::optional<Protocol> protocol;
  std::vector<Stage> stages;  // formal stages, the informal stage and routes, in file order
  std::vector<Agency> agencies;
  std::vector<Level> levels;
  std::vector<Kind> kinds;
  std::vector<Hours> hours;
  std::vector<Calendar> calendars;
  std::vector<Form> forms;
  std::vector<Complaints> complaints;
  std::vector<Figure> figures;
  std::vector<Allow> allows;
  std::optional<Stage> immediate_risk;  // its timeframe, through and contacts
  std::vector<FileId> imported;         // every file read for `use`, in order
  std::vector<Ambiguity> ambiguities;   // in the order their readings are resolved
  std::optional<Regional> regional;

  // Where a part of the whole a practitioner follows comes from, when the protocol
  // extends a regional one: "regional" or "local"; "" when it extends none.
  std::string_view origin(Span span) const {
    if (!regional) return {};
    return span.file == regional->file ? "regional" : "local";
  }

  const Stage& stage(StageId id) const { return stages.at(id.index); }
  const Agency& agency(AgencyId id) const { return agencies.at(id.index); }
};

// The windows a list stands for, with every named `hours` replaced by the windows it
// is defined with, however deeply definitions name one another, in the order written.
// Each definition adds its windows once, so a definition named twice adds nothing
// twice, and a circle of definitions (an error, N009) cannot loop.
std::vector<const Window*> plain_windows(const std::vector<Window>& windows, const Model& model);

// Every entity of the model that keeps passages, the protocol's and those of the files it
// uses, each once: what the property "every quote and note reaches the model" walks, and
// what verifying quotes against the document reads.
void for_each_described(const Model& model, const std::function<void(const Described&)>& each);

// An entity that keeps passages, and the blocks it stands in: what a walk that shows
// passages to people (`escc trace`) is told besides the entity.
struct Where {
  struct ImmediateRisk {
    const Stage* rule;
  };
  using Entity = std::variant<const Protocol*, const Target*, ImmediateRisk, const Stage*, const Step*, const Duty*,
                              const Outcome*, const Contact*, const Agency*, const Role*, const Line*, const Form*, const Complaints*,
                              const Level*, const Kind*, const Hours*, const Calendar*, const Figure*,
                              const Ambiguity*, const Reading*>;
  Entity entity;
  const Where* outer = nullptr;

  // As a reader would find it, from the outermost block: "stage 2 › step \"Raise the
  // matter\"", "agency police › line 1 › contact \"Duty Inspector\"".
  std::string describe() const;
  Span span() const;  // the entity's statement
};

// The same walk, saying where each entity stands. Built only when asked for, so that the
// walk costs nothing more when nobody reads it.
void for_each_described_where(const Model& model,
                              const std::function<void(const Described&, const Where&)>& each);

// Each definition in a circle of hours, with the window by which it names the next.
using HoursCircle = std::vector<std::pair<std::uint32_t, const Window*>>;

// What walk_hours tells as it goes; any of them may be left empty.
struct HoursWalk {
  std::function<void(std::uint32_t id, const Window& window)> plain;  // a window of days and times
  std::function<void(std::uint32_t id, std::uint32_t inner)> named;   // `inner`, named by `id`, is worked out
  std::function<void(const HoursCircle& circle)> circle;              // definitions leading back to themselves
};

// Every definition of hours, each after the definitions it names, in the order they
// are declared, without recursion: a chain of definitions can be as long as the file.
void walk_hours(const Model& model, const HoursWalk& walk);

}  // namespace esc::model
