// The protocol block, agencies, calendars, hours, levels, forms and figures.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "compiler/resolve/resolve_context.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::resolving {
namespace {

using ast::Keyword;
using ast::Tag;

// The document's word between each two of a list ("and", "or", "and/or", or a comma
// alone), in order: a comma followed by a word is joined by the word.
std::vector<std::string_view> joins_of(const ast::Statement& child) {
  std::vector<std::string_view> joined_by;
  bool after_comma = false;  // with no text since: ", or" is one join
  for (const auto& value : child.values) {
    if (value.tag == Tag::text) after_comma = false;
    if (value.tag != Tag::word) continue;
    auto word = normalise_words(value.text);
    std::string_view join = value.text == "," ? "," : word == "and" ? "and" : word == "or" ? "or" : "and/or";
    bool merges = after_comma && join != ",";
    after_comma = join == ",";
    if (merges) {
      joined_by.back() = join;
    } else {
      joined_by.push_back(join);
    }
  }
  return joined_by;
}

void read_metadata(model::Protocol& protocol, const ast::Statement& child, Context& context) {
  switch (child.keyword) {
    case Keyword::partnership:
      if (child.find(Tag::text) != nullptr || child.find(Tag::name) != nullptr) {
        model::Partnership partnership;
        // `partnership as LSAB` leaves the name empty: the document does not give it.
        if (const auto* name = child.find(Tag::text)) partnership.name = text_of(*name, context);
        partnership.span = child.span;
        if (const auto* short_name = child.find(Tag::name)) {
          partnership.short_name = std::string(short_name->text);
          partnership.short_name_span = short_name->span;
        }
        partnership.also_called = texts_of(child, Tag::also_called, context);
        partnership.formerly = optional_text(child, Tag::former, context);
        protocol.partnerships.push_back(std::move(partnership));
      }
      break;
    case Keyword::version:
      if (auto version = optional_text(child, Tag::text, context)) {
        if (!protocol.version) protocol.version = version;
        protocol.versions.push_back(*version);
      }
      break;
    case Keyword::status:
      if (const auto* word = child.find(Tag::word)) {
        // The grammar admits these three words only.
        auto words = normalise_words(word->text);
        auto status = words == "draft" ? model::Status::draft
                      : words == "withdrawn" ? model::Status::withdrawn : model::Status::live;
        protocol.status = model::Spanned<model::Status>{status, child.span};
      }
      break;
    case Keyword::author:
      for (auto& author : texts_of(child, Tag::text, context)) protocol.authors.push_back(std::move(author));
      break;
    case Keyword::dated:
      if (const auto* date = child.find(Tag::date)) {
        if (!protocol.dated) protocol.dated = date_of(*date);
        protocol.dates.push_back(date_of(*date));
      }
      break;
    case Keyword::approved: {
      model::Approval approval{texts_of(child, Tag::text, context), std::nullopt, child.span};
      if (const auto* date = child.find(Tag::date)) approval.date = date_of(*date);
      protocol.approvals.push_back(std::move(approval));
      break;
    }
    case Keyword::last_reviewed:
      if (const auto* date = child.find(Tag::date)) protocol.last_reviewed = date_of(*date);
      break;
    case Keyword::review:
      if (const auto* date = child.find(Tag::date)) protocol.review_due = date_of(*date);
      if (child.find(Tag::word) != nullptr) protocol.review_every_months = model::Spanned<int>{12, child.span};
      if (const auto* period = child.find(Tag::period)) {
        auto months = static_cast<int>(period->low * (period->unit == ast::Unit::years ? 12 : 1));
        protocol.review_every_months = model::Spanned<int>{months, child.span};
      }
      break;
    case Keyword::read_with:
      if (const auto* title = child.find(Tag::text)) {
        protocol.read_with.push_back({text_of(*title, context), optional_text(child, Tag::url, context), child.span});
      }
      break;
    case Keyword::covers:
      if (const auto* kind = child.find(Tag::case_kind)) {
        auto of = normalise_words(kind->text) == "cases" ? std::string_view("cases") : std::string_view("disagreements");
        protocol.covered_kinds.push_back(
            {of, child.find(Tag::only) != nullptr, texts_of(child, Tag::text, context), joins_of(child), child.span});
        break;
      }
      protocol.scope_span = child.span;
      for (const auto& value : child.values) {
        auto words = normalise_words(value.text);
        if (words == "children") protocol.scope.add(model::Scope::children);
        if (words == "young people") protocol.scope.add(model::Scope::young_people);
        if (words.rfind("adults", 0) == 0) protocol.scope.add(model::Scope::adults);
        if (words == "families") protocol.scope.add(model::Scope::families);
      }
      break;
    case Keyword::excludes:
    {
      auto excluded = texts_of(child, Tag::text, context);
      if (auto instead = optional_text(child, Tag::instead, context)) {
        for (const auto& exclusion : excluded) protocol.excluded_instead.push_back({exclusion, *instead});
      }
      for (auto& exclusion : excluded) protocol.exclusions.push_back(std::move(exclusion));
      break;
    }
    case Keyword::applies_to:
      for (auto& whom : texts_of(child, Tag::text, context)) protocol.applies_to.push_back(std::move(whom));
      break;
    case Keyword::counterpart: {
      auto who = optional_text(child, Tag::text, context);
      auto for_whom = optional_text(child, Tag::condition, context);
      if (who && for_whom) protocol.counterparts.push_back({*who, *for_whom, child.span});
      break;
    }
    case Keyword::part_of:
      if (auto manual = optional_text(child, Tag::text, context)) {
        protocol.part_of.push_back({*manual, optional_text(child, Tag::section, context), child.span});
      }
      break;
    case Keyword::supersedes:
      for (auto& earlier : texts_of(child, Tag::text, context)) protocol.supersedes.push_back(std::move(earlier));
      break;
    case Keyword::amended:
      if (const auto* date = child.find(Tag::date)) {
        protocol.amendments.push_back({date_of(*date), optional_text(child, Tag::text, context), child.span});
      }
      break;
    case Keyword::statutory:
      for (auto& law : texts_of(child, Tag::text, context)) protocol.statutory.push_back(std::move(law));
      break;
    case Keyword::does_not_replace: {
      bool said_separate = child.find(Tag::word) != nullptr;
      for (auto& document : texts_of(child, Tag::text, context)) {
        protocol.not_replaced.push_back({std::move(document), said_separate, child.span});
      }
      break;
    }
    case Keyword::used_when:
      protocol.used_when.push_back({texts_of(child, Tag::text, context), joins_of(child), child.span});
      break;
    case Keyword::via: protocol.via.push_back({texts_of(child, Tag::text, context), joins_of(child), child.span}); break;
    case Keyword::overseen:
      if (auto by = optional_text(child, Tag::by, context)) {
        protocol.oversight.push_back({*by, optional_text(child, Tag::purpose, context), child.span});
      }
      break;
    case Keyword::calendar:
      if (const auto* name = child.find(Tag::name)) {
        protocol.calendar_name = text_of(*name, context);
        protocol.calendar = {context.lookup(context.symbols.calendars, name->text, name->span)};
      }
      break;
    case Keyword::resolve:
      if (const auto* value = child.find(Tag::timeframe)) {
        model::Target target;
        target.timeframe = timeframe_of(child, *value, context);
        target.timeframe.modality = modality_of(child);
        target.span = child.span;
        if (const auto* covering = child.find(Tag::covering)) {
          target.first_stage = covering->low;
          target.last_stage = covering->high;
        }
        describe(target, child, context);
        protocol.targets.push_back(std::move(target));
      }
      break;
    case Keyword::timeframes_from: protocol.timeframes_from = optional_text(child, Tag::clock_start, context); break;
    case Keyword::formal_start:
      // A stage it names that the protocol does not have is reported by S011.
      if (const auto* number = child.find(Tag::number)) {
        protocol.formal_start = model::FormalStart{number->low, optional_text(child, Tag::by, context), child.span,
                                                   child.find(Tag::word) != nullptr,
                                                   optional_text(child, Tag::condition, context), modality_of(child)};
      }
      break;
    case Keyword::timeframes_called:
      if (const auto* word = child.find(Tag::word)) {
        // The grammar admits "mandatory", "indicative" and "as a guide" only; the first
        // place each is said is kept, and saying both is reported (T010).
        auto& said = normalise_words(word->text) == "mandatory" ? protocol.timeframes_mandatory
                                                                 : protocol.timeframes_indicative;
        if (!said) said = child.span;
      }
      break;
    case Keyword::report:
      if (const auto* word = child.find(Tag::word)) {
        // The grammar admits these three words, or "every" and a period.
        auto words = normalise_words(word->text);
        model::Report report;
        report.frequency = words == "monthly" ? model::Frequency::monthly
                           : words == "quarterly" ? model::Frequency::quarterly : model::Frequency::annually;
        if (const auto* period = child.find(Tag::period)) {
          report.every_months = static_cast<int>(period->low * (period->unit == ast::Unit::years ? 12 : 1));
        }
        report.what = optional_text(child, Tag::what, context);
        report.to = texts_of(child, Tag::text, context);
        report.span = child.span;
        protocol.reports.push_back(std::move(report));
      }
      break;
    case Keyword::term: {
      auto texts = texts_of(child, Tag::text, context);
      if (texts.size() == 2) protocol.terms.push_back({texts[0], texts[1]});
      break;
    }
    case Keyword::link:
      if (const auto* url = child.find(Tag::url)) protocol.links.push_back(text_of(*url, context));
      break;
    case Keyword::document:
      if (const auto* path = child.find(Tag::text)) {
        // Quotes are verified against one text: with two, escc would have to choose.
        if (protocol.document) {
          auto& d = context.sink.report(Code::N002, child.span,
                                        "the protocol names a second document; a protocol states one document");
          d.notes.push_back({protocol.document->named.span, "the first is named here"});
          break;
        }
        protocol.document = model::Document{text_of(*path, context), {}, 0};
      }
      break;
    case Keyword::contact: protocol.contacts.push_back(contact_of(child, context)); break;
    case Keyword::duty: protocol.duties.push_back(duty_of(child, context)); break;
    case Keyword::unknown:
      if (auto unknown = unknown_of(child, model::UnknownPlace::protocol, context)) protocol.unknowns.push_back(*unknown);
      break;
    case Keyword::ambiguous: read_ambiguity(child, protocol, context); break;
    default: break;
  }
}

model::Line line_of(const ast::Statement& statement, std::string_view agency, Context& context) {
  model::Line line;
  line.span = statement.span;
  if (const auto* label = statement.find(Tag::name)) line.label = std::string(label->text);
  line.title = optional_text(statement, Tag::title, context);
  read_line_body(line, statement, agency, context);
  return line;
}

// Hours, levels, kinds and calendars start alike: a name, an optional title, notes.
template <typename Entity>
Entity named_of(const ast::Statement& statement, Context& context, Tag name_tag = Tag::name) {
  Entity entity;
  entity.span = statement.span;
  if (const auto* name = statement.find(name_tag)) entity.name = std::string(name->text);
  entity.title = optional_text(statement, Tag::title, context);
  if (auto opened = grammar::block_opened(grammar::Block::file, statement.keyword)) {
    describe_block(entity, statement, *opened, context);
  } else {
    describe(entity, statement, context);
  }
  return entity;
}

}  // namespace

