#include "compiler/backends/protocol_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/durations.hpp"
#include "compiler/analysis/duties.hpp"
#include "compiler/analysis/phones.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/backends/reader_style.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/model/unknowns.hpp"
#include "compiler/source/spoken_list.hpp"

namespace esc::backends {
namespace {

std::string passage_html(const model::Passage& passage) {
  switch (passage.kind) {
    case model::PassageKind::source:
      return fmt::format("<blockquote class=\"source\"><p>{}</p></blockquote>\n", markup_text(passage.text.value));
    case model::PassageKind::context:
      return fmt::format("<blockquote class=\"context\"><p>{}</p></blockquote>\n", markup_text(passage.text.value));
    case model::PassageKind::note:
      return fmt::format("<p class=\"note\"><strong>Note:</strong> {}</p>\n", markup_text(passage.text.value));
  }
  return {};
}

// The passages of one entity, handed out part by part so that each stands beside what
// it is about; whatever no part asked for is shown at the end, so none is left off.
class Said {
 public:
  explicit Said(const model::Described& described) : passages_(described.passages()), shown_(passages_.size()) {}
  Said(const Said&) = delete;
  Said& operator=(const Said&) = delete;
  ~Said() = default;

  // Those about the statement named `about` ("" for the entity itself).
  std::string about(std::string_view about) {
    std::string html;
    for (std::size_t i = 0; i < passages_.size(); ++i) {
      if (shown_[i] || passages_[i].about != about) continue;
      shown_[i] = true;
      html += passage_html(passages_[i]);
    }
    return html;
  }
  std::string rest() {
    std::string html;
    for (std::size_t i = 0; i < passages_.size(); ++i) {
      if (!shown_[i]) html += passage_html(passages_[i]);
      shown_[i] = true;
    }
    return html;
  }

 private:
  std::span<const model::Passage> passages_;
  std::vector<bool> shown_;
};

std::string passages_of(const model::Described& described) {
  Said said(described);
  return said.rest();
}

// A <dl> of facts, each a term and its description (already markup) with what is said
// about it.
class Facts {
 public:
  void add(std::string_view term, const std::string& description_html, const std::string& said_html = {}) {
    if (description_html.empty() && said_html.empty()) return;
    html_ += fmt::format("<dt>{}</dt>\n<dd>{}{}{}</dd>\n", markup_text(term), description_html,
                         description_html.empty() || said_html.empty() ? "" : "\n", said_html);
  }
  std::string html() const { return html_.empty() ? std::string() : "<dl class=\"facts\">\n" + html_ + "</dl>\n"; }

