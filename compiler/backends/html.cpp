#include "compiler/backends/html.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "compiler/analysis/availability.hpp"
#include "compiler/analysis/phones.hpp"
#include "compiler/backends/markup.hpp"
#include "compiler/backends/protocol_text.hpp"
#include "compiler/backends/reader_style.hpp"
#include "compiler/backends/sha256.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/source/embedded.hpp"

namespace esc::backends {
namespace {

using json = nlohmann::ordered_json;




std::string lower_ascii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

class Directory {
 public:
  explicit Directory(const model::Model& model) : model_(model), availabilities_(model) {}

  // `extra` is markup shown under the heading: what the protocol says of the group.
  void group(const std::string& heading, const std::string& group_name, std::string_view agency_title,
             const std::vector<model::Contact>& contacts, int level, const std::string& extra = {}) {
    if (contacts.empty() && extra.empty()) return;
    html_ += fmt::format("<div class=\"group\">\n<h{}>{}</h{}>\n{}<ul class=\"contacts\">\n", level,
                         markup_text(heading), level, extra);
    for (const auto& contact : contacts) add(contact, heading, group_name, agency_title);
    html_ += "</ul>\n</div>\n";
    if (contacts.empty()) return;
    // The printed summary lists the same contacts in the same groups, a line each.
    summary_ += fmt::format("<dt>{}</dt>\n",
                            markup_text(agency_title.empty() ? heading : std::string(agency_title) + ", " + heading));
    for (const auto& contact : contacts) summary_ += "<dd>" + summary_contact(contact) + "</dd>\n";
  }

  void raw(const std::string& html) { html_ += html; }
  const std::string& html() const { return html_; }
  // Whom to call, for the printed summary: a <dl> of groups, one contact a line.
  std::string summary() const {
    return summary_.empty() ? std::string() : "<dl class=\"summary-contacts\">\n" + summary_ + "</dl>\n";
  }
  json& data() { return data_; }
  // The compiled availabilities the contacts point to: for each, the minute ranges of
  // Monday to Sunday and then of bank holidays. The script only looks them up.
  json hours() const {
    auto all = json::array();
    for (const auto& entry : availabilities_.entries()) {
      auto days = json::array();
      for (int day = 0; day < analysis::day_kinds; ++day) {
        auto ranges = json::array();
        for (const auto& range : entry.when.ranges(day)) ranges.push_back({range.from, range.to});
        days.push_back(std::move(ranges));
      }
      all.push_back(std::move(days));
    }
    return all;
  }
  // The words of every minute at which the answer to "who can be reached now" can
  // change, so that the script says the times as the rest of the page does.
  json clock() const {
    json words = json::object();
    auto add = [&](int minute) { words[std::to_string(minute)] = clock_words(minute); };
    add(0);
    add(analysis::minutes_per_day);
    for (const auto& entry : availabilities_.entries()) {
      for (int day = 0; day < analysis::day_kinds; ++day) {
        for (const auto& range : entry.when.ranges(day)) {
          add(range.from);
          add(range.to);
        }
      }
    }
    return words;
  }
  std::size_t count() const { return data_.size(); }

