// `contact "..." as listed`: a stage, a form's `send to` or the immediate-risk rule
// pointing at a contact the protocol lists elsewhere, as documents do ("send the form to
// the Partnership Team", whose address is given once, at the end).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/resolve/resolve_context.hpp"
#include "compiler/source/spoken_list.hpp"
#include "compiler/syntax/suggest.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::resolving {
namespace {

struct Listing {
  const model::Contact* contact;
  model::AgencyId agency;  // the agency whose block lists it, or the one it names with `of`
  std::string place;       // "the protocol block", "agency police, line 1"
};

template <typename Each>
void for_each_contact_list(model::Model& model, Each&& each) {
  if (model.protocol) each(model.protocol->contacts, model::AgencyId{}, std::string("the protocol block"));
  if (model.immediate_risk) each(model.immediate_risk->contacts, model::AgencyId{}, std::string("the immediate risk rule"));
  for (auto& stage : model.stages) each(stage.contacts, model::AgencyId{}, stage.label());
  for (std::uint32_t a = 0; a < model.agencies.size(); ++a) {
    auto& agency = model.agencies[a];
    each(agency.contacts, model::AgencyId{a}, "agency " + agency.name);
    for (auto& line : agency.lines) {
      each(line.contacts, model::AgencyId{a}, fmt::format("agency {}, line {}", agency.name, line.label));
    }
  }
  for (auto& form : model.forms) each(form.send_to, model::AgencyId{}, "form " + form.name);
}

// The contacts each reading of an ambiguity gives: they may name a contact listed
// elsewhere, as any contact may, but list nothing for others, since a reading holds only
// when the document is read that way.
template <typename Each>
void for_each_reading_contact_list(model::Model& model, Each&& each) {
  for (auto& ambiguity : model.ambiguities) {
    for (auto& reading : ambiguity.readings) {
      auto place = fmt::format("reading '{}' of {}", reading.label.value, ambiguity.place);
      if (auto* protocol = std::get_if<model::Protocol>(&reading.says)) each(protocol->contacts, model::AgencyId{}, place);
      if (auto* stage = std::get_if<model::Stage>(&reading.says)) each(stage->contacts, model::AgencyId{}, place);
      if (auto* line = std::get_if<model::Line>(&reading.says)) each(line->contacts, model::AgencyId{}, place);
      if (auto* agency = std::get_if<model::Agency>(&reading.says)) {
        each(agency->contacts, model::AgencyId{}, place);
        for (auto& line : agency->lines) each(line.contacts, model::AgencyId{}, place);
      }
    }
  }
}

// A detail the reference gives itself stays; one it leaves out comes from the listing.
template <typename Value>
void take_if_unstated(Value& mine, const Value& listed) {
  bool stated = false;
  if constexpr (requires { mine.empty(); }) {
    stated = !mine.empty();
  } else {
    stated = mine.has_value();
  }
  if (!stated) mine = listed;
}

// The reference keeps its own title, place and conditions; the listing gives it the
// means of reaching the contact.
void copy_details(model::Contact& reference, const Listing& listing) {
  const auto& listed = *listing.contact;
  take_if_unstated(reference.phones, listed.phones);
  take_if_unstated(reference.emails, listed.emails);
  take_if_unstated(reference.call_signs, listed.call_signs);
  take_if_unstated(reference.switchboards, listed.switchboards);
  take_if_unstated(reference.mobiles, listed.mobiles);
  take_if_unstated(reference.direct_lines, listed.direct_lines);
  take_if_unstated(reference.windows, listed.windows);
  take_if_unstated(reference.person, listed.person);
  take_if_unstated(reference.via, listed.via);
  take_if_unstated(reference.address, listed.address);
  take_if_unstated(reference.purpose, listed.purpose);
  take_if_unstated(reference.details_unknown, listed.details_unknown);
  take_if_unstated(reference.case_kinds, listed.case_kinds);
  reference.not_for_escalation = reference.not_for_escalation || listed.not_for_escalation;
  reference.in_own_agency = reference.in_own_agency || listed.in_own_agency;
  if (!reference.of.valid()) reference.of = listing.agency;
  reference.listed_at = listed.span;
}

std::vector<std::string_view> values_of(const std::vector<model::Text>& texts) {
  std::vector<std::string_view> values;
  for (const auto& text : texts) values.push_back(text.value);
  return values;
}

bool same_windows(const std::vector<model::Window>& a, const std::vector<model::Window>& b) {
  auto fields = [](const model::Window& w) {
    return std::tuple(w.days, w.from_minute, w.to_minute, w.always, w.bank_holidays, w.except_bank_holidays,
                      w.hours.index);
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const model::Window& x, const model::Window& y) { return fields(x) == fields(y); });
}