void read_line_body(model::Line& line, const ast::Statement& statement, std::string_view agency, Context& context) {
  line.contacts.reserve(count_of(statement.body, Keyword::contact));
  line.duties.reserve(count_of(statement.body, Keyword::duty));
  for (const auto& child : statement.body) {
    if (child.keyword == Keyword::contact) line.contacts.push_back(contact_of(child, context));
    if (child.keyword == Keyword::duty) line.duties.push_back(duty_of(child, context));
    if (child.keyword == Keyword::unknown) {
      if (auto unknown = unknown_of(child, model::UnknownPlace::line, context)) line.unknowns.push_back(*unknown);
    }
    if (child.keyword == Keyword::ambiguous) read_ambiguity(child, line, agency, context);
  }
  describe_block(line, statement, grammar::Block::line, context);
}

void read_protocol_body(model::Protocol& protocol, const ast::Statement& statement, Context& context) {
  for (const auto& child : statement.body) read_metadata(protocol, child, context);
  describe_block(protocol, statement, grammar::Block::protocol, context);
}

model::Protocol protocol_of(const ast::Statement& statement, Context& context) {
  model::Protocol protocol;
  protocol.span = statement.span;
  if (const auto* title = statement.find(Tag::title)) protocol.title = text_of(*title, context);
  read_protocol_body(protocol, statement, context);
  return protocol;
}

