// C004: a UK phone number that cannot be dialled as written.
#include <fmt/format.h>

#include "compiler/analysis/phones.hpp"
#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {

void phone_numbers(const Context& context, DiagnosticSink& sink) {
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace&) {
    for (const auto* list : {&contact.phones, &contact.mobiles, &contact.direct_lines, &contact.switchboards}) {
      for (const auto& phone : *list) {
        auto problem = analysis::phone_problem(phone.value);
        if (problem.empty()) continue;
        sink.report(Code::C004, phone.span,
                    fmt::format("'{}' is not a phone number anyone can dial: {}", phone.value, problem));
      }
    }
  });
}

}  // namespace esc::checks
