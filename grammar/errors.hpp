// Plain-English messages for the places where the grammar insists on something
// (every rule under `must<>` or `raise<>`). They are written for the policy officers
// who write protocols, not for programmers. `{found}` is replaced by what was found
// there instead ("'soon'", "the end of the line", "text in quotes").
#pragma once

#include "grammar/esc.hpp"

namespace esc::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define ESC_MESSAGE(rule, text) \
  template <>                   \
  inline constexpr const char* error_message<rule> = text

// Text, numbers, times
ESC_MESSAGE(escape_code, "inside quotes a backslash must be followed by \" or \\ (write \\\" for a quote)");
ESC_MESSAGE(text_close, "this text has no closing quote (\") before the end of the line");
ESC_MESSAGE(clock_end, "expected the time the window ends, such as 17:00-09:00, but found {found}");
ESC_MESSAGE(date_value, "expected a date such as 2024-03-31 or 2024-03, but found {found}");
ESC_MESSAGE(stage_number, "expected a stage number such as 2, but found {found}");
ESC_MESSAGE(before_stage_number, "expected a stage number after 'before stage', but found {found}");
ESC_MESSAGE(target_stage_number, "expected a stage number after 'go to stage', but found {found}");

// Durations and timeframes
ESC_MESSAGE(duration_unit,
            "expected a unit after the number, such as 'working days', 'calendar days' or 'hours', but found {found}");
ESC_MESSAGE(within_duration, "expected a duration such as '2 working days' after 'within', but found {found}");
ESC_MESSAGE(also_stated_duration,
            "expected the same time in another unit in brackets, as in 'within 48 hours (2 working days)', "
            "but found {found}");
ESC_MESSAGE(also_stated_close, "expected ')' after the time in another unit, but found {found}");
ESC_MESSAGE(alternative_duration,
            "expected the other time after 'or', as in 'within one working week or 5 working days, whichever is "
            "less', but found {found}");
ESC_MESSAGE(whichever_word,
            "expected 'whichever is less' (or 'sooner', 'later', 'greater') after the two times, but found {found}");
ESC_MESSAGE(is_word, "expected 'is' after 'whichever', as in 'whichever is less', but found {found}");
ESC_MESSAGE(combined_by,
            "expected which of the two times counts: 'less', 'shorter', 'sooner', 'earlier', 'greater', 'longer' or "
            "'later', but found {found}");
ESC_MESSAGE(anchor_of_word, "expected 'of step', as in 'from the end of step \"Meeting\"', but found {found}");
ESC_MESSAGE(anchor_step_word, "expected 'step', as in 'of step \"Meeting\"', but found {found}");
ESC_MESSAGE(anchor_step_text,
            "expected the title of the step the time counts from, in quotes, such as of step \"Meeting\", but found "
            "{found}");
ESC_MESSAGE(variant_label,
            "expected the variant's label in quotes, as in 'variant \"4a\" within 24 hours if \"urgent\"', but "
            "found {found}");
ESC_MESSAGE(variant_condition_text,
            "expected the condition on which the variant is taken, in quotes, such as if \"urgent\", but found "
            "{found}");
ESC_MESSAGE(procedure_word,
            "expected 'procedure from stage N', as in 'formal procedure from stage 3' or 'procedure from stage 1', "
            "but found {found}");
ESC_MESSAGE(day_number, "expected a day number such as 'by day 8', but found {found}");
ESC_MESSAGE(event_text,
            "expected the event the clock starts from, in quotes, such as from \"the initial concern\", "
            "but found {found}");
ESC_MESSAGE(cumulative_duration,
            "expected the running total after 'cumulative', such as 'cumulative 5 working days', but found {found}");
ESC_MESSAGE(resolve_timeframe,
            "expected a timeframe after 'resolve', such as 'resolve within 10 working days', but found {found}");