 private:
  void add(const model::Contact& contact, const std::string& heading, const std::string& group_name,
           std::string_view agency_title) {
    auto index = data_.size();
    std::string search = std::string(contact.title.value) + " " + std::string(agency_title) + " " + group_name;
    std::string who = fmt::format("<strong>{}</strong>", markup_text(contact.title.value));
    if (contact.person) {
      who += fmt::format(", {}", markup_text(contact.person->value));
      search += " " + std::string(contact.person->value);
    }
    std::string means;
    auto phone_links = [&](const std::vector<model::Text>& numbers, std::string_view label) {
      for (const auto& number : numbers) {
        search += " " + std::string(number.value);
        // A number escc reports as not diallable (C004) is shown as written, not offered
        // as a link that would dial something else.
        means += fmt::format("<p>{}: {}</p>", label, phone_html(number.value));
      }
    };
    phone_links(contact.phones, "Phone");
    phone_links(contact.mobiles, "Mobile");
    phone_links(contact.direct_lines, "Direct line");
    phone_links(contact.switchboards, "Switchboard");
    if (contact.phones.empty() && contact.mobiles.empty() && contact.direct_lines.empty() &&
        contact.switchboards.empty()) {
      means += "<p class=\"no-number\">The protocol gives no phone number.</p>";
    }
    for (const auto& email : contact.emails) {
      search += " " + std::string(email.value);
      means += fmt::format("<p>Email: <a href=\"{}\">{}</a></p>", markup_text(mailto_href(email.value)),
                           markup_text(email.value));
    }
    for (const auto& sign : contact.call_signs) means += fmt::format("<p>Call sign: {}</p>", markup_text(sign.value));
    if (contact.via) means += fmt::format("<p>Through {}</p>", markup_text(contact.via->value));
    if (contact.address) means += fmt::format("<p>Address: {}</p>", markup_text(contact.address->value));
    if (contact.purpose) means += fmt::format("<p>For: {}</p>", markup_text(contact.purpose->value));
    if (contact.not_for_escalation) means += "<p>Not for escalation</p>";
    if (contact.in_own_agency) means += "<p>In your own agency</p>";
    if (contact.details_unknown) {
      means += fmt::format("<p>Details not known: {}</p>",
                           contact.details_unknown->reason ? markup_text(contact.details_unknown->reason->value)
                                                           : "the protocol records that they are not known");
    }

    auto hours = availabilities_.index_of(contact);
    const auto& entry = availabilities_.entries()[hours];
    // Where the protocol gives no times, the "now" list takes office hours; the reader
    // is told so in the words of the page, not the checker's.
    auto when = entry.stated ? hours_words(entry.when)
                             : "not stated in the protocol (listed as available " +
                                   hours_words(analysis::Availability::office_hours()) + ")";
    std::string only;
    if (contact.case_kinds == model::CaseKinds{model::CaseKind::open_cases}) only = "open cases";
    if (contact.case_kinds == model::CaseKinds{model::CaseKind::new_referrals}) only = "new referrals";
    if (contact.condition) only += (only.empty() ? "" : "; ") + std::string(contact.condition->value);

    html_ += fmt::format("<li class=\"contact\" data-contact=\"{}\" data-search=\"{}\">\n", index,
                         markup_text(lower_ascii(search)));
    html_ += fmt::format("<p class=\"who\">{}</p>\n", who);
    if (!means.empty()) html_ += fmt::format("<div class=\"means\">{}</div>\n", means);
    html_ += fmt::format("<p class=\"when\">When: {}</p>\n", markup_text(when));
    if (!only.empty()) html_ += fmt::format("<p class=\"only\">Only for: {}</p>\n", markup_text(only));
    html_ += passages_html(contact);
    html_ += "<p class=\"now-badge\" hidden>Available now</p>\n</li>\n";
    data_.push_back({{"agency", agency_title.empty() ? "Other contacts" : std::string(agency_title)},
                     {"line", heading},
                     {"hours", hours}});
  }

  // A contact in a line: who, the numbers to call, and when and for what the protocol
  // says they can be called, in the words the directory uses.
  std::string summary_contact(const model::Contact& contact) {
    std::string words = fmt::format("<strong>{}</strong>", markup_text(contact.title.value));
    if (contact.person) words += ", " + markup_text(contact.person->value);
    std::vector<std::string> means;
    auto numbers = [&](const std::vector<model::Text>& list, std::string_view label) {
      for (const auto& number : list) means.push_back(fmt::format("{} {}", label, phone_html(number.value)));
    };
    numbers(contact.phones, "phone");
    numbers(contact.mobiles, "mobile");
    numbers(contact.direct_lines, "direct line");
    numbers(contact.switchboards, "switchboard");
    for (const auto& email : contact.emails) {
      means.push_back(fmt::format("email <a href=\"{}\">{}</a>", markup_text(mailto_href(email.value)),
                                  markup_text(email.value)));
    }
    if (contact.via) means.push_back("through " + markup_text(contact.via->value));
    // Most contacts have no number; the summary says so once, above the list.
    if (!means.empty()) words += ": " + fmt::format("{}", fmt::join(means, ", "));
    // Times only where the protocol states them: the "now" list's assumption of office
    // hours is not the protocol's, and the print has no "now".
    const auto& hours = availabilities_.entries()[availabilities_.index_of(contact)];
    if (hours.stated) words += fmt::format(". <span class=\"summary-when\">{}</span>", markup_text(capitalised(hours_words(hours.when))));
    if (contact.case_kinds == model::CaseKinds{model::CaseKind::open_cases}) words += ". For open cases";
    if (contact.case_kinds == model::CaseKinds{model::CaseKind::new_referrals}) words += ". For new referrals";
    if (contact.condition) words += ". If " + markup_text(contact.condition->value);
    if (contact.not_for_escalation) words += ". Not for escalation";
    return words + ".";
  }