model::Agency agency_of(const ast::Statement& statement, Context& context) {
  model::Agency agency;
  agency.span = statement.span;
  if (const auto* name = statement.find(Tag::name)) agency.name = std::string(name->text);
  if (const auto* title = statement.find(Tag::title)) agency.title = text_of(*title, context);
  agency.also_called = texts_of(statement, Tag::also_called, context);
  read_agency_body(agency, statement, context);
  return agency;
}

void read_agency_body(model::Agency& agency, const ast::Statement& statement, Context& context) {
  agency.roles.reserve(count_of(statement.body, Keyword::role));
  agency.lines.reserve(count_of(statement.body, Keyword::line));
  agency.contacts.reserve(count_of(statement.body, Keyword::contact));
  for (const auto& child : statement.body) {
    switch (child.keyword) {
      case Keyword::kind:
        if (const auto* kind = child.find(Tag::ref)) {
          agency.kind = text_of(*kind, context);
          agency.kind_id = {context.lookup(context.symbols.kinds, kind->text, kind->span)};
        }
        break;
      case Keyword::role: {
        model::Role role;
        role.span = child.span;
        if (const auto* title = child.find(Tag::title)) role.title = text_of(*title, context);
        if (const auto* level = child.find(Tag::level)) {
          role.level = {context.lookup(context.symbols.levels, level->text, level->span)};
        }
        role.person = optional_text(child, Tag::person, context);
        describe(role, child, context);
        agency.roles.push_back(std::move(role));
        break;
      }
      case Keyword::line: agency.lines.push_back(line_of(child, agency.name, context)); break;
      case Keyword::contact: agency.contacts.push_back(contact_of(child, context)); break;
      case Keyword::unknown:
        if (auto unknown = unknown_of(child, model::UnknownPlace::agency, context)) agency.unknowns.push_back(*unknown);
        break;
      case Keyword::ambiguous: read_ambiguity(child, agency, context); break;
      default: break;
    }
  }
  describe_block(agency, statement, grammar::Block::agency, context);
}