ESC_MESSAGE(covering_range, "expected the stages it covers, such as 'covering stages 1 to 3', but found {found}");
ESC_MESSAGE(stages_word, "expected 'stages' after 'covering', as in 'covering stages 1 to 3', but found {found}");
ESC_MESSAGE(period_unit, "expected 'months' or 'years', as in 'review every 2 years', but found {found}");
ESC_MESSAGE(review_period, "expected how often, such as 'review every 2 years', but found {found}");
ESC_MESSAGE(review_detail,
            "expected 'due' with a date, 'annually' or 'every ...' after 'review', as in 'review due 2024-03', "
            "but found {found}");

// Time windows
ESC_MESSAGE(day_name_end, "expected the last day of the range, such as 'monday to friday', but found {found}");
ESC_MESSAGE(working_day_set, "expected the working days, such as 'monday to friday', but found {found}");
ESC_MESSAGE(window,
            "expected a time window such as 'always', 'weekdays 17:00-09:00', 'weekends', 'bank holidays' or the "
            "name of an hours definition, but found {found}");
ESC_MESSAGE(window_list,
            "expected when the contact is available, such as 'always', '21:00-07:00' or 'out_of_hours', "
            "but found {found}");
ESC_MESSAGE(bank_holidays_words, "expected 'bank holidays' after 'except', but found {found}");
ESC_MESSAGE(equals_sign,
            "expected '=' and the windows, as in: hours out_of_hours = weekdays 17:00-09:00, weekends, "
            "but found {found}");

// Contacts
ESC_MESSAGE(phone_text, "expected a phone number in quotes after 'phone', such as \"020 8359 5638\", but found {found}");
ESC_MESSAGE(email_text, "expected an email address in quotes after 'email', but found {found}");
ESC_MESSAGE(call_sign_text, "expected the call sign in quotes, such as \"Inspector NW400\", but found {found}");
ESC_MESSAGE(switchboard_text, "expected the switchboard's number in quotes after 'switchboard', but found {found}");
ESC_MESSAGE(person_text, "expected the person's name in quotes after 'person', but found {found}");
ESC_MESSAGE(mobile_text, "expected the mobile number in quotes after 'mobile', but found {found}");
ESC_MESSAGE(line_word_of_direct, "expected 'line' after 'direct', as in: direct line \"01234 567890\", but found {found}");
ESC_MESSAGE(direct_line_text, "expected the number in quotes after 'direct line', but found {found}");
ESC_MESSAGE(address_text, "expected the postal address in quotes after 'address', but found {found}");
ESC_MESSAGE(purpose_text,
            "expected what the contact is for, in the document's words and in quotes, after 'purpose', but found "
            "{found}");
ESC_MESSAGE(for_word_of_not, "expected 'not for escalation', but found {found}");
ESC_MESSAGE(own_word, "expected 'in own agency' (a post in the reader's own agency), but found {found}");
ESC_MESSAGE(agency_word_of_own, "expected 'in own agency' (a post in the reader's own agency), but found {found}");
ESC_MESSAGE(escalation_word, "expected 'not for escalation', but found {found}");
ESC_MESSAGE(listed_word,
            "expected 'as listed' (the contact's details are where the protocol lists it), but found {found}");
ESC_MESSAGE(unknown_word, "expected 'details unknown', optionally with the reason in quotes, but found {found}");
ESC_MESSAGE(called_word, "expected 'also called' and the other names in quotes, but found {found}");
ESC_MESSAGE(also_called_name, "expected another name of the same body, in quotes, after 'also called', but found {found}");
ESC_MESSAGE(former_name, "expected the name of the body it replaced, in quotes, after 'formerly', but found {found}");
ESC_MESSAGE(applies_word, "expected 'applies to' and whom it applies to, in quotes, but found {found}");
ESC_MESSAGE(for_word,
            "expected 'for' and the profession, as in: counterpart \"the practice safeguarding lead\" for \"a GP\", "
            "but found {found}");
