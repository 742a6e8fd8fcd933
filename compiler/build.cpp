#include "compiler/build.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/backends/json.hpp"

namespace esc {

const std::vector<std::string>& known_formats() {
  static const std::vector<std::string> formats = {"json"};
  return formats;
}

BuildRun build_files(const std::vector<std::string>& paths, FileReader& reader, OutputWriter& writer,
                     SourceManager& sources, DiagnosticSink& sink, const BuildOptions& options) {
  BuildRun run;
  run.checked = check_files(paths, reader, sources, sink, options.check);
  if (run.checked.io_problem) {
    run.io_problem = true;
    return run;
  }
  if (sink.errors() > 0) {
    run.refused = true;
    return run;
  }
  // Render everything first: a back-end that fails must not leave some files new and
  // others old.
  std::vector<std::pair<std::string, std::string>> outputs;
  for (const auto& file : run.checked.files) {
    auto stem = std::filesystem::path(file.path).stem().string();
    for (const auto& format : options.emit) {
      auto target = (std::filesystem::path(options.output_folder) / (stem + "." + format)).string();
      if (format == "json") outputs.emplace_back(target, backends::emit_json(file.model, file.path));
    }
  }
  for (const auto& [path, bytes] : outputs) {
    if (auto problem = writer.write(path, bytes)) {
      auto& d = sink.report(Code::I005, std::nullopt, fmt::format("cannot write {}: {}", path, *problem));
      d.file_path = path;
      run.io_problem = true;
      return run;
    }
    run.written.push_back(path);
  }
  return run;
}

}  // namespace esc