 private:
  std::string html_;
};

std::string text_list(const std::vector<model::Text>& texts, std::string_view conjunction = "and") {
  std::vector<std::string> words;
  for (const auto& text : texts) words.push_back(markup_text(text.value));
  return spoken_list(words, conjunction);
}

// "a, b or c": each join as the document writes it, never turned into another.
std::string joined_words(const std::vector<model::Text>& items, const std::vector<std::string_view>& joined_by) {
  std::string words;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) words += joined_by.at(i - 1) == "," ? ", " : fmt::format(" {} ", joined_by.at(i - 1));
    words += markup_text(items[i].value);
  }
  return words;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// "Each agency's escalation lines 1 to 3", "Police's escalation line 2".
std::string lines_words(const model::LineRange& range, const model::Model& model) {
  auto lines = range.first == range.last ? fmt::format("line {}", range.first)
                                         : fmt::format("lines {} to {}", range.first, range.last);
  if (range.agency.valid()) return fmt::format("{}'s escalation {}", model.agency(range.agency).title.value, lines);
  return fmt::format("Each agency's escalation {}", lines);
}

std::string unknown_words(const model::Unknown& unknown) {
  return fmt::format("<p class=\"unknown\"><strong>Not known, {}:</strong> {}</p>\n",
                     markup_text(model::row_of(unknown.subject).means),
                     unknown.reason ? markup_text(unknown.reason->value) : "the protocol records that this is not known");
}

std::string unknowns_html(const std::vector<model::Unknown>& unknowns) {
  std::string html;
  for (const auto& unknown : unknowns) html += unknown_words(unknown);
  return html;
}

// "(regional)" or "(local)" after a part of a protocol that extends a regional one.
std::string origin_html(Span span, const model::Model& model) {
  auto origin = model.origin(span);
  return origin.empty() ? std::string() : fmt::format(" <span class=\"origin\">({})</span>", origin);
}

std::string contact_html(const model::Contact& contact, const model::Model& model) {
  std::string who = fmt::format("<strong>{}</strong>", markup_text(contact.title.value));
  if (contact.person) who += ", " + markup_text(contact.person->value);
  if (contact.of.valid()) who += fmt::format(" ({})", markup_text(model.agency(contact.of).title.value));
  std::vector<std::string> means;
  for (const auto& phone : contact.phones) means.push_back("phone " + phone_html(phone.value));
  for (const auto& phone : contact.mobiles) means.push_back("mobile " + phone_html(phone.value));
  for (const auto& phone : contact.direct_lines) means.push_back("direct line " + phone_html(phone.value));
  for (const auto& phone : contact.switchboards) means.push_back("switchboard " + phone_html(phone.value));
  for (const auto& email : contact.emails) {
    means.push_back(fmt::format("email <a href=\"{}\">{}</a>", markup_text(mailto_href(email.value)),
                                markup_text(email.value)));
  }
  for (const auto& sign : contact.call_signs) means.push_back("call sign " + markup_text(sign.value));
  if (contact.via) means.push_back("through " + markup_text(contact.via->value));
  if (contact.address) means.push_back("by post to " + markup_text(contact.address->value));
  std::string html = "<li>" + who;
  if (!means.empty()) html += ": " + spoken_list(means, "and");
  if (!contact.windows.empty()) html += ". " + markup_text(capitalised(hours_words(analysis::availability_of(contact, model))));
  if (contact.case_kinds == model::CaseKinds{model::CaseKind::open_cases}) html += ". For open cases";
  if (contact.case_kinds == model::CaseKinds{model::CaseKind::new_referrals}) html += ". For new referrals";
  if (contact.condition) html += ". If " + markup_text(contact.condition->value);
  if (contact.purpose) html += ". For " + markup_text(contact.purpose->value);
  if (contact.not_for_escalation) html += ". Not for escalation";
  if (contact.in_own_agency) html += ". In your own agency";
  if (contact.listed_at) html += ". As listed elsewhere in the protocol";
  html += "." + origin_html(contact.span, model) + "\n";
  if (contact.details_unknown) html += unknown_words(*contact.details_unknown);
  return html + passages_of(contact) + "</li>\n";
}

std::string contacts_html(const std::vector<model::Contact>& contacts, const model::Model& model) {
  if (contacts.empty()) return {};
  std::string html = "<ul class=\"named-contacts\">\n";
  for (const auto& contact : contacts) html += contact_html(contact, model);
  return html + "</ul>\n";
}

std::string duty_html(const model::Duty& duty, const model::Model& model) {
  return "<li>" + markup_text(analysis::duty_words(duty, model)) + "." + origin_html(duty.span, model) + "\n" +
         passages_of(duty) + "</li>\n";
}

// Duties the protocol states once for every stage; those it states for its formal
// stages alone say so.
std::string every_stage_duties(const std::vector<model::Duty>& duties, const model::Model& model) {
  std::string html = "<ul class=\"duties\">\n";
  for (const auto& duty : duties) {
    auto words = analysis::duty_words(duty, model);
    if (duty.formal_stages_only) words += " (" + std::string(analysis::where_duty_holds(duty)) + ")";
    html += "<li>" + markup_text(words) + "." + origin_html(duty.span, model) + "\n" + passages_of(duty) + "</li>\n";
  }
  return html + "</ul>\n";
}

std::string duty_list(const std::vector<model::Duty>& duties, const model::Model& model) {
  if (duties.empty()) return {};
  std::string html = "<ul class=\"duties\">\n";
  for (const auto& duty : duties) html += duty_html(duty, model);
  return html + "</ul>\n";
}

std::string timeframes_html(const std::vector<model::Timeframe>& timeframes, const model::Model& model) {
  std::vector<std::string> words;
  for (const auto& timeframe : timeframes) words.push_back(markup_text(timeframe.stated()) + origin_html(timeframe.span, model));
  return fmt::format("{}", fmt::join(words, "; "));
}

// In the chart's words, so that the chart and the page say the same.
std::string steps_html(const model::Stage& stage, const ChartNode& node, const model::Model& model) {
  if (stage.steps.empty()) return {};
  std::string html = "<h4>Steps</h4>\n<ol class=\"steps\">\n";
  for (std::size_t i = 0; i < stage.steps.size(); ++i) {
    const auto& step = stage.steps[i];
    const auto& words = node.steps.at(i);
    html += "<li>" + markup_text(words.title);
    if (!words.timeframe.empty()) html += ", " + markup_text(words.timeframe);
    if (step.cumulative) html += " (" + markup_text(step.cumulative->describe()) + " in all)";
    html += "." + origin_html(step.span, model) + "\n" + passages_of(step) + "</li>\n";
  }
  return html + "</ol>\n";
}

std::string stage_html(const model::Stage& stage, std::size_t index, const model::Model& model, const Chart& chart) {
  const auto& node = chart.nodes.at(index + (model.immediate_risk ? 1 : 0));
  Said said(stage);
  std::string html = fmt::format("<section class=\"stage\" id=\"{}\" aria-labelledby=\"{}-heading\">\n"
                                 "<h3 id=\"{}-heading\">{}</h3>\n",
                                 node.id, node.id, node.id, markup_text(node.heading));
  html += said.about("");
  html += said.about("context");
  Facts facts;
  if (!stage.parties.empty()) {
    // As the protocol writes them: `parties "A" to "B"`.
    std::vector<std::string> parties;
    for (const auto& party : stage.parties) parties.push_back(markup_text(party.value));
    facts.add("Who", fmt::format("{}", fmt::join(parties, " to ")), said.about("parties"));
  }
  if (stage.level.valid()) {
    const auto& level = model.levels.at(stage.level.index);
    facts.add("Level", markup_text(level.title ? std::string(level.title->value) : level.name), said.about("level"));
  }
  if (stage.actor) facts.add("By", markup_text(stage.actor_words()), said.about("actor"));
  if (stage.decided_by) facts.add("Decided by", markup_text(stage.decided_by->value), said.about("decided_by"));
  if (!node.formal_start.empty()) {
    const auto& start = *model.protocol->formal_start;
    facts.add(start.called_formal ? "Formal procedure" : "Procedure", markup_text(node.formal_start));
  }
  if (stage.through) facts.add("Through", markup_text(stage.through->value), said.about("through"));
  for (const auto& entry : stage.entries) {
    std::string from = entry.any_stage ? "any stage" : fmt::format("stage {}", entry.stage_number);
    if (entry.condition) from += ", if " + std::string(entry.condition->value);
    facts.add("Entered from", markup_text(from), said.about("entry"));
  }
  if (model.regional) {
    auto from = model.origin(stage.span) == "local"     ? std::string("This local protocol")
                : stage.local_layers.empty()            ? std::string("The regional protocol")
                                                        : std::string("The regional protocol, with local additions");
    if (stage.local_title) from += fmt::format(" (the local protocol calls it {})", markup_text(stage.local_title->value));
    facts.add("From", from, "");
  }
  facts.add("Timeframe", timeframes_html(stage.timeframes, model), said.about("timeframe"));
  if (stage.cumulative) {
    facts.add("Stated running total", markup_text(stage.cumulative->describe()), said.about("cumulative"));
  }
  if (!node.by_day.empty()) {
    facts.add("Running total", markup_text(capitalised(node.by_day) + ", adding up the timeframes from the first stage"));
  }
  facts.add("Deadline", markup_text(capitalised(node.deadline)));
  if (stage.final) {
    facts.add("Final", stage.binding ? "This is the final stage; its decision is binding."
                                     : "This is the final stage.",
              said.about("final"));
  }
  html += facts.html();
  html += steps_html(stage, node, model);
  if (!stage.duties.empty()) html += "<h4>What to do</h4>\n" + duty_list(stage.duties, model);
  // The protocol's duties for every stage are shown once, in "About this protocol"; each
  // stage where they hold points there rather than repeating them.
  auto duties = analysis::duties_at(model, stage);
  if (std::any_of(duties.begin(), duties.end(), [](const auto& held) { return held.whole_protocol; })) {
    html += std::string(stage.duties.empty() ? "<h4>What to do</h4>\n" : "") +
            "<p class=\"every-stage\">Also what the protocol asks <a href=\"#every-stage\">at every stage</a>.</p>\n";
  }
  if (!stage.contacts.empty() || !stage.contact_lines.empty()) {
    html += "<h4>Whom to contact</h4>\n";
    if (stage.contacts_join) {
      html += fmt::format("<p class=\"contacts-join\">Contact {}.</p>\n",
                          model::contacts_join_words(stage.contacts_join->value));
    }
    for (const auto& range : stage.contact_lines) {
      html += fmt::format("<p>{} (see the <a href=\"#directory\">contact directory</a>).</p>\n",
                          markup_text(lines_words(range, model)));
    }
    html += said.about("contacts");
    html += contacts_html(stage.contacts, model);
  }
  if (!stage.outcomes.empty()) {
    // In the chart's words, so that the chart and the page say the same.
    html += "<h4>What happens next</h4>\n<ul class=\"outcomes\">\n";
    for (std::size_t i = 0; i < stage.outcomes.size(); ++i) {
      const auto& outcome = stage.outcomes[i];
      std::string passages = passages_of(outcome);
      for (const auto& duty : outcome.duties) passages += passages_of(duty);
      html += "<li>" + markup_text(node.moves.at(i)) + ".\n" + passages + "</li>\n";
    }
    html += "</ul>\n";
  }
  html += unknowns_html(stage.unknowns);
  html += said.about("unknown");
  html += said.rest();
  return html + "</section>\n";
}

std::string about_protocol(const model::Protocol& protocol, Said& said, const model::Model& model,
                           const analysis::Analyses& analyses) {
  Facts facts;
  std::vector<std::string> read_with;
  for (const auto& r : protocol.read_with) {
    read_with.push_back(r.url ? fmt::format("{} ({})", markup_text(r.title.value), markup_text(r.url->value))
                              : markup_text(r.title.value));
  }
  facts.add("Read with", fmt::format("{}", fmt::join(read_with, "; ")), said.about("read_with"));
  std::vector<std::string> scope;
  if (protocol.scope.has(model::Scope::children)) scope.emplace_back("children");
  if (protocol.scope.has(model::Scope::young_people)) scope.emplace_back("young people");
  if (protocol.scope.has(model::Scope::adults)) scope.emplace_back("adults");
  if (protocol.scope.has(model::Scope::families)) scope.emplace_back("families");
  // `said.about` gives the quotes once, with the first fact that shows them.
  facts.add("Covers", spoken_list(scope, "and"), scope.empty() ? std::string() : said.about("covers"));
  for (const auto& covered : protocol.covered_kinds) {
    facts.add(fmt::format("Covers {}{}", covered.only ? "only " : "", covered.of),
              joined_words(covered.kinds, covered.joined_by), said.about("covers"));
  }
  if (!protocol.exclusions.empty()) {
    std::string excluded = "<ul>\n";
    for (const auto& exclusion : protocol.exclusions) {
      excluded += "<li>" + markup_text(exclusion.value);
      for (const auto& e : protocol.excluded_instead) {
        if (e.excluded.span == exclusion.span) excluded += ": instead, " + markup_text(e.instead.value);
      }
      excluded += "</li>\n";
    }
    facts.add("Does not cover", excluded + "</ul>", said.about("excludes"));
  }
  for (const auto& target : protocol.targets) {
    std::string words = target.timeframe.stated();
    if (target.first_stage && target.last_stage) {
      words += fmt::format(", covering stages {} to {}", *target.first_stage, *target.last_stage);
    }
    facts.add("Overall target", markup_text(capitalised(words)), passages_of(target));
  }
  if (protocol.targets.empty() && analyses.overall) {
    facts.add("Worked out",
              markup_text("The stages on the main path take up to " + analysis::days_words(*analyses.overall) +
                          " in all; the protocol states no overall target."));
  }
  if (protocol.timeframes_from) {
    facts.add("Timeframes counted from", markup_text(protocol.timeframes_from->value), said.about("timeframes_from"));
  }
  std::vector<std::string> reports;
  for (const auto& report : protocol.reports) {
    auto what = report.what ? markup_text(capitalised(std::string(report.what->value))) : std::string("Reported");
    reports.push_back(fmt::format("{}{} {} to {}.", what, report.what ? ": reported" : "",
                                  markup_text(report.describe()), text_list(report.to)));
  }
  facts.add("Monitoring", fmt::format("{}", fmt::join(reports, " ")), said.about("report"));
  if (!protocol.terms.empty()) {
    std::string terms = "<dl>\n";
    for (const auto& term : protocol.terms) {
      terms += fmt::format("<dt>{}</dt><dd>{}</dd>\n", markup_text(term.term.value), markup_text(term.meaning.value));
    }
    facts.add("Terms", terms + "</dl>", said.about("term"));
  }
  if (!protocol.links.empty()) {
    std::string links;
    for (const auto& link : protocol.links) links += "<p>" + markup_text(link.value) + "</p>";
    facts.add("Links", links, said.about("link"));
  }
  for (const auto& figure : model.figures) {
    std::vector<std::string> numbers;
    for (auto number : figure.stage_numbers) numbers.push_back(std::to_string(number));
    facts.add("Figure", markup_text(fmt::format("{} shows stages {}", figure.title.value, spoken_list(numbers, "and"))),
              passages_of(figure));
  }
  if (protocol.calendar_name) {
    const auto& calendar = model.calendars.at(protocol.calendar.index);
    facts.add("Working days",
              markup_text(calendar.title ? std::string(calendar.title->value) : protocol.calendar_name->value),
              said.about("calendar"));
  }
  std::string html = "<section id=\"about\" aria-labelledby=\"about-heading\">\n"
                     "<h2 id=\"about-heading\">About this protocol</h2>\n";
  html += said.about("");
  html += said.about("context");
  html += facts.html();
  if (!protocol.duties.empty()) {
    html += "<h3 id=\"every-stage\">What to do at every stage</h3>\n" + every_stage_duties(protocol.duties, model);
  }
  if (!protocol.contacts.empty()) {
    html += "<h3>Contacts for the whole protocol</h3>\n" + contacts_html(protocol.contacts, model);
  }
  html += unknowns_html(protocol.unknowns);
  html += said.about("unknown");
  html += said.rest();
  return html + "</section>\n";
}

std::string immediate_risk_html(const model::Stage& risk, const model::Model& model, const Chart& chart) {
  Said said(risk);
  std::string html = "<section id=\"immediate-risk\" aria-labelledby=\"immediate-risk-heading\">\n"
                     "<h2 id=\"immediate-risk-heading\">When a child or adult is at immediate risk</h2>\n";
  html += said.about("") + said.about("context");
  Facts facts;
  facts.add("Act", timeframes_html(risk.timeframes, model), said.about("timeframe"));
  if (risk.through) facts.add("Through", markup_text(risk.through->value), said.about("through"));
  if (risk.actor) facts.add("By", markup_text(risk.actor_words()), said.about("actor"));
  html += facts.html();
  html += steps_html(risk, chart.nodes.at(0), model);
  html += duty_list(risk.duties, model);
  html += contacts_html(risk.contacts, model);
  html += said.rest();
  return html + "</section>\n";
}

std::string forms_html(const model::Model& model) {
  if (model.forms.empty()) return {};
  std::string html = "<section id=\"forms\" aria-labelledby=\"forms-heading\">\n<h2 id=\"forms-heading\">Forms</h2>\n";
  for (const auto& form : model.forms) {
    Said said(form);
    html += "<h3>" + markup_text(form.title.value) + "</h3>\n" + said.about("") + said.about("context");
    Facts facts;
    if (form.required_from) {
      facts.add("Required", fmt::format("from stage {}", *form.required_from), said.about("required_from"));
    }
    std::string send;
    for (const auto& contact : form.send_to) send += contact_html(contact, model);
    if (!send.empty()) facts.add("Send to", "<ul>\n" + send + "</ul>", said.about("send_to"));
    std::string fields;
    for (const auto& section : form.sections) {
      fields += "<li>" + markup_text(section.title.value);
      if (!section.fields.empty()) fields += ": " + text_list(section.fields);
      fields += "</li>\n";
    }
    for (const auto& field : form.fields) fields += "<li>" + markup_text(field.value) + "</li>\n";
    if (!fields.empty()) facts.add("Asks for", "<ul>\n" + fields + "</ul>", said.about("section") + said.about("field"));
    if (!form.columns.empty()) facts.add("Columns", text_list(form.columns), said.about("column"));
    html += facts.html() + said.rest();
  }
  return html + "</section>\n";
}

// Complaints about the partnership itself: shown apart from the stages, which do not hold them.
std::string complaints_html(const model::Model& model) {
  if (model.complaints.empty()) return {};
  std::string html = "<section id=\"complaints\" aria-labelledby=\"complaints-heading\">\n"
                     "<h2 id=\"complaints-heading\">Complaints about the partnership</h2>\n"
                     "<p>These are not a stage of the escalation.</p>\n";
  for (const auto& complaints : model.complaints) {
    Said said(complaints);
    html += "<h3>Complaints about " + markup_text(complaints.about.value) + "</h3>\n" + said.about("") +
            said.about("context");
    html += duty_list(complaints.duties, model);
    html += contacts_html(complaints.contacts, model);
    html += said.rest();
  }
  return html + "</section>\n";
}

std::string protocol_standing(const model::Protocol& p, Said& said, const model::Model& model) {
  Facts facts;
  std::vector<std::string> partnerships;
  for (const auto& partnership : p.partnerships) {
    auto named = partnership.known_only_by_abbreviation()
                     ? markup_text(*partnership.short_name) + " (the document does not give its name in full)"
                 : partnership.short_name ? fmt::format("{} ({})", markup_text(partnership.name.value),
                                                        markup_text(*partnership.short_name))
                                          : markup_text(partnership.name.value);
    if (!partnership.also_called.empty()) named += ", also called " + text_list(partnership.also_called);
    if (partnership.formerly) named += ", formerly " + markup_text(partnership.formerly->value);
    partnerships.push_back(std::move(named));
  }
  facts.add(partnerships.size() > 1 ? "Published by the partnerships" : "Published by",
            spoken_list(partnerships, "and"), said.about("partnership"));
  facts.add("Applies to", text_list(p.applies_to), said.about("applies_to"));
  std::vector<std::string> counterparts;
  for (const auto& c : p.counterparts) {
    counterparts.push_back(fmt::format("for {}, {}", c.for_whom.value, c.who.value));
  }
  facts.add("Counterparts", markup_text(capitalised(fmt::format("{}", fmt::join(counterparts, "; ")))),
            said.about("counterpart"));
  std::vector<std::string> parts;
  for (const auto& part : p.part_of) {
    parts.push_back(part.section ? fmt::format("{}, {}", markup_text(part.manual.value), markup_text(part.section->value))
                                 : markup_text(part.manual.value));
  }
  facts.add("Part of", spoken_list(parts, "and"), said.about("part_of"));
  if (model.regional) {
    const auto& regional = model.regional->protocol;
    auto named = regional.title.value.empty() ? markup_text(model.regional->named.value)
                                              : fmt::format("{} ({})", markup_text(regional.title.value),
                                                            markup_text(model.regional->named.value));
    facts.add("Extends", named + ". This page shows the two as one: each stage, contact, step and duty says "
                                 "whether it comes from the regional protocol or from this local one.",
              "");
  }
  facts.add("Supersedes", text_list(p.supersedes), said.about("supersedes"));
  for (bool separate : {false, true}) {
    std::vector<model::Text> kept;
    for (const auto& k : p.not_replaced) {
      if (k.said_separate == separate) kept.push_back(k.document);
    }
    if (!kept.empty()) {
      facts.add(separate ? "Separate from" : "Does not replace", text_list(kept), said.about("does_not_replace"));
    }
  }
  for (const auto& u : p.used_when) facts.add("Used when", joined_words(u.situations, u.joined_by), said.about("used_when"));
  for (const auto& v : p.via) facts.add("Escalation can be via", joined_words(v.ways, v.joined_by), said.about("via"));
  for (const auto& o : p.oversight) {
    facts.add("Overseen by",
              markup_text(o.by.value) + (o.purpose ? ", " + markup_text(o.purpose->value) : std::string()),
              said.about("overseen"));
  }
  std::vector<std::string> amendments;
  for (const auto& a : p.amendments) {
    amendments.push_back(markup_text(date_words(a.date)) + (a.what ? ": " + markup_text(a.what->value) : ""));
  }
  facts.add("Amended", fmt::format("{}", fmt::join(amendments, "; ")), said.about("amended"));
  facts.add("Statutory basis", text_list(p.statutory), said.about("statutory"));
  if (p.status) facts.add("Status", markup_text(capitalised(std::string(model::status_name(p.status->value)))),
                          said.about("status"));
  if (p.version) facts.add("Version", markup_text(p.version->value), said.about("version"));
  facts.add("Written by", text_list(p.authors), said.about("author"));
  if (p.dated) facts.add("Dated", markup_text(date_words(*p.dated)), said.about("dated"));
  std::vector<std::string> approvals;
  for (const auto& approval : p.approvals) {
    approvals.push_back(text_list(approval.names) +
                        (approval.date ? " on " + markup_text(date_words(*approval.date)) : std::string()));
  }
  facts.add("Approved by", fmt::format("{}", fmt::join(approvals, "; ")), said.about("approved"));
  if (p.last_reviewed) facts.add("Last reviewed", markup_text(date_words(*p.last_reviewed)), said.about("last_reviewed"));
  std::string review;
  if (p.review_due) review = "due " + date_words(*p.review_due);
  if (p.review_every_months) {
    review += fmt::format("{}every {} months", review.empty() ? "" : ", ", p.review_every_months->value);
  }
  facts.add("Next review", markup_text(review), said.about("review"));
  return facts.html();
}

// Definitions are shown by what uses them (a contact's hours, a stage's level); what
// the protocol says about a definition itself is shown here, so that none is lost.
std::string definitions_html(const model::Model& model) {
  std::string html;
  auto add = [&](const auto& list) {
    for (const auto& entity : list) {
      if (entity.passages().empty()) continue;
      html += "<h3>" + markup_text(entity.title ? std::string(entity.title->value) : entity.name) + "</h3>\n";
      Said said(entity);
      html += said.rest();
    }
  };
  add(model.hours);
  add(model.levels);
  add(model.kinds);
  add(model.calendars);
  if (html.empty()) return {};
  return "<section id=\"definitions\" aria-labelledby=\"definitions-heading\">\n"
         "<h2 id=\"definitions-heading\">Definitions</h2>\n" + html + "</section>\n";
}

}  // namespace