ESC_MESSAGE(counterpart_for, "expected the profession in quotes after 'for', such as \"a GP\", but found {found}");
ESC_MESSAGE(of_word, "expected 'part of' and the manual's title in quotes, but found {found}");
ESC_MESSAGE(part_of_step_of, "expected 'part of' and the title of another step of the stage in quotes, but found {found}");
ESC_MESSAGE(part_of_step_title, "expected the title of the step this one is part of, in quotes after 'part of', but found {found}");
ESC_MESSAGE(section_name, "expected the chapter or section in quotes after 'section', but found {found}");
ESC_MESSAGE(not_word_of_does, "expected 'does not replace' and the document it leaves in force, in quotes, but found {found}");
ESC_MESSAGE(replace_word, "expected 'does not replace' and the document it leaves in force, in quotes, but found {found}");
ESC_MESSAGE(from_word_of_separate, "expected 'separate from' and the document, in quotes, but found {found}");
ESC_MESSAGE(used_when_word, "expected 'used when' and the situations, in quotes, but found {found}");
ESC_MESSAGE(situation_text, "expected a situation the protocol is used in, in quotes, but found {found}");
ESC_MESSAGE(way_text, "expected a way escalation can be made, in quotes, such as via \"telephone\" or \"email\", but found {found}");
ESC_MESSAGE(covered_kind_word,
            "expected 'cases' or 'disagreements' after 'covers only', as in covers only disagreements "
            "\"inter-agency\", but found {found}");
ESC_MESSAGE(covered_text, "expected the kind of case or disagreement the protocol covers, in quotes, but found {found}");
ESC_MESSAGE(about_word,
            "expected 'about' and what the complaints are about, as in complaints about \"the decisions of the "
            "partnership\", but found {found}");
ESC_MESSAGE(complaint_subject, "expected what the complaints are about, in quotes, after 'complaints about', but found {found}");
ESC_MESSAGE(decided_by_word,
            "expected 'decided by' and who makes the decision, in quotes, as in decided by \"the Partnership Chair\", "
            "but found {found}");
ESC_MESSAGE(decider_text, "expected who makes the decision, in quotes, after 'decided by', but found {found}");
ESC_MESSAGE(overseen_by_word, "expected 'overseen by' and who oversees the protocol, in quotes, but found {found}");
ESC_MESSAGE(overseer_text, "expected who oversees the protocol, in quotes, after 'overseen by', but found {found}");
ESC_MESSAGE(instead_text,
            "expected where the excluded cases go instead, in quotes, after 'instead', such as \"the agency's own "
            "complaints procedure\", but found {found}");
ESC_MESSAGE(under_text, "expected the document whose rules the duty is kept under, in quotes, after 'under', but found {found}");
ESC_MESSAGE(report_period, "expected how often, such as 'every 6 months', but found {found}");
ESC_MESSAGE(agency_reference, "expected the name of an agency after 'of', such as 'police', but found {found}");
ESC_MESSAGE(via_text, "expected who the details come through, in quotes, after 'via', but found {found}");
ESC_MESSAGE(case_kind,
            "expected 'open cases', 'new referrals' or 'all cases' after 'for', but found {found}");
ESC_MESSAGE(condition_text, "expected the condition in quotes after 'if', but found {found}");
ESC_MESSAGE(contact_title, "expected who to contact, in quotes, such as \"Duty Inspector\", but found {found}");

// Duties and outcomes
ESC_MESSAGE(to_target, "expected who it goes to, in quotes or as a name, after 'to', but found {found}");
ESC_MESSAGE(on_text, "expected where it is recorded, in quotes, after 'on', such as on \"the child's file\", "
                     "but found {found}");
ESC_MESSAGE(by_text, "expected who acts, in quotes, after 'by', but found {found}");
ESC_MESSAGE(every_word, "expected 'every' after 'at', as in 'at every stage', but found {found}");
ESC_MESSAGE(stages_held_at,
            "expected 'stage' or 'formal stage' after 'at every', as in 'at every formal stage', but found {found}");