  const model::Model& model_;
  analysis::AvailabilityTable availabilities_;
  std::string html_;
  std::string summary_;
  json data_ = json::array();
};

// JSON inside <script>: "<" cannot appear, so "</script>" cannot end the element.
std::string script_json(const json& value) {
  auto text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

// A line numbered in the document is "Line 2"; a line the file names by a word
// ("initial") is known to readers by its title alone, since the word is the author's.
std::string line_heading(const model::Line& line) {
  bool numbered = !line.label.empty() && std::all_of(line.label.begin(), line.label.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!numbered && line.title) return std::string(line.title->value);
  auto heading = fmt::format("Line {}", line.label);
  if (line.title) heading += fmt::format(": {}", line.title->value);
  return heading;
}

// What a line's own block says beyond its contacts: its duties, what is unknown, quotes.
std::string line_extra(const model::Line& line, const model::Model& model) {
  std::string html = passages_html(line);
  for (const auto& unknown : line.unknowns) html += unknown_html(unknown);
  if (!line.duties.empty()) html += duties_html(line.duties, model);
  return html;
}

// The SVG without its XML prologue, ready to sit inside HTML.
std::string inline_svg(const std::string& svg) {
  auto at = svg.find("<svg");
  return at == std::string::npos ? std::string() : svg.substr(at);
}

std::vector<std::string> index_facts(const model::Model& model) {
  std::vector<std::string> facts;
  if (!model.protocol) return facts;
  const auto& protocol = *model.protocol;
  // Every partnership that publishes it: a joint protocol belongs to all of them.
  if (!protocol.partnerships.empty()) facts.push_back(protocol.partnership_names());
  if (protocol.status) facts.push_back("status: " + std::string(model::status_name(protocol.status->value)));
  if (protocol.review_due) facts.push_back("review due " + date_words(*protocol.review_due));
  return facts;
}

// The page's entry for the index, where read_index_entry finds it: one line, in the head.
std::string index_tag(const IndexEntry& entry) {
  json tag{{"title", entry.title}, {"facts", entry.facts}, {"standing", entry.standing}, {"files", entry.files}};
  return fmt::format("<meta name=\"escc-index\" content=\"{}\">\n",
                     markup_text(tag.dump(-1, ' ', true, json::error_handler_t::replace)));
}

std::string unescaped_markup(std::string_view text) {
  static constexpr std::pair<std::string_view, char> references[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [reference, c] : references) {
      if (text.substr(i, reference.size()) == reference) {
        out += c;
        i += reference.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

// The top of "Who to contact now": the protocol's own rule for immediate risk, in its
// words, then the list the script fills in with whoever can be reached at the time.
std::string now_section(const model::Model& model, std::string_view publisher_advice) {
  std::string html = "<section id=\"now\" aria-labelledby=\"now-heading\">\n<h2 id=\"now-heading\">Who to contact now</h2>\n";
  if (model.immediate_risk) {
    html += "<div class=\"risk-rule\">\n<h3>If someone is at immediate risk</h3>\n";
    for (const auto& passage : model.immediate_risk->passages()) {
      if (passage.kind != model::PassageKind::source) continue;
      html += fmt::format("<blockquote class=\"source\"><p>{}</p></blockquote>\n", markup_text(passage.text.value));
    }
    html += "<p><a href=\"#immediate-risk\">What the protocol says about immediate risk</a></p>\n</div>\n";
  }
  // Advice that is not the protocol's appears only when the publisher gave it, and says whose it is.
  if (!publisher_advice.empty()) {
    html += fmt::format("<div class=\"publisher-advice\">\n<h3>Advice from the publisher of this page</h3>\n"
                        "<p>{}</p>\n<p class=\"aside\">This advice is not part of the protocol.</p>\n</div>\n",
                        markup_text(publisher_advice));
  }
  html += "<p id=\"now-status\">Contacts who can be reached now are listed here when JavaScript is on. The directory "
          "below lists every contact with the times they can be reached.</p>\n"
          "<p id=\"now-change\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n"
          "<div id=\"now-list\"></div>\n</section>\n";
  return html;
}

// The page as printed for a noticeboard starts with this, on one page: the stages with
// their deadlines and whom to call, with the times the protocol gives; the screen does
// not show it (the page itself leads with the stages and "who to contact now").
std::string print_summary(const model::Model& model, const Chart& chart, const std::string& whom_to_call) {
  std::string html = "<section class=\"print-summary\" aria-labelledby=\"summary-heading\">\n"
                     "<h2 id=\"summary-heading\">Summary</h2>\n"
                     // The page's script puts the date of printing in; without it, the sentence stands.
                     "<p id=\"printed-on\" class=\"printed-on\">" +
                     std::string(printed_copy_words) +
                     "</p>\n<h3>The stages and their deadlines</h3>\n<ol class=\"summary-stages\">\n";
  for (const auto& node : chart.nodes) {
    html += "<li><strong>" + markup_text(node.heading) + "</strong>";
    if (!node.who.empty()) html += " (" + markup_text(node.who) + ")";
    if (!node.timeframe.empty()) html += ": " + markup_text(node.timeframe);
    if (!node.by_day.empty()) html += ", " + markup_text(node.by_day);
    html += ".";
    if (!node.deadline.empty()) html += " Deadline: " + markup_text(node.deadline) + ".";
    if (node.kind == ChartNodeKind::immediate_risk && model.immediate_risk) {
      html += " This applies at any point and does not wait for the stages.\n";
      for (const auto& passage : model.immediate_risk->passages()) {
        if (passage.kind != model::PassageKind::source) continue;
        html += fmt::format("<blockquote class=\"source\"><p>{}</p></blockquote>\n", markup_text(passage.text.value));
      }
    }
    html += "</li>\n";
  }
  html += "</ol>\n<h3>Whom to call</h3>\n";
  if (whom_to_call.empty()) {
    html += "<p>The protocol names no one to call.</p>\n";
  } else {
    html += "<p class=\"summary-key\">Numbers and times are shown where the protocol gives them.</p>\n" + whom_to_call;
  }
  return html + "<p class=\"summary-end\">The protocol in full and its contact directory follow.</p>\n</section>\n";
}

// The page's script is handed these to write the date of "now" as the page writes dates.
json reader_day_names() {
  auto names = json::array();
  for (int day = 0; day < 7; ++day) names.push_back(weekday_name(day));
  return names;
}

json reader_month_names() {
  auto names = json::array();
  for (int month = 1; month <= 12; ++month) names.push_back(month_name(month));
  return names;
}

// The heading of the contacts a stage names, in the reader's words: a route by its
// title, since its name in the .esc file is the author's, not the document's.
std::string named_at(const model::Stage& stage) {
  if (stage.kind == model::StageKind::route) return fmt::format("Named at the route \u201c{}\u201d", stage.title.value);
  return "Named at " + stage.label();
}

}  // namespace

// `scripts` is the CSP's script-src: the hash of the page's own script, or 'none'.
// Nothing from the network, so the page works offline and leaks nothing; and no script
// but escc's, so no link or text in a protocol can ever run as one.
std::string page_head(std::string_view title, std::string_view scripts, std::string_view extra) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src {scripts}; img-src data:; base-uri 'none'; form-action 'none'\">\n{extra}"
      "<title>{title}</title>\n<style>{style}</style>\n</head>\n",
      fmt::arg("scripts", scripts), fmt::arg("extra", extra), fmt::arg("title", markup_text(title)),
      fmt::arg("style", page_asset("directory.css")));
}

std::string printed_copy_html() {
  return fmt::format("<p class=\"print-only printed-on\">{}</p>\n", printed_copy_words);
}

std::string emit_html(const DirectoryPage& page, const Amendments* amendments) {
  const auto& model = *page.model;
  std::string title = model.protocol ? std::string(model.protocol->title.value) : "Escalation protocol";
  std::string out = page_head(title + ": contacts and escalation", csp_hash(page_asset("directory.js")),
                              index_tag(index_entry({&model, page.findings, page.today}, "", page.files)) +
                                  (amendments != nullptr ? amendments_feed_link(*amendments) : ""));
  out += "<body>\n" + directory_body(page, amendments);
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", page_asset("directory.js"));
  return out;
}

std::string directory_body(const DirectoryPage& page, const Amendments* amendments) {
  const auto& model = *page.model;
  StandingFacts standing{&model, page.findings, page.today};
  std::string title = model.protocol ? std::string(model.protocol->title.value) : "Escalation protocol";
  auto text = protocol_text(model, *page.analyses, *page.chart);
  Directory directory(model);
  for (std::size_t a = 0; a < model.agencies.size(); ++a) {
    const auto& agency = model.agencies[a];
    std::string title_text(agency.title.value);
    // Where the protocol extends a regional one, whose listing this is.
    auto origin = model.origin(agency.span);
    if (!origin.empty()) title_text += fmt::format(" ({})", origin);
    directory.raw(fmt::format("<section class=\"agency\" aria-labelledby=\"agency-{}\">\n<h3 id=\"agency-{}\">{}</h3>\n",
                              a, a, markup_text(title_text)));
    directory.raw(passages_html(agency));
    if (!agency.roles.empty()) {
      directory.raw("<h4>Roles named in the protocol</h4>\n<ul class=\"roles\">\n");
      for (const auto& role : agency.roles) {
        std::string words = markup_text(role.title.value);
        if (role.person) words += ": " + markup_text(role.person->value);
        if (role.level.valid()) {
          const auto& level = model.levels.at(role.level.index);
          words += " (" + markup_text(level.title ? std::string(level.title->value) : level.name) + ")";
        }
        directory.raw("<li>" + words + "\n" + passages_html(role) + "</li>\n");
      }
      directory.raw("</ul>\n");
    }
    for (const auto& unknown : agency.unknowns) directory.raw(unknown_html(unknown));
    directory.group("General contacts", title_text, title_text, agency.contacts, 4);
    for (const auto& line : agency.lines) {
      auto heading = line_heading(line);
      directory.group(heading, title_text + ", " + heading, title_text, line.contacts, 4, line_extra(line, model));
    }
    for (const auto& stage : model.stages) {
      std::vector<model::Contact> listed;
      for (const auto& c : stage.contacts) {
        if (c.of.index == a) listed.push_back(c);
      }
      auto heading = named_at(stage);
      directory.group(heading, title_text + ", " + heading, title_text, listed, 4);
    }
    directory.raw("</section>\n");
  }
  std::vector<model::Contact> general;
  if (model.protocol) general = model.protocol->contacts;
  if (model.immediate_risk) general.insert(general.end(), model.immediate_risk->contacts.begin(), model.immediate_risk->contacts.end());
  bool any_stage_contacts = false;
  for (const auto& stage : model.stages) {
    for (const auto& c : stage.contacts) any_stage_contacts = any_stage_contacts || !c.of.valid();
  }
  if (!general.empty() || any_stage_contacts) {
    directory.raw("<section class=\"agency\" aria-labelledby=\"agency-other\">\n<h3 id=\"agency-other\">Other contacts</h3>\n");
    directory.group("For the whole protocol", "Whole protocol", "", general, 4);
    for (const auto& stage : model.stages) {
      std::vector<model::Contact> listed;
      for (const auto& c : stage.contacts) {
        if (!c.of.valid()) listed.push_back(c);
      }
      auto heading = named_at(stage);
      directory.group(heading, heading, "", listed, 4);
    }
    directory.raw("</section>\n");
  }

  std::string out = "<a class=\"skip\" href=\"#directory\">Skip to the contact directory</a>\n<header>\n";
  out += fmt::format("<h1>{}</h1>\n", markup_text(title));
  // What readers should know before using the protocol comes first on paper too.
  out += standing_html(standing);
  out += print_summary(model, *page.chart, directory.summary());
  out += text.standing;
  out += "</header>\n<nav aria-label=\"On this page\">\n<ul>\n"
         "<li><a href=\"#now\">Who to contact now</a></li>\n"
         "<li><a href=\"#chart\">How to escalate</a></li>\n";
  if (model.protocol) out += "<li><a href=\"#about\">About this protocol</a></li>\n";
  if (model.immediate_risk) out += "<li><a href=\"#immediate-risk\">Immediate risk</a></li>\n";
  out += "<li><a href=\"#stages\">The stages in full</a></li>\n";
  if (!model.ambiguities.empty()) out += "<li><a href=\"#unclear\">Where the document is unclear</a></li>\n";
  if (!model.forms.empty()) out += "<li><a href=\"#forms\">Forms</a></li>\n";
  auto points = points_to_resolve_html(standing, *page.chart);
  if (!points.empty()) out += "<li><a href=\"#to-resolve\">Points to be resolved</a></li>\n";
  if (amendments != nullptr) out += "<li><a href=\"#amendments\">Amendments</a></li>\n";
  out += "<li><a href=\"#directory\">Contact directory</a></li>\n</ul>\n</nav>\n<main>\n";

  out += now_section(model, page.publisher_advice);

  // The numbered stages come first: on a phone they are what can be read; the chart
  // follows in its own scrolling area at a size its words can be read at (on a wide
  // screen the style puts it back above the list).
  out += "<section id=\"chart\" aria-labelledby=\"chart-heading\">\n<h2 id=\"chart-heading\">How to escalate</h2>\n"
         + stages_not_whole_html(model) + "<div class=\"stages-in-order\">\n<h3>The stages in order</h3>\n<ol class=\"outline\">\n";
  for (const auto& item : chart_outline(*page.chart)) {
    out += "<li>" + markup_text(item.text);
    if (!item.details.empty()) {
      out += "\n<ul>\n";
      for (const auto& detail : item.details) out += "<li>" + markup_text(detail) + "</li>\n";
      out += "</ul>\n";
    }
    out += "</li>\n";
  }
  out += "</ol>\n</div>\n";
  if (!page.svg.empty()) {
    out += "<figure>\n<div class=\"chart-area\" tabindex=\"0\" role=\"group\" aria-label=\"Flow chart\">\n" +
           inline_svg(page.svg) +
           "\n</div>\n<figcaption>The escalation flow chart: the same stages as the list.<span class=\"on-screen\"> On a "
           "small screen, scroll inside it to see all of it.</span></figcaption>\n</figure>\n";
  }
  out += "</section>\n";
  out += text.in_full;
  out += points;
  if (amendments != nullptr) out += amendments_section_html(*amendments);

  out += "<section id=\"directory\" aria-labelledby=\"directory-heading\">\n"
         "<h2 id=\"directory-heading\">Contact directory</h2>\n";
  out += fmt::format("<p>{} {}, grouped by agency and escalation line.</p>\n", directory.count(),
                     directory.count() == 1 ? "contact" : "contacts");
  // The filter needs the script; without it the box would do nothing, so it starts hidden.
  out += "<div class=\"filter\" hidden>\n<label for=\"filter\">Filter contacts by name, agency, number or "
         "email</label>\n<input id=\"filter\" type=\"search\" autocomplete=\"off\">\n</div>\n"
         "<p id=\"filter-count\" aria-live=\"polite\"></p>\n";
  out += directory.html();
  out += "</section>\n</main>\n<footer>\n";
  out += "<p>Check the protocol itself for anything not shown here.</p>\n";
  out += "</footer>\n";

  json data{{"bank_holidays", json::array()}, {"hours", directory.hours()}, {"contacts", directory.data()},
            {"clock", directory.clock()}, {"days", reader_day_names()}, {"months", reader_month_names()}};
  if (model.protocol && model.protocol->calendar.valid()) {
    for (const auto& h : model.calendars.at(model.protocol->calendar.index).holidays) {
      data["bank_holidays"].push_back(iso_date({h.date.year, h.date.month, h.date.day}));
    }
  }
  // data-prefix: what the page's ids and classes begin with (none here; see html_fragment.cpp).
  out += "<script type=\"application/json\" data-prefix=\"\" id=\"escc-data\">" + script_json(data) + "</script>\n";
  return out;
}

IndexEntry index_entry(const StandingFacts& standing, std::string stem, std::vector<std::string> files) {
  const auto& model = *standing.model;
  IndexEntry entry;
  entry.title = model.protocol ? std::string(model.protocol->title.value) : stem;
  entry.stem = std::move(stem);
  entry.facts = index_facts(model);
  entry.standing = standing_in_brief(standing);
  entry.files = std::move(files);
  return entry;
}

std::optional<IndexEntry> read_index_entry(std::string_view head, const std::string& stem,
                                           const std::function<bool(const std::string&)>& exists) {
  constexpr std::string_view opening = "<meta name=\"escc-index\" content=\"";
  auto at = head.find(opening);
  if (at == std::string_view::npos) return std::nullopt;
  at += opening.size();
  auto end = head.find('"', at);
  if (end == std::string_view::npos) return std::nullopt;
  auto tag = json::parse(unescaped_markup(head.substr(at, end - at)), nullptr, false);
  if (!tag.is_object() || !tag["title"].is_string() || !tag["facts"].is_array() || !tag["files"].is_array()) {
    return std::nullopt;
  }
  IndexEntry entry;
  entry.stem = stem;
  entry.title = tag["title"].get<std::string>();
  if (entry.title.empty()) entry.title = stem;
  for (const auto& fact : tag["facts"]) {
    if (fact.is_string()) entry.facts.push_back(fact.get<std::string>());
  }
  // Pages written before the standing was shown carry none.
  if (tag.contains("standing") && tag["standing"].is_array()) {
    for (const auto& said : tag["standing"]) {
      if (said.is_string()) entry.standing.push_back(said.get<std::string>());
    }
  }
  // Only the protocol's own files, and only those still there: a page cannot make the
  // index link anything else.
  for (const auto& file : tag["files"]) {
    if (!file.is_string()) continue;
    auto name = file.get<std::string>();
    bool own = false;
    for (const auto* extension : {".dot", ".svg", ".png", ".hpp", ".html", ".json", ".fragment.html"}) {
      own = own || name == stem + extension;
    }
    if (own && exists(name)) entry.files.push_back(name);
  }
  return entry;
}

// The page's style and script are files of their own (compiler/backends/page/),
// compiled into escc; see there for what they do.
std::string_view page_asset(std::string_view name) {
  for (const auto& file : page_assets()) {
    if (file.path == name) return file.text;
  }
  return {};
}

std::string relative_href(std::string_view file_name) { return "./" + percent_encoded(file_name, "-._~"); }

std::string emit_index(const std::vector<IndexEntry>& entries, bool amendments_feed) {
  auto feed_href = markup_text(relative_href(index_feed_name));
  std::string out = page_head("Escalation protocols", "'none'",
                              amendments_feed ? fmt::format("<link rel=\"alternate\" type=\"application/atom+xml\" "
                                                            "title=\"Amendments\" href=\"{}\">\n", feed_href)
                                              : "");
  out += "<body>\n<header>\n<h1>Escalation protocols</h1>\n</header>\n<main>\n";
  out += fmt::format("<p>{} protocol{}, each with its contact directory, flow chart and data.</p>\n", entries.size(),
                     entries.size() == 1 ? "" : "s");
  if (amendments_feed) {
    out += fmt::format("<p><a href=\"{}\">Follow amendments to these protocols in a feed reader</a>.</p>\n", feed_href);
  }
  out += "<ul class=\"contacts\">\n";
  for (const auto& entry : entries) {
    out += "<li class=\"protocol\">\n";
    auto page = entry.stem + ".html";
    bool has_page = std::find(entry.files.begin(), entry.files.end(), page) != entry.files.end();
    out += fmt::format("<h2>{}</h2>\n", has_page ? fmt::format("<a href=\"{}\">{}</a>", markup_text(relative_href(page)),
                                                             markup_text(entry.title))
                                                : markup_text(entry.title));
    if (!entry.facts.empty()) {
      out += fmt::format("<p class=\"facts\">{}</p>\n", markup_text(fmt::format("{}", fmt::join(entry.facts, "; "))));
    }
    if (!entry.standing.empty()) {
      out += fmt::format("<p class=\"standing\">Check before use: {}.</p>\n",
                         markup_text(fmt::format("{}", fmt::join(entry.standing, "; "))));
    }
    std::vector<std::string> links;
    for (const auto& file : entry.files) {
      links.push_back(fmt::format("<a href=\"{}\">{}</a>", markup_text(relative_href(file)), markup_text(file)));
    }
    out += fmt::format("<p>Files: {}</p>\n</li>\n", fmt::join(links, ", "));
  }
  out += "</ul>\n</main>\n<footer>\n<p>Check each protocol itself for anything not shown on its page.</p>\n" +
         printed_copy_html() + "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace esc::backends
