#include "compiler/findings/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace esc {

const std::vector<CodeInfo>& all_codes() {
  static const std::vector<CodeInfo> table = {
#define X(code, severity, name, summary) {Code::code, #code, Severity::severity, name, summary},
#include "compiler/findings/codes.def"
#undef X
  };
  return table;
}

const CodeInfo& code_info(Code code) { return all_codes().at(static_cast<std::size_t>(code)); }

std::optional<Code> find_code(std::string_view id) {
  for (const auto& info : all_codes()) {
    if (info.id == id) return info.code;
  }
  return std::nullopt;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

Diagnostic& DiagnosticSink::report(Code code, std::optional<Span> span, std::string message) {
  diagnostics_.push_back(Diagnostic{code, code_info(code).severity, span, std::move(message), {}, {}, {}, {}});
  return diagnostics_.back();
}

std::size_t DiagnosticSink::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(), [&](const Diagnostic& d) {
    return d.severity == severity && d.counts();
  }));
}

std::size_t DiagnosticSink::allowed() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& d) { return !d.counts(); }));
}

void DiagnosticSink::sort() {
  auto key = [](const Diagnostic& d) {
    auto span = d.span.value_or(Span{});
    return std::make_tuple(!d.span.has_value(), span.file, span.begin, static_cast<int>(d.severity),
                           static_cast<int>(d.code));
  };
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace esc
