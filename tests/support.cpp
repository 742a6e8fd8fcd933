#include "tests/support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/model/dates.hpp"
#include "compiler/syntax/parser.hpp"

namespace esc::test {

Parsed parse_text(const std::string& text, const std::string& path) {
  Parsed parsed;
  auto id = parsed.sources.add(path, text);
  parsed.file = parse(parsed.sources.file(id), id, parsed.sink);
  parsed.sink.sort();
  return parsed;
}

std::vector<std::string> codes_and_places(const Parsed& parsed) {
  std::vector<std::string> out;
  for (const auto& d : parsed.sink.diagnostics()) {
    std::string place = "-";
    if (d.span) {
      auto at = parsed.sources.file(d.span->file).locate(d.span->begin);
      place = std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    out.push_back(std::string(code_info(d.code).id) + " " + place);
  }
  return out;
}

Checked check_text(const std::string& text, const std::string& path) {
  Checked checked;
  OneFileReader reader(path, text);
  CheckOptions options;
  options.today = day_number({2026, 11, 23});
  checked.run = check_files({path}, reader, checked.sources, checked.sink, options);
  return checked;
}

const char* const clean_header = R"(protocol "Resolving professional disagreements" {
  status live
  approved by "Board" on 2026-01-15
  review due 2027-01
}
immediate risk {
  immediately
}
)";

std::vector<std::string> findings_of(const Checked& checked, const std::string& notes_starting) {
  auto place = [&](const std::optional<Span>& span) {
    if (!span) return std::string("-");
    auto at = checked.sources.file(span->file).locate(span->begin);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  };
  std::vector<std::string> found;
  for (const auto& d : checked.sink.diagnostics()) {
    found.push_back(std::string(severity_name(d.severity)) + "[" + std::string(code_info(d.code).id) + "] " +
                    place(d.span) + " " + d.message);
    if (notes_starting.empty()) continue;
    for (const auto& note : d.notes) {
      if (note.message.rfind(notes_starting, 0) == 0) found.push_back("  note " + place(note.span) + " " + note.message);
    }
  }
  return found;
}

std::string read_repository_file(const std::string& relative_path) {
  std::ifstream in(std::string(ESCC_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> files_in(const std::string& relative_directory, const std::string& extension) {
  std::vector<std::string> names;
  auto directory = std::filesystem::path(ESCC_SOURCE_DIR) / relative_directory;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == extension) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace esc::test
