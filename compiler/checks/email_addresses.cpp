// C005: an email address that mail cannot be delivered to as written.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/checks/checks.hpp"
#include "compiler/checks/contact_walk.hpp"

namespace esc::checks {
namespace {

bool is_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string email_problem(std::string_view email) {
  auto at = email.find('@');
  if (at == std::string::npos) return "it has no @";
  if (email.find('@', at + 1) != std::string::npos) return "it has more than one @";
  auto local = email.substr(0, at);
  auto domain = email.substr(at + 1);
  if (local.empty()) return "nothing comes before the @";
  for (char c : local) {
    if (!is_letter_or_digit(c) && std::string("._%+-'").find(c) == std::string::npos) {
      return fmt::format("'{}' cannot appear in an email address", c);
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) {
    return "its dots are in the wrong places";
  }
  if (domain.find('.') == std::string::npos) return fmt::format("'{}' is not a full domain name", domain);
  std::size_t start = 0;
  while (start <= domain.size()) {
    auto end = std::min(domain.find('.', start), domain.size());
    auto label = domain.substr(start, end - start);
    if (label.empty()) return "its domain has an empty part between dots";
    for (char c : label) {
      if (!is_letter_or_digit(c) && c != '-') return fmt::format("'{}' cannot appear in a domain name", c);
    }
    if (label.front() == '-' || label.back() == '-') return "a part of its domain starts or ends with '-'";
    start = end + 1;
  }
  return "";
}

}  // namespace

void email_addresses(const Context& context, DiagnosticSink& sink) {
  auto check = [&](const model::Text& email) {
    auto problem = email_problem(email.value);
    if (problem.empty()) return;
    sink.report(Code::C005, email.span, fmt::format("'{}' is not an email address: {}", email.value, problem));
  };
  for_each_contact(context.model, [&](const model::Contact& contact, const ContactPlace&) {
    for (const auto& email : contact.emails) check(email);
  });
  for (const auto& stage : context.model.stages) {
    for (const auto& duty : stage.duties) {
      for (const auto& email : duty.emails) check(email);
    }
    for (const auto& outcome : stage.outcomes) {
      for (const auto& duty : outcome.duties) {
        for (const auto& email : duty.emails) check(email);
      }
    }
  }
}

}  // namespace esc::checks
