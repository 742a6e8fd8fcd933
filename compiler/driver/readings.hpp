// Checking a protocol that records where its document is ambiguous or contradicts
// itself. Each combination of readings is resolved and checked as a protocol of its
// own; a finding made under every combination is reported as it is, one made under
// only some with a note naming the readings it depends on. What the outputs show is
// the model with every ambiguity left out (what holds in every reading), its figures
// widened to the range over the readings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/driver/check.hpp"

namespace esc {

// More combinations than this are refused (P010): each is a whole check.
inline constexpr std::size_t most_combinations_of_readings = 64;

bool records_ambiguities(const Program& program);

// One ambiguity, as notes name it.
struct AmbiguityWords {
  Span span;
  std::string about;                // what the document leaves open
  std::vector<std::string> labels;  // each reading's name; none when no reading is written
};

// One way of reading a protocol: the reading taken at each ambiguity.
using Choice = std::vector<std::uint32_t>;

// The notes that name the readings a finding depends on, given every way of reading it
// is found under: one per ambiguity whose reading matters when those ways are every
// combination of some readings of each ("found only when '...' is read as 'the text'"),
// else one that lists the ways.
std::vector<Note> readings_depended_on(const std::vector<AmbiguityWords>& ambiguities,
                                       const std::vector<Choice>& found_under);

// Resolves and checks `file.program`, filling `file.model`, `file.analyses` and
// `file.resolved` as check_files does for a protocol without ambiguities.
void check_with_readings(CheckedFile& file, const SourceManager& sources, DiagnosticSink& sink, std::int64_t today,
                         const analysis::Dictionary& dictionary);

}  // namespace esc