// Listings that give the same means of reaching the contact, at the same hours, leave
// nothing to choose.
bool same_means(const model::Contact& a, const model::Contact& b) {
  auto optional_value = [](const std::optional<model::Text>& text) {
    return text ? std::optional<std::string_view>(text->value) : std::nullopt;
  };
  return values_of(a.phones) == values_of(b.phones) && values_of(a.emails) == values_of(b.emails) &&
         values_of(a.call_signs) == values_of(b.call_signs) && values_of(a.switchboards) == values_of(b.switchboards) &&
         values_of(a.mobiles) == values_of(b.mobiles) && values_of(a.direct_lines) == values_of(b.direct_lines) &&
         optional_value(a.person) == optional_value(b.person) && optional_value(a.via) == optional_value(b.via) &&
         optional_value(a.address) == optional_value(b.address) && same_windows(a.windows, b.windows);
}

}  // namespace

void resolve_listed_contacts(model::Model& model, DiagnosticSink& sink) {
  std::vector<Listing> listings;
  for_each_contact_list(model, [&](std::vector<model::Contact>& contacts, model::AgencyId agency,
                                   const std::string& place) {
    for (const auto& contact : contacts) {
      if (contact.as_listed) continue;
      listings.push_back({&contact, contact.of.valid() ? contact.of : agency, place});
    }
  });
  // The checks read each combination of readings resolved on its own, where a reading's
  // contacts are the block's and a reference listed nowhere is reported; here, for the
  // outputs, a reading's reference only takes the details it can find.
  bool in_readings = false;
  auto look_up = [&](std::vector<model::Contact>& contacts, model::AgencyId, const std::string&) {
    for (auto& contact : contacts) {
      if (!contact.as_listed) continue;
      auto title = normalise_words(contact.title.value);
      std::vector<const Listing*> found;
      for (const auto& listing : listings) {
        if (normalise_words(listing.contact->title.value) != title) continue;
        if (contact.of.valid() && listing.agency != contact.of) continue;
        found.push_back(&listing);
      }
      bool alike = !found.empty() && std::all_of(found.begin(), found.end(), [&](const Listing* listing) {
        return same_means(*listing->contact, *found.front()->contact);
      });
      if (alike) {
        copy_details(contact, *found.front());
        continue;
      }
      if (in_readings) continue;
      if (found.empty()) {
        auto& d = sink.report(Code::N001, *contact.as_listed,
                              contact.of.valid()
                                  ? fmt::format("'{}' is not listed anywhere else for agency {}", contact.title.value,
                                                model.agency(contact.of).name)
                                  : fmt::format("'{}' is not listed anywhere else in the protocol",
                                                contact.title.value));
        std::vector<std::string_view> titles;
        for (const auto& listing : listings) titles.push_back(listing.contact->title.value);
        auto best = closest_word(contact.title.value, titles);
        d.suggestion = best.empty() ? std::string("list the contact with its details, then refer to it by the same title")
                                    : fmt::format("did you mean '{}'?", best);
        continue;
      }
      // escc does not choose between two listings: their details may differ.
      std::vector<std::string> places;
      for (const auto* listing : found) places.push_back(listing->place);
      auto& d = sink.report(Code::N001, *contact.as_listed,
                            fmt::format("'{}' is listed in more than one place ({}), so escc cannot tell which is meant",
                                        contact.title.value, spoken_list(places, "and")));
      for (const auto* listing : found) d.notes.push_back({listing->contact->span, "listed here"});
      d.suggestion = "add 'of AGENCY' to say whose contact it is";
    }
  };
  for_each_contact_list(model, look_up);
  in_readings = true;
  for_each_reading_contact_list(model, look_up);
}

}  // namespace esc::resolving