model::Calendar calendar_of(const ast::Statement& statement, Context& context) {
  auto calendar = named_of<model::Calendar>(statement, context);
  for (const auto& child : statement.body) {
    if (child.keyword == Keyword::working_days) {
      if (const auto* days = child.find(Tag::window)) calendar.working_days = static_cast<std::uint8_t>(days->low);
    }
    if (child.keyword == Keyword::data_years) {
      if (const auto* years = child.find(Tag::number)) {
        calendar.data_from = static_cast<int>(years->low);
        calendar.data_to = static_cast<int>(years->high);
      }
    }
    if (child.keyword == Keyword::bank_holiday) {
      if (const auto* date = child.find(Tag::date)) {
        calendar.holidays.push_back({date_of(*date), optional_text(child, Tag::title, context)});
      }
    }
  }
  // The generated C++ runtime looks holidays up by date, so a calendar listed out of
  // order would lose some. Stable, so that a date listed twice keeps its first name first.
  std::stable_sort(calendar.holidays.begin(), calendar.holidays.end(),
                   [](const model::BankHoliday& a, const model::BankHoliday& b) {
                     return std::tie(a.date.year, a.date.month, a.date.day) <
                            std::tie(b.date.year, b.date.month, b.date.day);
                   });
  return calendar;
}

