// The one diagnostic type, the code table, and the sink every pass reports into.
// Passes never print: drivers render what the sink holds.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source.hpp"

namespace esc {

enum class Severity { error, warning, note };

enum class Code {
#define X(code, severity, name, summary) code,
#include "compiler/findings/codes.def"
#undef X
};

struct CodeInfo {
  Code code;
  std::string_view id;  // "P002"
  Severity severity;
  std::string_view name;
  std::string_view summary;
};

const CodeInfo& code_info(Code code);
const std::vector<CodeInfo>& all_codes();
std::optional<Code> find_code(std::string_view id);
std::string_view severity_name(Severity severity);

// A related place, shown under the main message ("stage 2 is declared here").
struct Note {
  std::optional<Span> span;
  std::string message;
};

struct Diagnostic {
  Code code;
  Severity severity;
  std::optional<Span> span;  // absent for problems with no place (a missing file)
  std::string message;
  std::vector<Note> notes;
  std::string suggestion;  // empty when there is none
  std::string file_path;   // used when there is no span
  // Set when the protocol accepts this finding with `allow CODE "reason"`: it is then
  // left out of the human output and reported as allowed in machine output.
  std::optional<std::string> allowed_because;
  bool in_baseline = false;  // accepted by a baseline file rather than by the protocol

  bool counts() const { return !allowed_because.has_value(); }
};

class DiagnosticSink {
 public:
  Diagnostic& report(Code code, std::optional<Span> span, std::string message);
  void add(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // For passes that judge findings after they are made, such as a baseline.
  std::vector<Diagnostic>& editable() { return diagnostics_; }
  // Findings of this severity that are not allowed.
  std::size_t count(Severity severity) const;
  std::size_t allowed() const;
  std::size_t errors() const { return count(Severity::error); }
  // Orders by file, position, then severity, so output never depends on pass order.
  void sort();

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace esc
