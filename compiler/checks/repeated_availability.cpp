// C009: a contact that says `available` more than once. escc reads every window of
// each as one list (reachable at any of those times), but the author may have meant a
// later one to replace an earlier one: the finding says what escc reads. One finding
// per contact, however many times it says it.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/availability.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void repeated_availability(const Context& context, DiagnosticSink& sink) {
  const auto& model = context.model;
  for_each_contact(model, [&](const model::Contact& contact, const ContactPlace& place) {
    const auto& windows = contact.windows;
    auto said_again = [](const model::Window& window) { return window.available_again; };
    auto second = std::find_if(windows.begin(), windows.end(), said_again);
    if (second == windows.end()) return;
    auto times = 1 + std::count_if(second, windows.end(), said_again);
    analysis::Availability first_said;
    for (auto window = windows.begin(); window != second; ++window) first_said.add(*window, model);
    auto& d = sink.report(Code::C009, second->span,
                          fmt::format("'{}' ({}) says 'available' {}; escc reads every time given as one list: "
                                      "reachable {}",
                                      contact.title.value, place.describe(),
                                      times == 2 ? std::string("twice") : fmt::format("{} times", times),
                                      analysis::availability_of(contact, model).describe()));
    d.notes.push_back({windows.front().span, fmt::format("the first says {}", first_said.describe())});
    d.suggestion = "write one 'available' with all the times, separated by commas; if one was meant to replace "
                   "another, remove the other";
  });
}

}  // namespace esc::checks
