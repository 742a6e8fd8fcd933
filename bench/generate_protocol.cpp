// Writes a synthetic protocol of about the requested size to stdout, for benchmarks
// and scale tests. The same size always gives the same bytes.
//
// Usage: escc-generate MEGABYTES
// The text mixes every kind of statement in roughly the proportions real protocols
// have: stages with steps, outcomes and quotes; agencies with lines and contacts.
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string stage(long number) {
  auto n = std::to_string(number);
  auto next = std::to_string(number + 1);
  return "stage " + n + " \"Line managers and safeguarding leads, round " + n + "\" {\n"
         "  parties \"Line Manager\" to \"Line Manager\"\n"
         "  step \"Raise the matter verbally and in writing\" within 2 working days from \"the disagreement\"\n"
         "    source \"the practitioner should raise the matter with the relevant practitioner within 2 working "
         "days\"\n"
         "  step \"Receiving agency reviews the case file\" within a further 3 working days cumulative " +
         std::to_string(number * 5) + " working days\n"
         "  record \"summary of the issues and actions agreed\" on \"the child's case file\"\n"
         "  notify \"Independent Reviewing Officer\" if \"the child is subject to a Child Protection Plan\"\n"
         "  contacts line 1 to line 2\n"
         "  when resolved: confirm in writing within a further 2 working days, then end\n"
         "  when unresolved: go to stage " + next + "\n"
         "}\n\n";
}

std::string agency(long number) {
  auto n = std::to_string(number);
  return "agency agency_" + n + " \"Partner agency number " + n + "\" {\n"
         "  kind health\n"
         "  role \"Designated Nurse\" at level line_manager\n"
         "  line 1 \"First line of escalation\" {\n"
         "    contact \"Duty Manager\" phone \"020 8359 5638\" available office_hours for open cases\n"
         "    contact \"MASH Duty Manager\" phone \"020 8359 5639\" available office_hours for new referrals\n"
         "    contact \"Emergency Duty Team\" phone \"020 8359 2000\" available out_of_hours\n"
         "  }\n"
         "  line 2 \"Second line of escalation\" {\n"
         "    contact \"Head of Service\" email \"head.of.service@example.gov.uk\" available always\n"
         "  }\n"
         "}\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: escc-generate MEGABYTES\n");
    return 2;
  }
  double megabytes = std::strtod(argv[1], nullptr);
  if (megabytes <= 0) {
    std::fprintf(stderr, "escc-generate: give a size in megabytes greater than 0\n");
    return 2;
  }
  auto wanted = static_cast<std::size_t>(megabytes * 1024 * 1024);
  std::string text =
      "use std.calendars.england_and_wales\nuse std.hours\nuse std.agencies\n\n"
      "protocol \"Synthetic escalation protocol\" {\n"
      "  partnership \"Synthetic Safeguarding Partnership\" as SSP\n"
      "  status live\n"
      "  approved by \"Synthetic Board\" on 2026-01-15\n"
      "  review due 2027-01\n"
      "  covers children\n"
      "  calendar england_and_wales\n"
      "  resolve within 10 working days or sooner\n"
      "}\n\n"
      "immediate risk {\n  same working day\n  through \"child protection procedures\"\n}\n\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::size_t written = text.size();
  long number = 1;
  for (; written < wanted; ++number) {
    auto chunk = stage(number) + (number % 4 == 0 ? agency(number / 4) : std::string());
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
    written += chunk.size();
  }
  auto last = "stage " + std::to_string(number) + " \"Partnership board\" {\n  within 5 working days\n"
              "  contact \"Partnership Manager\" email \"partnership@example.gov.uk\"\n  final binding\n}\n";
  std::fwrite(last.data(), 1, last.size(), stdout);
  return 0;
}
