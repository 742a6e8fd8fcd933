// C006: the same person or post listed twice with different numbers or addresses:
// one of them is wrong, and a reader cannot tell which.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <utility>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"
#include "compiler/syntax/text.hpp"

namespace esc::checks {
namespace {

std::vector<std::string> digits_of(const std::vector<model::Text>& phones) {
  std::vector<std::string> all;
  for (const auto& phone : phones) {
    std::string digits;
    for (char c : phone.value) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    all.push_back(digits);
  }
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<std::string> lowered(const std::vector<model::Text>& emails) {
  std::vector<std::string> all;
  for (const auto& email : emails) all.push_back(normalise_words(email.value));
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace

void conflicting_details(const Context& context, DiagnosticSink& sink) {
  // Contacts are the same when they have the same title (or person) in the same agency.
  auto who_of = [](const model::Contact& contact) {
    return contact.person ? contact.person->value : contact.title.value;
  };
  std::map<std::pair<std::uint32_t, std::string>, const model::Contact*> first_seen;
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    auto who = who_of(contact);
    auto [seen, added] = first_seen.emplace(std::pair(place.agency.index, normalise_words(who)), &contact);
    if (added) return;
    // Report the listing that comes later in the file, pointing back at the earlier one.
    const auto* earlier = seen->second;
    const auto* later = &contact;
    if (later->span.begin < earlier->span.begin) std::swap(earlier, later);
    const auto& other = *earlier;
    bool phones_differ = !later->phones.empty() && !other.phones.empty() &&
                         digits_of(later->phones) != digits_of(other.phones);
    bool emails_differ = !later->emails.empty() && !other.emails.empty() &&
                         lowered(later->emails) != lowered(other.emails);
    if (!phones_differ && !emails_differ) return;
    auto& d = sink.report(Code::C006, later->span,
                          fmt::format("'{}' is listed twice with a different {}", who,
                                      phones_differ ? "phone number" : "email address"));
    d.notes.push_back({other.span, "the other listing is here"});
    d.suggestion = "keep one set of details, or give the two listings different titles if they are different posts";
  });
}

}  // namespace esc::checks