model::Hours hours_of(const ast::Statement& statement, Context& context) {
  auto hours = named_of<model::Hours>(statement, context);
  hours.windows = windows_of(statement, context);
  return hours;
}

void report_hours_circles(const model::Model& model, DiagnosticSink& sink) {
  std::vector<bool> reported(model.hours.size(), false);
  model::HoursWalk walk;
  walk.circle = [&](const model::HoursCircle& circle) {
    std::string chain;
    for (const auto& [id, naming] : circle) chain += model.hours[id].name + " → ";
    chain += model.hours[circle.front().first].name;
    for (const auto& [member, naming] : circle) {
      if (reported[member]) continue;
      reported[member] = true;
      const auto& name = model.hours[member].name;
      auto& d = sink.report(Code::N009, naming->span,
                            circle.size() == 1
                                ? fmt::format("'{}' is defined by naming itself, so it never says which times it "
                                              "stands for",
                                              name)
                                : fmt::format("'{}' is defined by naming '{}', which leads back to it ({}), so none "
                                              "of these hours says which times it stands for",
                                              name, model.hours[naming->hours.index].name, chain));
      d.suggestion = fmt::format("give '{}' its days and times, such as: hours {} = weekdays 09:00-17:00", name, name);
    }
  };
  model::walk_hours(model, walk);
}

model::Level level_of(const ast::Statement& statement, Context& context) {
  return named_of<model::Level>(statement, context);
}

model::Kind kind_of(const ast::Statement& statement, Context& context) {
  return named_of<model::Kind>(statement, context, Tag::ref);
}

model::Form form_of(const ast::Statement& statement, Context& context) {
  model::Form form;
  form.span = statement.span;
  if (const auto* name = statement.find(Tag::name)) form.name = std::string(name->text);
  if (const auto* title = statement.find(Tag::title)) form.title = text_of(*title, context);
  for (const auto& child : statement.body) {
    switch (child.keyword) {
      case Keyword::required_from:
        if (const auto* number = child.find(Tag::number)) form.required_from = number->low;
        break;
      case Keyword::send_to: form.send_to.push_back(contact_of(child, context)); break;
      case Keyword::section: {
        model::Section section;
        if (const auto* title = child.find(Tag::title)) section.title = text_of(*title, context);
        for (const auto& field : child.body) {
          if (field.keyword == Keyword::field) section.fields.push_back(*optional_text(field, Tag::text, context));
        }
        form.sections.push_back(std::move(section));
        break;
      }
      case Keyword::field: form.fields.push_back(*optional_text(child, Tag::text, context)); break;
      case Keyword::column: form.columns.push_back(*optional_text(child, Tag::text, context)); break;
      default: break;
    }
  }
  describe_block(form, statement, grammar::Block::form, context);
  return form;
}

model::Complaints complaints_of(const ast::Statement& statement, Context& context) {
  model::Complaints complaints;
  complaints.span = statement.span;
  if (const auto* about = statement.find(Tag::title)) complaints.about = text_of(*about, context);
  for (const auto& child : statement.body) {
    if (child.keyword == Keyword::contact) complaints.contacts.push_back(contact_of(child, context));
    if (child.keyword == Keyword::duty) complaints.duties.push_back(duty_of(child, context));
  }
  describe_block(complaints, statement, grammar::Block::complaint, context);
  return complaints;
}

model::Figure figure_of(const ast::Statement& statement, Context& context) {
  model::Figure figure;
  figure.span = statement.span;
  if (const auto* title = statement.find(Tag::title)) figure.title = text_of(*title, context);
  for (const auto& value : statement.values) {
    if (value.tag == Tag::number) figure.stage_numbers.push_back(value.low);
  }
  describe(figure, statement, context);
  return figure;
}

}  // namespace esc::resolving
