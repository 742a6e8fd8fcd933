#include "compiler/check.hpp"

#include "compiler/checks/checks.hpp"
#include "compiler/resolve.hpp"

namespace esc {

CheckRun check_files(const std::vector<std::string>& paths, FileReader& reader, SourceManager& sources,
                     DiagnosticSink& sink, const CheckOptions& options) {
  CheckRun run;
  for (const auto& path : paths) {
    CheckedFile checked;
    checked.path = path;
    auto errors_before = sink.errors();
    checked.program = load_program(path, reader, sources, sink, options.load);
    if (!checked.program.main_readable) {
      run.io_problem = true;
    } else if (sink.errors() == errors_before) {
      // Names are only looked up in files that read cleanly: a statement lost to a
      // syntax error would otherwise show up again as a missing name.
      checked.model = resolve(checked.program, sources, sink);
      checked.resolved = sink.errors() == errors_before;
      // Checks judge a model that means what its author wrote; with a name missing
      // they would report its consequences rather than its cause.
      if (checked.resolved) checks::run_checks(checked.model, options.today, sink);
    }
    run.files.push_back(std::move(checked));
  }
  sink.sort();
  return run;
}

}  // namespace esc
