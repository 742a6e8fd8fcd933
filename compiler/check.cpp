#include "compiler/check.hpp"

#include <fmt/format.h>

#include "compiler/parser.hpp"

namespace esc {

CheckRun check_files(const std::vector<std::string>& paths, FileReader& reader, SourceManager& sources,
                     DiagnosticSink& sink) {
  CheckRun run;
  for (const auto& path : paths) {
    CheckedFile checked{path, false, {}};
    std::string problem;
    auto text = reader.read(path, problem);
    if (!text) {
      auto& d = sink.report(Code::I001, std::nullopt, fmt::format("cannot read {}: {}", path, problem));
      d.file_path = path;
      run.io_problem = true;
      run.files.push_back(std::move(checked));
      continue;
    }
    auto id = sources.add(path, std::move(*text));
    checked.readable = true;
    checked.syntax = parse(sources.file(id), id, sink);
    run.files.push_back(std::move(checked));
  }
  sink.sort();
  return run;
}

}  // namespace esc
