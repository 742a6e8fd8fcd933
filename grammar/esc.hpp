// The grammar of `.esc` files, as PEGTL rules and nothing else: no actions, no
// AST, no output. docs/language.md is the prose reference for the same language.
//
// The unit of parsing is one `item`: a statement on one line (optionally opening a
// block with `{`), or a `}`. The parser calls `item` in a loop and keeps the block
// stack itself, so nesting never becomes recursion and an error costs one line.
//
// Discipline that keeps actions safe: once a statement's leading keyword has matched,
// everything after it is under `must<>`, and no rule with an action sits inside an
// alternative that can still fail after it. So an action never fires on text that
// is later given back.
//
// Each statement's rule names its row of the statement table (statements.hpp), where
// what is not grammar is said: where the statement may stand, the block it opens, how
// messages and suggestions name it.
#pragma once

#include <tao/pegtl.hpp>

#include <concepts>
#include <cstddef>
#include <utility>

#include "grammar/statements.hpp"

namespace esc::grammar {

namespace p = tao::pegtl;

// The rule of the statement `Row`: the parser reads its keyword from here, and the tests
// hold the rule to the row.
template <Keyword Row, typename... Rules>
struct statement_rule : p::seq<Rules...> {
  static constexpr Keyword keyword = Row;
};

template <typename Rule>
concept is_statement_rule = requires {
  { Rule::keyword } -> std::convertible_to<Keyword>;
};

// ---- Characters, spacing and comments --------------------------------------------------

// Spaces that are not the ordinary one (a no-break space pasted from a word processor,
// a form feed) separate words as a space does, so that the one clear finding about
// them (I009, I010) is not buried under syntax errors.
struct unusual_space
    : p::sor<p::one<'\f', '\v'>, p::utf8::one<0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000>,
             p::utf8::range<0x2000, 0x200A>> {};
struct blank : p::sor<p::one<' ', '\t'>, unusual_space> {};
struct sp : p::star<blank> {};
struct sp1 : p::plus<blank> {};
struct comment : p::seq<p::one<'#'>, p::star<p::not_one<'\n', '\r'>>> {};
struct filler : p::star<p::sor<sp1, p::eol, comment>> {};

struct non_ascii : p::seq<p::not_at<unusual_space>, p::utf8::range<0x80, 0x10FFFF>> {};
struct id_start : p::sor<p::ascii::alpha, p::one<'_'>, non_ascii> {};
struct id_char
    : p::sor<p::ascii::alnum, p::one<'_'>, non_ascii, p::seq<p::one<'-'>, p::at<p::sor<p::ascii::alnum, non_ascii>>>> {};
struct identifier : p::seq<id_start, p::star<id_char>> {};

// A keyword is a whole word, in any letter case.
template <typename Word>
struct kw : p::seq<Word, p::not_at<id_char>> {};

// The word of a keyword as PEGTL's p::ascii::istring<'w', 'o', ...>. TAO_PEGTL_ISTRING
// makes the same type by expanding each word to 512 characters and trimming them, which
// for the grammar's 389 keywords cost every file that reads this one about 1.7 GB and
// 12 s of compiling; a C++20 string template argument spells each word once.
template <std::size_t Size>
struct spelling {
  char letters[Size];
  constexpr spelling(const char (&word)[Size]) {  // NOLINT: a literal becomes the argument
    for (std::size_t at = 0; at < Size; ++at) letters[at] = word[at];
  }
};
template <spelling Word, std::size_t... At>
p::ascii::istring<Word.letters[At]...> istring_of(std::index_sequence<At...>);
template <spelling Word>
using istring = decltype(istring_of<Word>(std::make_index_sequence<sizeof(Word.letters) - 1>()));
#define ESC_KW(word) ::esc::grammar::kw<::esc::grammar::istring<word>>

struct digits : p::plus<p::digit> {};

// ---- Text in quotes ----------------------------------------------------------------------

struct escape_code : p::one<'"', '\\'> {};
struct text_char : p::sor<p::seq<p::one<'\\'>, p::must<escape_code>>, p::not_one<'"', '\\', '\n', '\r'>> {};
struct text_close : p::one<'"'> {};
struct quoted : p::seq<p::one<'"'>, p::star<text_char>, p::must<text_close>> {};

// Each role a text can play is its own rule, so that messages and actions can tell
// them apart.
struct title_text : quoted {};
struct plain_text : quoted {};
struct event_text : quoted {};
struct condition_text : quoted {};
struct reason_text : quoted {};
struct url_text : quoted {};
struct phone_text : quoted {};
struct email_text : quoted {};
struct call_sign_text : quoted {};
struct switchboard_text : quoted {};
struct person_text : quoted {};
struct mobile_text : quoted {};
struct direct_line_text : quoted {};
struct address_text : quoted {};
struct purpose_text : quoted {};
struct via_text : quoted {};
struct by_text : quoted {};
struct on_text : quoted {};
struct object_text : quoted {};
struct to_text : quoted {};
struct note_text : quoted {};
struct source_text : quoted {};

// ---- Names ---------------------------------------------------------------------------------

struct declared_name : identifier {};
struct reference : identifier {};
struct module_name : p::seq<identifier, p::star<p::one<'.'>, identifier>> {};

// ---- Numbers, dates, times ----------------------------------------------------------------

// A whole date, a month ("2024-03") or a year alone ("2019"), as the document gives it.
struct date_value
    : p::seq<p::rep<4, p::digit>,
             p::opt<p::one<'-'>, p::rep<2, p::digit>, p::opt<p::one<'-'>, p::rep<2, p::digit>>>,
             p::not_at<id_char>> {};
struct clock : p::seq<p::rep_min_max<1, 2, p::digit>, p::one<':'>, p::rep<2, p::digit>> {};
struct clock_end : clock {};
struct time_range : p::seq<clock, sp, p::one<'-'>, sp, p::must<clock_end>> {};
struct number_range : p::seq<digits, sp, ESC_KW("to"), sp, digits> {};

struct stage_number : digits {};

// ---- Durations and timeframes -------------------------------------------------------------

struct number_word
    : p::sor<ESC_KW("one"), ESC_KW("two"), ESC_KW("three"), ESC_KW("four"), ESC_KW("five"), ESC_KW("six"),
             ESC_KW("seven"), ESC_KW("eight"), ESC_KW("nine"), ESC_KW("ten"), ESC_KW("eleven"), ESC_KW("twelve")> {};
struct article : p::sor<ESC_KW("an"), ESC_KW("a")> {};
struct digit_range : p::seq<digits, sp, p::one<'-'>, sp, digits> {};
struct amount : p::sor<digit_range, digits, number_word, article> {};

struct days_word : p::sor<ESC_KW("days"), ESC_KW("day")> {};
struct weeks_word : p::sor<ESC_KW("weeks"), ESC_KW("week")> {};
struct unit_working_days : p::seq<ESC_KW("working"), sp1, days_word> {};
struct unit_working_weeks : p::seq<ESC_KW("working"), sp1, weeks_word> {};
struct unit_calendar_days : p::seq<ESC_KW("calendar"), sp1, days_word> {};
struct unit_hours : p::sor<ESC_KW("hours"), ESC_KW("hour")> {};
struct unit_weeks : weeks_word {};
// "5 days", as documents often write it: accepted as written, its unit not stated.
struct unit_days : days_word {};
struct duration_unit
    : p::sor<unit_working_days, unit_working_weeks, unit_calendar_days, unit_hours, unit_weeks, unit_days> {};
struct amount_duration : p::seq<amount, sp, p::must<duration_unit>> {};

struct same_working_day
    : p::seq<p::opt<ESC_KW("on"), sp1, ESC_KW("the"), sp1>, ESC_KW("same"), sp1, ESC_KW("working"), sp1,
             ESC_KW("day")> {};
struct immediately : ESC_KW("immediately") {};
struct as_soon_as_possible
    : p::seq<ESC_KW("as"), sp1, ESC_KW("soon"), sp1, ESC_KW("as"), sp1, ESC_KW("possible")> {};
struct fixed_duration : p::sor<same_working_day, immediately, as_soon_as_possible> {};
struct duration : p::sor<fixed_duration, amount_duration> {};

struct further : p::seq<p::opt<article, sp1>, ESC_KW("further")> {};
struct within_duration : duration {};
// The same time in a second unit, as the document gives it: "48 hours (two working days)".
struct also_stated_duration : amount_duration {};
struct also_stated_close : p::one<')'> {};
struct also_stated : p::seq<p::one<'('>, sp, p::must<also_stated_duration>, sp, p::must<also_stated_close>> {};
// A target that combines two alternatives: "one working week or 5 working days, whichever
// is less". The word the document chooses by is kept; `or` commits only when a number
// follows, so that "or sooner" stays what it is.
struct alternative_duration : amount_duration {};
struct whichever_word : ESC_KW("whichever") {};
struct combined_by
    : p::sor<ESC_KW("less"), ESC_KW("lesser"), ESC_KW("shorter"), ESC_KW("shortest"), ESC_KW("sooner"),
             ESC_KW("soonest"), ESC_KW("earlier"), ESC_KW("earliest"), ESC_KW("greater"), ESC_KW("more"),
             ESC_KW("longer"), ESC_KW("longest"), ESC_KW("later"), ESC_KW("latest")> {};
struct is_word : ESC_KW("is") {};
struct alternative
    : p::seq<ESC_KW("or"), sp1, p::at<amount, sp, duration_unit>, p::must<alternative_duration>, sp,
             p::opt<p::one<','>, sp>, p::must<whichever_word>, sp1, p::must<is_word>, sp1, p::must<combined_by>> {};
struct within_clause
    : p::seq<ESC_KW("within"), sp, p::opt<further, sp>, p::must<within_duration>, p::opt<sp, also_stated>,
             p::opt<sp, alternative>> {};
struct day_number : p::sor<digit_range, digits> {};
struct by_day_clause : p::seq<ESC_KW("by"), sp1, ESC_KW("day"), sp, p::must<day_number>> {};
struct bare_timeframe : fixed_duration {};
struct timeframe_core : p::sor<within_clause, by_day_clause, bare_timeframe> {};
struct from_clause : p::seq<ESC_KW("from"), sp, p::must<event_text>> {};
// A timeframe counted from a named step of the same stage, from its start or its end
// ("within five working days of step 1"), or from the step where the document does not
// say which ("of step ...").
struct anchor_step_text : quoted {};
struct anchor_step_word : ESC_KW("step") {};
struct anchor_start : ESC_KW("start") {};
struct anchor_end : ESC_KW("end") {};
struct anchor_of_word : ESC_KW("of") {};
struct anchor_from_part
    : p::seq<p::sor<ESC_KW("from"), ESC_KW("of")>, sp1, p::opt<ESC_KW("the"), sp1>, p::sor<anchor_start, anchor_end>,
             sp1, p::must<anchor_of_word>, sp1> {};
struct step_anchor
    : p::seq<p::sor<anchor_from_part, p::seq<p::sor<ESC_KW("of"), ESC_KW("after"), ESC_KW("from")>, sp1,
                                           p::at<ESC_KW("step")>>>,
             p::must<anchor_step_word>, sp, p::must<anchor_step_text>> {};
struct or_sooner : p::seq<ESC_KW("or"), sp1, ESC_KW("sooner")> {};
// A timeframe the document gives "as a guide" or calls "indicative" is advisory.
struct guide_words : p::seq<ESC_KW("as"), sp1, ESC_KW("a"), sp1, ESC_KW("guide")> {};
struct timeframe_as_a_guide : guide_words {};
struct timeframe_indicative : ESC_KW("indicative") {};
struct timeframe
    : p::seq<timeframe_core,
             p::star<sp, p::sor<step_anchor, from_clause, or_sooner, timeframe_as_a_guide, timeframe_indicative>>> {
};

struct cumulative_duration : duration {};
struct cumulative_clause : p::seq<ESC_KW("cumulative"), sp, p::must<cumulative_duration>> {};

// ---- Lists ---------------------------------------------------------------------------------

struct list_sep : p::seq<sp, p::sor<p::one<','>, ESC_KW("and")>, sp> {};
struct text_list : p::seq<plain_text, p::star<list_sep, p::must<plain_text>>> {};

// ---- Time windows --------------------------------------------------------------------------

struct day_name
    : p::sor<ESC_KW("monday"), ESC_KW("tuesday"), ESC_KW("wednesday"), ESC_KW("thursday"), ESC_KW("friday"),
             ESC_KW("saturday"), ESC_KW("sunday")> {};
struct day_name_end : day_name {};
struct day_span : p::seq<day_name, p::opt<sp, ESC_KW("to"), sp, p::must<day_name_end>>> {};
struct day_set
    : p::sor<ESC_KW("weekdays"), ESC_KW("weekends"), ESC_KW("weekend"), p::seq<ESC_KW("every"), sp1, ESC_KW("day")>,
             day_span> {};
struct working_day_set : day_set {};

struct window_always : ESC_KW("always") {};
struct window_bank_holidays : p::seq<ESC_KW("bank"), sp1, ESC_KW("holidays")> {};
struct window_days : p::seq<day_set, p::opt<sp, time_range>> {};
struct window_times : time_range {};
struct attribute_word
    : p::sor<ESC_KW("phone"), ESC_KW("email"), ESC_KW("call"), ESC_KW("callsign"), ESC_KW("switchboard"),
             ESC_KW("person"), ESC_KW("of"), ESC_KW("via"), ESC_KW("available"), ESC_KW("for"), ESC_KW("if"),
             ESC_KW("except"), ESC_KW("and"), ESC_KW("or"), ESC_KW("to"), ESC_KW("as"), ESC_KW("mobile"),
             ESC_KW("direct"), ESC_KW("address"), ESC_KW("purpose"), ESC_KW("not"), ESC_KW("details")> {};
struct window_hours_ref : p::seq<p::not_at<attribute_word>, identifier> {};
struct bank_holidays_words : p::seq<ESC_KW("bank"), sp1, ESC_KW("holidays")> {};
struct except_bank_holidays : p::seq<ESC_KW("except"), sp1, p::must<bank_holidays_words>> {};
struct window
    : p::seq<p::sor<window_always, window_bank_holidays, window_days, window_times, window_hours_ref>,
             p::opt<sp, except_bank_holidays>> {};
struct window_list : p::seq<window, p::star<list_sep, p::must<window>>> {};

// ---- Contacts ------------------------------------------------------------------------------

struct case_kind
    : p::sor<p::seq<ESC_KW("open"), sp1, p::sor<ESC_KW("cases"), ESC_KW("case")>>,
             p::seq<ESC_KW("new"), sp1, p::sor<ESC_KW("referrals"), ESC_KW("referral")>>,
             p::seq<ESC_KW("all"), sp1, ESC_KW("cases")>> {};
struct agency_reference : identifier {};

struct phone_attr : p::seq<ESC_KW("phone"), sp, p::must<phone_text>> {};
struct email_attr : p::seq<ESC_KW("email"), sp, p::must<email_text>> {};
struct call_sign_attr
    : p::seq<p::sor<p::seq<ESC_KW("call"), sp1, ESC_KW("sign")>, ESC_KW("callsign")>, sp, p::must<call_sign_text>> {};
struct switchboard_attr : p::seq<ESC_KW("switchboard"), sp, p::must<switchboard_text>> {};
struct person_attr : p::seq<ESC_KW("person"), sp, p::must<person_text>> {};
struct of_attr : p::seq<ESC_KW("of"), sp, p::must<agency_reference>> {};
struct via_attr : p::seq<ESC_KW("via"), sp, p::must<via_text>> {};
struct available_attr : p::seq<ESC_KW("available"), sp, p::must<window_list>> {};
struct for_attr : p::seq<ESC_KW("for"), sp, p::must<case_kind>, p::star<sp1, ESC_KW("or"), sp, p::must<case_kind>>> {};
struct if_attr : p::seq<ESC_KW("if"), sp, p::must<condition_text>> {};
// Numbers the document labels: "Mobile: 07...", "Direct line: 01...".
struct mobile_attr : p::seq<ESC_KW("mobile"), sp, p::must<mobile_text>> {};
struct line_word_of_direct : ESC_KW("line") {};
struct direct_line_attr
    : p::seq<ESC_KW("direct"), sp1, p::must<line_word_of_direct>, sp, p::must<direct_line_text>> {};
struct address_attr : p::seq<ESC_KW("address"), sp, p::must<address_text>> {};
// What the document says a contact is for ("for referrals only"), in its words.
struct purpose_attr : p::seq<ESC_KW("purpose"), sp, p::must<purpose_text>> {};
// The document says this number is not for escalation (a referral line, a switchboard).
struct escalation_word : ESC_KW("escalation") {};
struct for_word_of_not : ESC_KW("for") {};
struct not_for_escalation : p::seq<ESC_KW("not"), sp1, p::must<for_word_of_not>, sp1, p::must<escalation_word>> {};
// The contact is one the protocol lists elsewhere, with its details there.
struct listed_word : ESC_KW("listed") {};
struct as_listed_attr : p::seq<ESC_KW("as"), sp1, p::must<listed_word>> {};
// The document names the contact but not how to reach them, and says so (or the text was lost).
struct unknown_word : ESC_KW("unknown") {};
struct details_unknown_attr
    : p::seq<ESC_KW("details"), sp1, p::must<unknown_word>, p::opt<sp, reason_text>> {};
// A post in the reader's own agency ("your agency's safeguarding lead", "their line
// manager"): reached inside that agency, not through the directory.
struct own_word : ESC_KW("own") {};
struct agency_word_of_own : ESC_KW("agency") {};
struct in_own_agency_attr : p::seq<ESC_KW("in"), sp1, p::must<own_word>, sp1, p::must<agency_word_of_own>> {};
struct contact_attr
    : p::sor<phone_attr, email_attr, call_sign_attr, switchboard_attr, person_attr, of_attr, via_attr, available_attr,
             for_attr, if_attr, mobile_attr, direct_line_attr, address_attr, purpose_attr, not_for_escalation,
             as_listed_attr, details_unknown_attr, in_own_agency_attr> {};
struct contact_details : p::star<sp, contact_attr> {};

// ---- Must, should and may ------------------------------------------------------------------

// The document's own word for how binding a step, a timeframe, a duty or a move is. It
// stands before the statement or outcome action it qualifies; which take one is the
// statement table's `takes_modality`.
struct modal_word : p::sor<ESC_KW("must"), ESC_KW("should"), ESC_KW("may")> {};
struct modality : p::seq<modal_word, sp1> {};

// ---- Duties and outcome actions -------------------------------------------------------------

struct duty_verb
    : p::sor<p::seq<ESC_KW("confirm"), sp1, ESC_KW("in"), sp1, ESC_KW("writing")>,
             p::seq<ESC_KW("give"), sp1, ESC_KW("feedback")>, ESC_KW("record"), ESC_KW("notify"), ESC_KW("inform"),
             ESC_KW("submit"), ESC_KW("update"), ESC_KW("share"), ESC_KW("agree"), ESC_KW("duty")> {};
struct modifier_word
    : p::sor<ESC_KW("to"), ESC_KW("on"), ESC_KW("via"), ESC_KW("by"), ESC_KW("email"), ESC_KW("before"), ESC_KW("if"),
             ESC_KW("within"), ESC_KW("immediately"), ESC_KW("same"), ESC_KW("as"), ESC_KW("then"), ESC_KW("from"),
             ESC_KW("or"), ESC_KW("at"), ESC_KW("purpose"), ESC_KW("under")> {};
struct object_reference : p::seq<p::not_at<modifier_word>, identifier> {};
struct to_reference : identifier {};
struct to_target : p::sor<to_text, to_reference> {};
// Whom a duty is owed to: everyone listed ("A, B and C"), or one of them ("A or B"),
// as the document joins them. The list ends before an outcome's next action, so that
// `notify to "A", then end` is the duty and then the end.
struct to_joined_by_and : ESC_KW("and") {};
struct to_joined_by_or : ESC_KW("or") {};
struct outcome_action_start
    : p::sor<ESC_KW("then"), modal_word, p::seq<ESC_KW("go"), sp1, ESC_KW("to")>, ESC_KW("end"), duty_verb> {};
struct to_sep
    : p::seq<p::not_at<sp, p::opt<p::one<','>>, sp, p::opt<p::sor<ESC_KW("and"), ESC_KW("or")>, sp>,
                       outcome_action_start>,
             sp, p::sor<p::seq<p::one<','>, sp, p::opt<p::sor<to_joined_by_and, to_joined_by_or>, sp>>,
                        p::seq<p::sor<to_joined_by_and, to_joined_by_or>, sp>>> {};
struct to_modifier : p::seq<ESC_KW("to"), sp, p::must<to_target>, p::star<to_sep, p::must<to_target>>> {};
struct on_modifier : p::seq<ESC_KW("on"), sp, p::must<on_text>> {};
struct via_modifier : p::seq<ESC_KW("via"), sp, p::must<via_text>> {};
struct by_modifier : p::seq<ESC_KW("by"), sp, p::must<by_text>> {};
struct before_stage_number : digits {};
struct before_stage_word : ESC_KW("stage") {};
struct before_modifier
    : p::seq<ESC_KW("before"), sp1, p::must<before_stage_word>, sp, p::must<before_stage_number>> {};
// Where a duty written once for the whole protocol holds: "at all stages of the process",
// or "at all formal stages".
struct formal_stages : p::seq<ESC_KW("formal"), sp1, p::sor<ESC_KW("stages"), ESC_KW("stage")>> {};
struct every_stage : p::sor<ESC_KW("stages"), ESC_KW("stage")> {};
struct every_word : p::sor<ESC_KW("every"), ESC_KW("all")> {};
struct stages_held_at : p::sor<formal_stages, every_stage> {};
struct throughout_modifier : p::seq<ESC_KW("at"), sp1, p::must<every_word>, sp1, p::must<stages_held_at>> {};
// A duty kept under another document's rules: "in line with their agency's recording policy".
struct under_text : quoted {};
struct under_modifier : p::seq<ESC_KW("under"), sp, p::must<under_text>> {};
struct duty_modifier
    : p::sor<timeframe, to_modifier, on_modifier, via_modifier, by_modifier, email_attr, before_modifier, if_attr,
             throughout_modifier, purpose_attr, under_modifier> {};
struct duty : p::seq<duty_verb, p::opt<sp, p::sor<object_text, object_reference>>, p::star<sp, duty_modifier>> {};

struct go_to_words : p::seq<ESC_KW("go"), sp1, ESC_KW("to")> {};
struct target_stage_number : digits {};
struct target_route : identifier {};
struct go_to_target : p::sor<p::seq<ESC_KW("stage"), sp, p::must<target_stage_number>>, target_route> {};
struct go_to_action : p::seq<go_to_words, sp, p::must<go_to_target>> {};
struct end_action : ESC_KW("end") {};
struct modal_action : p::sor<go_to_action, end_action, duty> {};
struct outcome_action : p::sor<p::seq<modality, p::must<modal_action>>, modal_action> {};
struct action_sep
    : p::sor<p::seq<sp, p::one<','>, sp, p::opt<ESC_KW("then"), sp>>, p::seq<sp1, ESC_KW("then"), sp>> {};

struct outcome_word
    : p::sor<ESC_KW("unresolved"), ESC_KW("resolved"),
             p::seq<ESC_KW("no"), sp1, ESC_KW("response"), p::opt<sp1, ESC_KW("in"), sp1, ESC_KW("time")>>> {};
struct outcome_colon : p::one<':'> {};

// ---- Statements: the file and the protocol block -----------------------------------------

struct use_path : quoted {};
struct use_target : p::sor<use_path, module_name> {};
struct use_stmt : statement_rule<Keyword::use, ESC_KW("use"), sp, p::must<use_target>> {};
// The regional protocol a local one is layered on, found like a file it uses.
struct extends_path : quoted {};
struct extends_stmt : statement_rule<Keyword::extends, ESC_KW("extends"), sp, p::must<extends_path>> {};

struct allow_code : identifier {};
struct allow_stmt
    : statement_rule<Keyword::allow, ESC_KW("allow"), sp, p::must<allow_code>, sp, p::must<reason_text>> {};

struct protocol_title : title_text {};
struct protocol_stmt : statement_rule<Keyword::protocol, ESC_KW("protocol"), sp, p::must<protocol_title>> {};

struct calendar_name : declared_name {};
struct calendar_stmt
    : statement_rule<Keyword::calendar, ESC_KW("calendar"), sp, p::must<calendar_name>, p::opt<sp, title_text>> {};

struct hours_name : declared_name {};
struct equals_sign : p::one<'='> {};
struct hours_stmt
    : statement_rule<Keyword::hours, ESC_KW("hours"), sp, p::must<hours_name>, sp, p::opt<title_text, sp>,
                     p::must<equals_sign>, sp, p::must<window_list>> {};

struct level_name : declared_name {};
struct level_stmt : statement_rule<Keyword::level, ESC_KW("level"), sp, p::must<level_name>, p::opt<sp, title_text>> {};

struct risk_word : ESC_KW("risk") {};
struct immediate_risk_stmt : statement_rule<Keyword::immediate_risk, ESC_KW("immediate"), sp1, p::must<risk_word>> {};

struct stage_word : ESC_KW("stage") {};
struct informal_title : title_text {};
// A stage the document does not name is written without a title, and is known by its
// number alone ("Stage 2"), never by a name made up for it.
struct informal_stage_stmt
    : statement_rule<Keyword::informal_stage, ESC_KW("informal"), sp1, p::must<stage_word>,
                     p::opt<sp, informal_title>> {};

struct stage_title : title_text {};
struct stage_stmt
    : statement_rule<Keyword::stage, ESC_KW("stage"), sp, p::must<stage_number>, p::opt<sp, stage_title>> {};

struct route_name : declared_name {};
struct route_title : title_text {};
struct route_stmt
    : statement_rule<Keyword::route, ESC_KW("route"), sp, p::must<route_name>, sp, p::must<route_title>> {};

// Other names the document gives the same body ("the Partnership", "the Met").
struct also_called_name : quoted {};
struct called_word : ESC_KW("called") {};
struct also_called
    : p::seq<ESC_KW("also"), sp1, p::must<called_word>, sp, p::must<also_called_name>,
             p::star<list_sep, p::must<also_called_name>>> {};
struct agency_name : declared_name {};
struct agency_title : title_text {};
struct agency_stmt
    : statement_rule<Keyword::agency, ESC_KW("agency"), sp, p::must<agency_name>, sp, p::must<agency_title>,
                     p::opt<sp, also_called>> {};

// Complaints about the partnership itself, which no stage of the escalation handles.
struct about_word : ESC_KW("about") {};
struct complaint_subject : quoted {};
struct complaints_stmt
    : statement_rule<Keyword::complaints, ESC_KW("complaints"), sp1, p::must<about_word>, sp,
                     p::must<complaint_subject>> {};

struct form_name : declared_name {};
struct form_title : title_text {};
struct form_stmt : statement_rule<Keyword::form, ESC_KW("form"), sp, p::must<form_name>, sp, p::must<form_title>> {};

struct figure_title : title_text {};
struct shows_stages : p::seq<ESC_KW("shows"), sp1, ESC_KW("stages")> {};
struct figure_stmt
    : statement_rule<Keyword::figure, ESC_KW("figure"), sp, p::must<figure_title>, sp, p::must<shows_stages>, sp,
                     p::must<stage_number>, p::star<sp, p::one<','>, sp, p::must<stage_number>>> {};

struct short_name : declared_name {};
// The body a partnership replaced ("formerly the Local Safeguarding Children Board").
struct former_name : quoted {};
struct formerly : p::seq<ESC_KW("formerly"), sp, p::must<former_name>> {};
// A body the document names only by its abbreviation ("LSAB procedures") is written
// `partnership as LSAB`, so that its name is never the transcriber's guess.
struct known_only_as : p::seq<ESC_KW("as"), sp, p::must<short_name>> {};
struct partnership_stmt
    : statement_rule<Keyword::partnership, ESC_KW("partnership"), sp,
                     p::sor<known_only_as, p::seq<p::must<plain_text>, p::opt<sp, ESC_KW("as"), sp, p::must<short_name>>>>,
                     p::opt<sp, formerly>, p::opt<sp, also_called>> {};
struct version_stmt : statement_rule<Keyword::version, ESC_KW("version"), sp, p::must<plain_text>> {};
struct status_word : p::sor<ESC_KW("draft"), ESC_KW("live"), ESC_KW("withdrawn")> {};
struct status_stmt : statement_rule<Keyword::status, ESC_KW("status"), sp, p::must<status_word>> {};
struct author_stmt : statement_rule<Keyword::author, ESC_KW("author"), sp, p::must<text_list>> {};
struct dated_stmt : statement_rule<Keyword::dated, ESC_KW("dated"), sp, p::must<date_value>> {};
struct by_word : ESC_KW("by") {};
struct approved_stmt
    : statement_rule<Keyword::approved, ESC_KW("approved"), sp1, p::must<by_word>, sp, p::must<text_list>,
                     p::opt<sp, ESC_KW("on"), sp, p::must<date_value>>> {};
struct reviewed_word : ESC_KW("reviewed") {};
struct last_reviewed_stmt
    : statement_rule<Keyword::last_reviewed, ESC_KW("last"), sp1, p::must<reviewed_word>, sp, p::must<date_value>> {};

struct period_unit
    : p::sor<p::sor<ESC_KW("months"), ESC_KW("month")>, p::sor<ESC_KW("years"), ESC_KW("year")>> {};
struct review_period : p::seq<amount, sp, p::must<period_unit>> {};
struct review_annually : ESC_KW("annually") {};
struct review_detail
    : p::sor<p::seq<ESC_KW("due"), sp, p::must<date_value>>, review_annually,
             p::seq<ESC_KW("every"), sp, p::must<review_period>>> {};
struct review_stmt : statement_rule<Keyword::review, ESC_KW("review"), sp1, p::must<review_detail>> {};

struct with_word : ESC_KW("with") {};
struct read_with_stmt
    : statement_rule<Keyword::read_with, ESC_KW("read"), sp1, p::must<with_word>, sp, p::must<plain_text>,
                     p::opt<sp, ESC_KW("at"), sp, p::must<url_text>>> {};

// "a) ... and / or b) ...": each join is kept as written, so that "or" never becomes "and".
struct situation_text : quoted {};
struct situation_and_or : p::seq<ESC_KW("and"), sp, p::one<'/'>, sp, ESC_KW("or")> {};
struct situation_and : ESC_KW("and") {};
struct situation_or : ESC_KW("or") {};
struct situation_comma : p::one<','> {};
struct situation_join : p::sor<situation_and_or, situation_and, situation_or> {};
struct situation_sep
    : p::seq<sp, p::sor<p::seq<situation_comma, sp, p::opt<situation_join, sp>>, p::seq<situation_join, sp>>> {};
struct scope_word
    : p::sor<p::seq<ESC_KW("adults"), sp1, ESC_KW("with"), sp1, ESC_KW("care"), sp1, ESC_KW("and"), sp1,
                    ESC_KW("support"), sp1, ESC_KW("needs")>,
             p::seq<ESC_KW("adults"), sp1, ESC_KW("at"), sp1, ESC_KW("risk")>, ESC_KW("adults"), ESC_KW("children"),
             p::seq<ESC_KW("young"), sp1, ESC_KW("people")>, ESC_KW("families")> {};
// The kinds of case or of disagreement a protocol is for, each join as the document writes
// it; `only` where the document says "only", and never otherwise.
struct covered_only : ESC_KW("only") {};
struct covered_kind_word : p::sor<ESC_KW("cases"), ESC_KW("disagreements")> {};
struct covered_text : quoted {};
struct covered_kinds
    : p::seq<p::sor<p::seq<covered_only, sp1, p::must<covered_kind_word>>, covered_kind_word>, sp,
             p::must<covered_text>, p::star<situation_sep, p::must<covered_text>>> {};
struct covers_stmt
    : statement_rule<Keyword::covers, ESC_KW("covers"), sp,
                     p::sor<covered_kinds, p::seq<p::must<scope_word>, p::star<list_sep, p::must<scope_word>>>>> {};
// Where an excluded case goes instead, when the document says: "for disagreements within
// the same agency, staff should consult their internal escalation protocol".
struct instead_text : quoted {};
struct instead_clause : p::seq<ESC_KW("instead"), sp, p::must<instead_text>> {};
struct excludes_stmt
    : statement_rule<Keyword::excludes, ESC_KW("excludes"), sp, p::must<text_list>, p::opt<sp, instead_clause>> {};

struct applies_word : ESC_KW("to") {};
struct applies_to_stmt
    : statement_rule<Keyword::applies_to, ESC_KW("applies"), sp1, p::must<applies_word>, sp, p::must<text_list>> {};
// "For a GP, the practice safeguarding lead": who stands for a profession at the stages.
struct counterpart_for : quoted {};
struct for_word : ESC_KW("for") {};
struct counterpart_stmt
    : statement_rule<Keyword::counterpart, ESC_KW("counterpart"), sp, p::must<plain_text>, sp, p::must<for_word>, sp,
                     p::must<counterpart_for>> {};
struct of_word : ESC_KW("of") {};
struct section_name : quoted {};
struct part_of_stmt
    : statement_rule<Keyword::part_of, ESC_KW("part"), sp1, p::must<of_word>, sp, p::must<plain_text>,
                     p::opt<sp, ESC_KW("section"), sp, p::must<section_name>>> {};
struct supersedes_stmt : statement_rule<Keyword::supersedes, ESC_KW("supersedes"), sp, p::must<text_list>> {};
struct amended_stmt
    : statement_rule<Keyword::amended, ESC_KW("amended"), sp, p::must<date_value>, p::opt<sp, plain_text>> {};
struct statutory_stmt : statement_rule<Keyword::statutory, ESC_KW("statutory"), sp, p::must<text_list>> {};
struct replace_word : ESC_KW("replace") {};
struct not_word_of_does : ESC_KW("not") {};
struct from_word_of_separate : ESC_KW("from") {};
// Which of the two the document says: the resolution keeps its word.
struct separate_from_words : p::seq<ESC_KW("separate"), sp1, p::must<from_word_of_separate>> {};
struct does_not_replace_stmt
    : statement_rule<Keyword::does_not_replace,
                     p::sor<p::seq<ESC_KW("does"), sp1, p::must<not_word_of_does>, sp1, p::must<replace_word>>,
                            separate_from_words>,
                     sp, p::must<text_list>> {};
struct overseen_by_word : ESC_KW("by") {};
struct overseer_text : quoted {};
struct used_when_word : ESC_KW("when") {};
struct used_when_stmt
    : statement_rule<Keyword::used_when, ESC_KW("used"), sp1, p::must<used_when_word>, sp, p::must<situation_text>,
                     p::star<situation_sep, p::must<situation_text>>> {};
// "Escalation can be via telephone, face-to-face, email or a meeting": the ways every step
// of the protocol may be taken.
struct way_text : quoted {};
struct via_stmt
    : statement_rule<Keyword::via, ESC_KW("via"), sp, p::must<way_text>, p::star<situation_sep, p::must<way_text>>> {};
struct overseen_stmt
    : statement_rule<Keyword::overseen, ESC_KW("overseen"), sp1, p::must<overseen_by_word>, sp, p::must<overseer_text>,
                     p::opt<sp, purpose_attr>> {};

struct resolve_timeframe : timeframe {};
struct covering_range : number_range {};
struct stages_word : ESC_KW("stages") {};
struct covering_clause : p::seq<ESC_KW("covering"), sp1, p::must<stages_word>, sp, p::must<covering_range>> {};
struct resolve_stmt
    : statement_rule<Keyword::resolve, ESC_KW("resolve"), sp, p::must<resolve_timeframe>,
                     p::opt<sp, covering_clause>> {};

struct from_word : ESC_KW("from") {};
// `timeframes from` is tried first and commits only at its `from`, so that a word the
// other does not know is reported by `timeframes mandatory`, which names them all.
struct timeframes_from_stmt
    : statement_rule<Keyword::timeframes_from, ESC_KW("timeframes"), sp1, ESC_KW("from"), sp, p::must<event_text>> {};
struct timeframes_standing : p::sor<ESC_KW("mandatory"), ESC_KW("indicative"), guide_words> {};
struct timeframes_called_stmt
    : statement_rule<Keyword::timeframes_called, ESC_KW("timeframes"), sp1, p::must<timeframes_standing>> {};

// Where the formal procedure starts, and what starts it ("invoked by sending form X").
struct procedure_word : ESC_KW("procedure") {};
struct started_by : p::seq<ESC_KW("started"), sp1, p::must<by_word>, sp, p::must<by_text>> {};
// `procedure from` alone where the document does not call the procedure formal, so that
// no output puts the word in its mouth; `if` for the condition it starts on.
struct formal_word : ESC_KW("formal") {};
struct formal_start_stmt
    : statement_rule<Keyword::formal_start, p::sor<p::seq<formal_word, sp1, p::must<procedure_word>>, procedure_word>,
                     sp1, p::must<from_word>, sp1, p::must<stage_word>, sp, p::must<stage_number>,
                     p::opt<sp, started_by>, p::opt<sp, if_attr>> {};

struct report_period : p::seq<amount, sp, p::must<period_unit>> {};
struct frequency
    : p::sor<ESC_KW("quarterly"), ESC_KW("annually"), ESC_KW("monthly"),
             p::seq<ESC_KW("every"), sp, p::must<report_period>>> {};
struct to_word : ESC_KW("to") {};
// What is counted and reported, in the document's words, may come first.
struct report_what : quoted {};
struct report_stmt
    : statement_rule<Keyword::report, ESC_KW("report"), sp1, p::opt<report_what, sp>, p::must<frequency>, sp,
                     p::must<to_word>, sp, p::must<text_list>> {};

struct means_word : ESC_KW("means") {};
struct term_stmt
    : statement_rule<Keyword::term, ESC_KW("term"), sp, p::must<plain_text>, sp, p::must<means_word>, sp,
                     p::must<plain_text>> {};
struct link_stmt : statement_rule<Keyword::link, ESC_KW("link"), sp, p::must<url_text>> {};
// The plain text of the published document the protocol states, found like a file it uses.
struct document_path : quoted {};
struct document_stmt : statement_rule<Keyword::document, ESC_KW("document"), sp, p::must<document_path>> {};

// ---- Statements: calendars -----------------------------------------------------------------

struct working_days_stmt
    : statement_rule<Keyword::working_days, ESC_KW("working"), sp1, ESC_KW("days"), sp, p::must<working_day_set>> {};
struct holiday_word : ESC_KW("holiday") {};
struct bank_holiday_stmt
    : statement_rule<Keyword::bank_holiday, ESC_KW("bank"), sp1, p::must<holiday_word>, sp, p::must<date_value>,
                     p::opt<sp, title_text>> {};
struct year_range : number_range {};
struct data_years_stmt
    : statement_rule<Keyword::data_years, ESC_KW("data"), sp1, p::must<from_word>, sp, p::must<year_range>> {};

// ---- Statements: stages and routes ---------------------------------------------------------

struct party_text : quoted {};
struct parties_stmt
    : statement_rule<Keyword::parties, ESC_KW("parties"), sp, p::must<party_text>,
                     p::opt<sp, ESC_KW("to"), sp, p::must<party_text>>> {};

struct step_title : title_text {};
// The step this one is a part of ("giving the reasons" as the matter is raised): its time
// is the other step's, not a time of its own.
struct part_of_step_title : quoted {};
struct part_of_step_of : ESC_KW("of") {};
struct part_of_step : p::seq<ESC_KW("part"), sp1, p::must<part_of_step_of>, sp, p::must<part_of_step_title>> {};
// Who acts at the step, and the condition on which it is taken ("if not agreed").
struct step_detail : p::sor<by_modifier, if_attr, part_of_step> {};
// Variants of one step by urgency ("4a if urgent, within 24 hours; 4b otherwise, within 5
// working days"): each with its label, its time and the condition on which it is taken.
struct variant_label : quoted {};
struct variant_condition_text : quoted {};
struct variant_if : p::seq<ESC_KW("if"), sp, p::must<variant_condition_text>> {};
struct variant_otherwise : ESC_KW("otherwise") {};
struct variant_clause
    : p::seq<ESC_KW("variant"), sp, p::must<variant_label>, p::opt<sp, timeframe>,
             p::opt<sp, p::sor<variant_if, variant_otherwise>>> {};
struct step_stmt
    : statement_rule<Keyword::step, ESC_KW("step"), sp, p::must<step_title>, p::opt<sp, timeframe>,
                     p::opt<sp, cumulative_clause>, p::star<sp, step_detail>, p::star<sp, variant_clause>> {};
struct timeframe_stmt : statement_rule<Keyword::timeframe, timeframe> {};
struct cumulative_stmt : statement_rule<Keyword::cumulative, cumulative_clause> {};

struct outcome_condition : p::seq<ESC_KW("if"), sp, p::must<condition_text>> {};
struct outcome_stmt
    : statement_rule<Keyword::outcome, ESC_KW("when"), sp, p::must<outcome_word>, sp, p::opt<outcome_condition, sp>,
                     p::must<outcome_colon>, sp, p::must<outcome_action>,
                     p::star<action_sep, p::must<outcome_action>>> {};
struct duty_stmt : statement_rule<Keyword::duty, duty> {};

struct line_word : p::sor<ESC_KW("lines"), ESC_KW("line")> {};
struct line_label : p::sor<digits, identifier> {};
// `of AGENCY`: that agency's own lines only, where each agency's procedure differs.
// `contacts all` (contact every one the stage lists) or `contacts any one` (one of them),
// as the document says: a list of contacts alone says neither.
struct contacts_all : ESC_KW("all") {};
struct contacts_any_one : p::seq<ESC_KW("any"), sp1, ESC_KW("one")> {};
struct contacts_stmt
    : statement_rule<Keyword::contacts, ESC_KW("contacts"), sp,
                     p::sor<contacts_all, contacts_any_one,
                            p::seq<p::must<line_word>, sp, p::must<line_label>,
                                   p::opt<sp, ESC_KW("to"), sp, p::opt<line_word, sp>, p::must<line_label>>,
                                   p::opt<sp, ESC_KW("of"), sp, p::must<agency_reference>>>>> {};

struct contact_title : title_text {};
struct contact_stmt
    : statement_rule<Keyword::contact, ESC_KW("contact"), sp, p::must<contact_title>, contact_details> {};

struct binding_word : ESC_KW("binding") {};
struct final_stmt
    : statement_rule<Keyword::final, ESC_KW("final"), p::opt<sp1, p::opt<ESC_KW("and"), sp1>, binding_word>> {};
struct decided_by_word : ESC_KW("by") {};
struct decider_text : quoted {};
struct decided_by_stmt
    : statement_rule<Keyword::decided_by, ESC_KW("decided"), sp1, p::must<decided_by_word>, sp, p::must<decider_text>> {};

struct any_stage : p::seq<ESC_KW("any"), sp1, ESC_KW("stage")> {};
struct entry_point : p::sor<any_stage, p::seq<ESC_KW("stage"), sp, p::must<stage_number>>> {};
struct entry_stmt
    : statement_rule<Keyword::entry, ESC_KW("entry"), sp1, p::must<from_word>, sp, p::must<entry_point>,
                     p::opt<sp, outcome_condition>> {};

struct through_stmt : statement_rule<Keyword::through, ESC_KW("through"), sp, p::must<plain_text>> {};
// "The Chair or the Business Manager will decide": one of several, as the document joins them.
struct actor_stmt
    : statement_rule<Keyword::actor, ESC_KW("by"), sp, p::must<by_text>,
                     p::star<sp1, ESC_KW("or"), sp, p::must<by_text>>> {};
struct unknown_subject : identifier {};
struct unknown_stmt
    : statement_rule<Keyword::unknown, ESC_KW("unknown"), sp, p::must<unknown_subject>, p::opt<sp, reason_text>> {};

// Where the document is ambiguous or contradicts itself: what is open, then each reading
// it allows, written with the statements of the block the ambiguity stands in.
struct ambiguity_title : title_text {};
struct ambiguous_stmt : statement_rule<Keyword::ambiguous, ESC_KW("ambiguous"), sp, p::must<ambiguity_title>> {};
struct reading_title : title_text {};
struct reading_stmt : statement_rule<Keyword::reading, ESC_KW("reading"), sp, p::must<reading_title>> {};

// ---- Statements: agencies and forms --------------------------------------------------------

struct kind_name : reference {};
// In an agency, the kind of agency it is; at the top of a file, the declaration of a kind.
struct kind_stmt : statement_rule<Keyword::kind, ESC_KW("kind"), sp, p::must<kind_name>, p::opt<sp, title_text>> {};
struct role_title : title_text {};
struct level_word : ESC_KW("level") {};
struct role_level : reference {};
struct role_attr : p::sor<p::seq<ESC_KW("at"), sp1, p::must<level_word>, sp, p::must<role_level>>, person_attr> {};
struct role_stmt : statement_rule<Keyword::role, ESC_KW("role"), sp, p::must<role_title>, p::star<sp, role_attr>> {};
struct line_name : p::sor<digits, identifier> {};
struct line_stmt : statement_rule<Keyword::line, ESC_KW("line"), sp, p::must<line_name>, p::opt<sp, title_text>> {};

struct required_from_stmt
    : statement_rule<Keyword::required_from, ESC_KW("required"), sp1, p::must<from_word>, sp1, p::must<stage_word>, sp,
                     p::must<stage_number>> {};
struct send_to_stmt
    : statement_rule<Keyword::send_to, ESC_KW("send"), sp1, p::must<to_word>, sp, p::must<contact_title>,
                     contact_details> {};
struct section_title : title_text {};
struct section_stmt : statement_rule<Keyword::section, ESC_KW("section"), sp, p::must<section_title>> {};
struct field_stmt : statement_rule<Keyword::field, ESC_KW("field"), sp, p::must<plain_text>> {};
struct column_stmt : statement_rule<Keyword::column, ESC_KW("column"), sp, p::must<plain_text>> {};

struct context_text : quoted {};
struct context_stmt : statement_rule<Keyword::context, ESC_KW("context"), sp, p::must<context_text>> {};
struct note_stmt : statement_rule<Keyword::note, ESC_KW("note"), sp, p::must<note_text>> {};
struct source_stmt
    : statement_rule<Keyword::source, p::sor<ESC_KW("source"), ESC_KW("quote")>, sp, p::must<source_text>> {};

// ---- Items ---------------------------------------------------------------------------------

// Order matters only where two statements share a first word: `by day ...` (a
// timeframe) is tried before `by "..."` (who acts), `contacts` before `contact`. The
// statement table keeps the same order (tests/statements_test.cpp holds it to it).
struct statement
    : p::sor<use_stmt, extends_stmt, allow_stmt, protocol_stmt, calendar_stmt, hours_stmt, level_stmt, immediate_risk_stmt,
             informal_stage_stmt, stage_stmt, route_stmt, complaints_stmt, agency_stmt, form_stmt, figure_stmt, partnership_stmt,
             version_stmt, status_stmt, author_stmt, dated_stmt, approved_stmt, last_reviewed_stmt, review_stmt,
             read_with_stmt, covers_stmt, excludes_stmt, applies_to_stmt, counterpart_stmt, part_of_stmt,
             supersedes_stmt, amended_stmt, statutory_stmt, does_not_replace_stmt, via_stmt, overseen_stmt, used_when_stmt, resolve_stmt,
             timeframes_from_stmt, timeframes_called_stmt, formal_start_stmt, report_stmt, term_stmt,
             link_stmt, document_stmt, working_days_stmt, bank_holiday_stmt, data_years_stmt, parties_stmt, step_stmt,
             timeframe_stmt, cumulative_stmt, outcome_stmt, duty_stmt, contacts_stmt, contact_stmt, final_stmt, decided_by_stmt,
             entry_stmt, through_stmt, actor_stmt, unknown_stmt, ambiguous_stmt, reading_stmt, kind_stmt, role_stmt,
             line_stmt, required_from_stmt, send_to_stmt, section_stmt, field_stmt, column_stmt, context_stmt, note_stmt,
             source_stmt> {};

struct open_brace : p::one<'{'> {};
struct close_brace : p::one<'}'> {};
struct statement_end : p::seq<sp, p::opt<comment>, p::sor<p::eol, p::eof, p::at<close_brace>>> {};
// After `{` the rest of the line may hold the block's first statement.
struct modal_statement : statement {};
struct statement_item
    : p::seq<p::sor<p::seq<modality, p::must<modal_statement>>, statement>, sp,
             p::sor<open_brace, p::must<statement_end>>> {};
struct stray_open_brace : open_brace {};
struct unknown_statement : identifier {};

struct item
    : p::sor<close_brace, p::seq<p::at<open_brace>, p::raise<stray_open_brace>>, statement_item,
             p::raise<unknown_statement>> {};

}  // namespace esc::grammar
