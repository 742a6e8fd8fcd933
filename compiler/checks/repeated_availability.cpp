// C009: a contact that says `available` twice. escc reads every window of both as one
// list (reachable at any of those times), but the author may have meant the second to
// replace the first: the finding says what the directory will show.
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
    auto again = [](const model::Window& window) { return window.available_again; };
    auto second = std::find_if(windows.begin(), windows.end(), again);
    if (second == windows.end()) return;
    analysis::Availability first_said;
    for (auto window = windows.begin(); window != second; ++window) first_said.add(*window, model);
    auto together = analysis::availability_of(contact, model).describe();
    for (auto window = second; window != windows.end(); window = std::find_if(window + 1, windows.end(), again)) {
      auto& d = sink.report(Code::C009, window->span,
                            fmt::format("'{}' ({}) says 'available' more than once; escc reads every time given as "
                                        "one list: reachable {}",
                                        contact.title.value, place.describe(), together));
      d.notes.push_back({windows.front().span, fmt::format("the first says {}", first_said.describe())});
      d.suggestion = "write one 'available' with all the times, separated by commas; if one was meant to replace "
                     "the other, remove the other";
    }
  });
}

}  // namespace esc::checks
