// C006: the same person or post listed twice with different numbers or addresses:
// one of them is wrong, and a reader cannot tell which.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <unordered_map>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"
#include "compiler/text.hpp"

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

// Contacts by a 64-bit key, with open addressing in one array: a large protocol has
// tens of thousands of contacts, and a node per contact costs more than the check.
template <typename Value>
class FirstSeen {
 public:
  // The entry for `key`, and whether it was added now.
  std::pair<Value*, bool> emplace(std::uint64_t key, const Value& value) {
    if (key == 0) key = 1;  // 0 marks an empty slot
    if ((count_ + 1) * 2 > keys_.size()) grow();
    for (auto i = key & (keys_.size() - 1);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == key) return {&values_[i], false};
      if (keys_[i] != 0) continue;
      keys_[i] = key;
      values_[i] = value;
      ++count_;
      return {&values_[i], true};
    }
  }

 private:
  void grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(64, keys_.size() * 2), 0);
    std::vector<Value> values(keys.size());
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      auto j = keys_[i] & (keys.size() - 1);
      while (keys[j] != 0) j = (j + 1) & (keys.size() - 1);
      keys[j] = keys_[i];
      values[j] = values_[i];
    }
    keys_.swap(keys);
    values_.swap(values);
  }

  std::vector<std::uint64_t> keys_;
  std::vector<Value> values_;
  std::size_t count_ = 0;
};

}  // namespace

void conflicting_details(const Context& context, DiagnosticSink& sink) {
  // Contacts are the same when they have the same title (or person) in the same agency.
  // Keyed by a hash of the two, so that no key is built for each contact; two different
  // names with the same hash are told apart by `exact`, which is almost never used.
  struct Seen {
    const model::Contact* contact = nullptr;
    model::AgencyId agency;
  };
  auto who_of = [](const model::Contact& contact) {
    return contact.person ? contact.person->value : contact.title.value;
  };
  FirstSeen<Seen> first_seen;
  std::unordered_map<std::string, const model::Contact*> exact;
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace& place) {
    auto who = who_of(contact);
    auto key = normalised_hash(who) ^ (std::uint64_t{place.agency.index} * 0x9e3779b97f4a7c15ull);
    auto [seen, added] = first_seen.emplace(key, Seen{&contact, place.agency});
    if (added) return;
    const model::Contact* first = seen->contact;
    if (seen->agency != place.agency || normalise_words(who_of(*first)) != normalise_words(who)) {
      auto exact_key = normalise_words(who);
      exact_key.append(reinterpret_cast<const char*>(&place.agency.index), sizeof place.agency.index);
      auto [found, is_new] = exact.emplace(exact_key, &contact);
      if (is_new) return;
      first = found->second;
    }
    // Report the listing that comes later in the file, pointing back at the earlier one.
    const auto* earlier = first;
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