ESC_MESSAGE(before_stage_word, "expected 'stage' after 'before', as in 'before stage 3', but found {found}");
ESC_MESSAGE(go_to_target, "expected where to go, such as 'stage 2' or the name of a route, but found {found}");
ESC_MESSAGE(outcome_word, "expected 'resolved', 'unresolved' or 'no response' after 'when', but found {found}");
ESC_MESSAGE(outcome_colon, "expected ':' after the outcome, as in 'when unresolved: go to stage 2', but found {found}");
ESC_MESSAGE(outcome_action,
            "expected what happens, such as 'go to stage 2', 'end' or 'confirm in writing', but found {found}");
ESC_MESSAGE(modal_action,
            "expected what must, should or may happen, such as 'may go to stage 4' or 'should record ...', "
            "but found {found}");
ESC_MESSAGE(modal_statement,
            "expected what must, should or may be done, such as 'may step \"...\"', 'should within 2 working "
            "days' or 'must record ...', but found {found}");
ESC_MESSAGE(timeframes_standing,
            "expected 'from', 'mandatory', 'indicative' or 'as a guide' after 'timeframes', as in 'timeframes "
            "mandatory', but found {found}");

// Statements
ESC_MESSAGE(use_target,
            "expected what to use, such as 'std.calendars.england_and_wales' or a file name in quotes, "
            "but found {found}");
ESC_MESSAGE(extends_path, "expected the regional protocol's file name in quotes after 'extends', such as "
                          "\"regional.esc\", but found {found}");
ESC_MESSAGE(allow_code, "expected a diagnostic code such as G004 after 'allow', but found {found}");
ESC_MESSAGE(reason_text, "expected the reason in quotes, such as \"agreed by the board on 2024-01-10\", "
                         "but found {found}");
ESC_MESSAGE(protocol_title, "expected the protocol's title in quotes after 'protocol', but found {found}");
ESC_MESSAGE(calendar_name, "expected the calendar's name, such as 'england_and_wales', but found {found}");
ESC_MESSAGE(hours_name, "expected a name for these hours, such as 'out_of_hours', but found {found}");
ESC_MESSAGE(level_name, "expected the name of a level of seniority, such as 'line_manager', but found {found}");
ESC_MESSAGE(risk_word, "expected 'risk' after 'immediate', as in 'immediate risk {', but found {found}");
ESC_MESSAGE(stage_word, "expected 'stage' here, but found {found}");
ESC_MESSAGE(informal_title, "expected the informal stage's title in quotes, but found {found}");
ESC_MESSAGE(stage_title, "expected the stage's title in quotes after its number, as in stage 1 \"Practitioners\", "
                         "but found {found}");
ESC_MESSAGE(route_name, "expected a name for the route, such as 'exceptional', but found {found}");
ESC_MESSAGE(route_title, "expected the route's title in quotes after its name, but found {found}");
ESC_MESSAGE(agency_name, "expected a short name for the agency, such as 'police', but found {found}");
ESC_MESSAGE(agency_title, "expected the agency's full name in quotes after its short name, but found {found}");
ESC_MESSAGE(form_name, "expected a short name for the form, such as 'resolution', but found {found}");
ESC_MESSAGE(form_title, "expected the form's title in quotes after its short name, but found {found}");
ESC_MESSAGE(figure_title, "expected the figure's title in quotes after 'figure', but found {found}");
ESC_MESSAGE(shows_stages, "expected 'shows stages' and the stage numbers, as in 'shows stages 1, 2, 3', "
                          "but found {found}");