std::string passages_html(const model::Described& described) { return passages_of(described); }

std::string unknown_html(const model::Unknown& unknown) { return unknown_words(unknown); }

std::string phone_html(std::string_view number) {
  if (!analysis::phone_problem(number).empty()) return markup_text(number);
  return fmt::format("<a href=\"tel:{}\">{}</a>", tel_href(number), markup_text(phone_words(number)));
}

std::string duties_html(const std::vector<model::Duty>& duties, const model::Model& model) {
  return duty_list(duties, model);
}

namespace {

// What a reading of an ambiguity says, as the page says the block it stands in, with
// the quotes of everything in it.
std::string reading_says(const model::Stage& says, const model::Model& model) {
  Facts facts;
  facts.add("Timeframe", timeframes_html(says.timeframes, model));
  if (says.cumulative) facts.add("Stated running total", markup_text(says.cumulative->describe()));
  if (says.final) {
    facts.add("Final", says.binding ? "This is the final stage; its decision is binding." : "This is the final stage.");
  }
  if (says.decided_by) facts.add("Decided by", markup_text(says.decided_by->value));
  std::string html = facts.html();
  if (!says.steps.empty()) {
    html += "<ol class=\"steps\">\n";
    for (const auto& step : says.steps) {
      std::string words(step.title.value);
      if (step.modality != model::Modality::unstated) {
        words += fmt::format(", {} be done", model::modality_name(step.modality));
      }
      if (step.timeframe || !step.variants.empty()) words += " " + step.time_words();
      html += "<li>" + markup_text(words) + ".\n" + passages_of(step) + "</li>\n";
    }
    html += "</ol>\n";
  }
  html += duty_list(says.duties, model) + contacts_html(says.contacts, model);
  for (const auto& range : says.contact_lines) html += "<p>" + markup_text(lines_words(range, model) + ".") + "</p>\n";
  if (!says.outcomes.empty()) {
    html += "<ul class=\"outcomes\">\n";
    for (const auto& outcome : says.outcomes) {
      std::string passages = passages_of(outcome);
      for (const auto& duty : outcome.duties) passages += passages_of(duty);
      html += "<li>" + markup_text(outcome_words(outcome, model)) + ".\n" + passages + "</li>\n";
    }
    html += "</ul>\n";
  }
  return html + unknowns_html(says.unknowns);
}

std::string reading_says(const model::Protocol& says, const model::Model& model) {
  Facts facts;
  for (const auto& target : says.targets) {
    std::string words = target.timeframe.stated();
    if (target.first_stage && target.last_stage) {
      words += fmt::format(", covering stages {} to {}", *target.first_stage, *target.last_stage);
    }
    facts.add("Overall target", markup_text(capitalised(words)), passages_of(target));
  }
  if (says.timeframes_mandatory) facts.add("Timeframes", "The protocol calls its timeframes mandatory.");
  if (says.timeframes_indicative) facts.add("Timeframes", "The protocol calls its timeframes indicative.");
  if (!says.exclusions.empty()) facts.add("Does not cover", text_list(says.exclusions));
  std::string duties =
      says.duties.empty() ? "" : "<p>What to do at every stage:</p>\n" + every_stage_duties(says.duties, model);
  return facts.html() + contacts_html(says.contacts, model) + duties + unknowns_html(says.unknowns);
}

std::string reading_says(const model::Line& says, const model::Model& model) {
  return contacts_html(says.contacts, model) + duty_list(says.duties, model) + unknowns_html(says.unknowns);
}

std::string reading_says(const model::Agency& says, const model::Model& model) {
  std::string html;
  for (const auto& role : says.roles) html += "<p>" + markup_text(role.title.value) + "</p>\n" + passages_of(role);
  for (const auto& line : says.lines) {
    auto heading = fmt::format("Line {}{}", line.label, line.title ? ": " + std::string(line.title->value) : "");
    html += "<p>" + markup_text(heading) + "</p>\n" + passages_of(line) + reading_says(line, model);
  }
  return html + contacts_html(says.contacts, model) + unknowns_html(says.unknowns);
}

// Where the document is ambiguous or contradicts itself: each point with every reading
// it allows, none chosen.
std::string ambiguities_html(const model::Model& model) {
  if (model.ambiguities.empty()) return {};
  std::string html = "<section id=\"unclear\" aria-labelledby=\"unclear-heading\">\n"
                     "<h2 id=\"unclear-heading\">Where the document is unclear</h2>\n"
                     "<p>At each of these points the document can be read in more than one way. This page does not "
                     "choose: what it shows elsewhere holds in every reading.</p>\n";
  for (std::size_t i = 0; i < model.ambiguities.size(); ++i) {
    const auto& ambiguity = model.ambiguities[i];
    html += fmt::format("<section class=\"unclear\" aria-labelledby=\"unclear-{}\">\n<h3 id=\"unclear-{}\">{}: {}</h3>\n",
                        i, i, markup_text(capitalised(ambiguity.place)), markup_text(ambiguity.about.value));
    html += passages_of(ambiguity) + "<ul class=\"readings\">\n";
    for (const auto& reading : ambiguity.readings) {
      html += fmt::format("<li><p><strong>Read as \u201c{}\u201d:</strong></p>\n", markup_text(reading.label.value));
      html += passages_of(reading);
      html += std::visit([&](const auto& says) { return reading_says(says, model); }, reading.says);
      html += "</li>\n";
    }
    html += "</ul>\n</section>\n";
  }
  return html + "</section>\n";
}

}  // namespace

ProtocolText protocol_text(const model::Model& model, const analysis::Analyses& analyses, const Chart& chart) {
  ProtocolText text;
  if (model.protocol) {
    // One account of the protocol's passages for both parts, so each is shown once.
    Said said(*model.protocol);
    text.standing = protocol_standing(*model.protocol, said, model);
    text.in_full = about_protocol(*model.protocol, said, model, analyses);
  }
  if (model.immediate_risk) text.in_full += immediate_risk_html(*model.immediate_risk, model, chart);
  text.in_full += "<section id=\"stages\" aria-labelledby=\"stages-heading\">\n"
                  "<h2 id=\"stages-heading\">The stages in full</h2>\n";
  if (model.stages.empty()) text.in_full += "<p>The protocol states no stages.</p>\n";
  for (std::size_t i = 0; i < model.stages.size(); ++i) {
    text.in_full += stage_html(model.stages[i], i, model, chart);
  }
  text.in_full += "</section>\n" + ambiguities_html(model) + complaints_html(model) + forms_html(model) +
                    definitions_html(model);
  return text;
}

}  // namespace esc::backends