ESC_MESSAGE(short_name, "expected a short name after 'as', such as 'BSCP', but found {found}");
ESC_MESSAGE(plain_text, "expected text in quotes, but found {found}");
ESC_MESSAGE(text_list, "expected text in quotes, but found {found}");
ESC_MESSAGE(status_word, "expected 'draft', 'live' or 'withdrawn' after 'status', but found {found}");
ESC_MESSAGE(by_word, "expected 'by' after 'approved', as in approved by \"the Board\", but found {found}");
ESC_MESSAGE(reviewed_word, "expected 'reviewed' after 'last', as in 'last reviewed 2021-03', but found {found}");
ESC_MESSAGE(with_word, "expected 'with' after 'read', as in read with \"London Child Protection Procedures\", "
                       "but found {found}");
ESC_MESSAGE(url_text, "expected a web address in quotes, but found {found}");
ESC_MESSAGE(document_path, "expected the document's file name in quotes after 'document', such as "
                           "\"sources/our-protocol.txt\", but found {found}");
ESC_MESSAGE(scope_word,
            "expected who the protocol covers: 'children', 'young people', 'adults with care and support needs', "
            "'adults at risk', 'adults' or 'families', or the kinds it covers, as in covers cases \"...\" or "
            "covers disagreements \"...\", but found {found}");
ESC_MESSAGE(from_word, "expected 'from' here, but found {found}");
ESC_MESSAGE(frequency,
            "expected 'quarterly', 'annually', 'monthly' or 'every ...' (such as 'every 6 months') after 'report', "
            "but found {found}");
ESC_MESSAGE(to_word, "expected 'to' here, but found {found}");
ESC_MESSAGE(means_word, "expected 'means' after the term, as in term \"SPG\" means \"...\", but found {found}");
ESC_MESSAGE(holiday_word, "expected 'holiday' after 'bank', as in 'bank holiday 2025-12-25', but found {found}");
ESC_MESSAGE(year_range, "expected the years the data covers, such as 'data from 2015 to 2030', but found {found}");
ESC_MESSAGE(party_text, "expected who is involved, in quotes, such as \"Line Manager\", but found {found}");
ESC_MESSAGE(step_title, "expected what the step is, in quotes, after 'step', but found {found}");
ESC_MESSAGE(line_word, "expected 'line' after 'contacts', as in 'contacts line 1 to line 3', but found {found}");
ESC_MESSAGE(line_label, "expected which line, such as '1' or 'initial', but found {found}");
ESC_MESSAGE(entry_point, "expected 'any stage' or 'stage 3' after 'entry from', but found {found}");
ESC_MESSAGE(unknown_subject, "expected what is unknown, such as 'stages' or 'seniority', but found {found}");
ESC_MESSAGE(ambiguity_title,
            "expected what the document leaves open, in quotes, as in ambiguous \"the table gives 3 working days, the "
            "text 5\" {, but found {found}");
ESC_MESSAGE(reading_title, "expected a name for this reading, in quotes, as in reading \"the table\" {, but found {found}");
ESC_MESSAGE(kind_name, "expected the kind of agency, such as 'police' or 'health', but found {found}");
ESC_MESSAGE(role_title, "expected the role's title in quotes after 'role', but found {found}");
ESC_MESSAGE(level_word, "expected 'level' after 'at', as in 'at level line_manager', but found {found}");
ESC_MESSAGE(role_level, "expected the name of a level, such as 'line_manager', but found {found}");
ESC_MESSAGE(line_name, "expected which line this is, such as '1' or 'initial', but found {found}");
ESC_MESSAGE(section_title, "expected the section's title in quotes after 'section', but found {found}");
ESC_MESSAGE(context_text, "expected the document's own words in quotes after 'context', but found {found}");
ESC_MESSAGE(note_text, "expected the note in quotes after 'note', but found {found}");
ESC_MESSAGE(source_text, "expected the document's own words in quotes after 'source', but found {found}");
ESC_MESSAGE(statement_end,
            "did not expect {found} here; each statement goes on its own line");
ESC_MESSAGE(stray_open_brace, "put '{' at the end of the line that starts the block, not on a line of its own");
ESC_MESSAGE(unknown_statement, "{found} is not a statement escc knows");

#undef ESC_MESSAGE

}  // namespace esc::grammar
