#include "compiler/driver/check.hpp"

#include <memory>

#include "compiler/checks/checks.hpp"
#include "compiler/driver/parallel.hpp"
#include "compiler/driver/readings.hpp"
#include "compiler/resolve/resolve.hpp"

namespace esc {
namespace {

// Each protocol gets its own range of file ids, so that protocols checked on different
// threads never share one, and ids (hence the order of findings) do not depend on
// which thread finished first. A protocol may read up to 65,536 files with its imports.
constexpr FileId ids_per_protocol = FileId{1} << 16;
constexpr std::size_t most_protocols = 65535;

struct Checked {
  explicit Checked(FileId first_id) : sources(first_id) {}
  SourceManager sources;
  DiagnosticSink sink;
  CheckedFile file;
  bool io_problem = false;
};

void check_one(const std::string& path, FileReader& reader, const CheckOptions& options,
               const analysis::Dictionary& dictionary, Checked& out) {
  out.file.path = path;
  out.file.program = load_program(path, reader, out.sources, out.sink, options.load);
  if (!out.file.program.main_readable) {
    out.io_problem = true;
    return;
  }
  out.io_problem = out.file.program.import_unreadable;
  if (out.sink.errors() > 0) return;
  // Names are only looked up in files that read cleanly: a statement lost to a syntax
  // error would otherwise show up again as a missing name.
  if (records_ambiguities(out.file.program)) {
    // Each way of reading it is resolved and checked on its own (compiler/driver/readings.cpp).
    check_with_readings(out.file, out.sources, out.sink, options.today, dictionary);
  } else {
    // Nothing reads the syntax after this: it is freed as the model is built, which keeps
    // the peak memory of a large protocol to about two thirds.
    out.file.model = options.keep_syntax ? resolve(out.file.program, out.sources, out.sink)
                                         : resolve_releasing_syntax(out.file.program, out.sink);
    out.file.resolved = out.sink.errors() == 0;
    // Checks judge a model that means what its author wrote; with a name missing they
    // would report its consequences rather than its cause.
    if (out.file.resolved) {
      out.file.analyses = analysis::analyse(out.file.model);
      out.file.analyses.unfamiliar_words = analysis::unfamiliar_words(out.file.model, dictionary);
      checks::run_checks(out.file.model, out.file.analyses, options.today, out.sink);
    }
  }
  if (options.keep_models) {
    DiagnosticSink own;
    for (const auto& diagnostic : out.sink.diagnostics()) own.add(diagnostic);
    own.sort();
    out.file.findings = own.diagnostics();
  } else {
    out.file.program = {};
    out.file.model = {};
    out.file.analyses = {};
  }
  // Findings are printed with their line; finding it means indexing the file's lines,
  // which is better done here, on this protocol's own thread.
  for (const auto& diagnostic : out.sink.diagnostics()) {
    if (diagnostic.span) out.sources.file(diagnostic.span->file).locate(diagnostic.span->begin);
    for (const auto& note : diagnostic.notes) {
      if (note.span) out.sources.file(note.span->file).locate(note.span->begin);
    }
  }
}

}  // namespace

CheckRun check_files(const std::vector<std::string>& paths, FileReader& reader, SourceManager& sources,
                     DiagnosticSink& sink, const CheckOptions& options) {
  CheckRun run;
  if (paths.size() > most_protocols) {
    auto& d = sink.report(Code::I001, std::nullopt,
                          "escc checks at most 65,535 protocols at a time; check the folders one by one");
    d.file_path = paths[most_protocols];
    run.io_problem = true;
    return run;
  }
  std::vector<std::unique_ptr<Checked>> results;
  results.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    results.push_back(std::make_unique<Checked>(static_cast<FileId>(i + 1) * ids_per_protocol));
  }
  analysis::Dictionary own_dictionary;
  const auto& dictionary = options.dictionary ? *options.dictionary : own_dictionary;
  run_tasks(paths.size(), options.jobs,
            [&](std::size_t i) { check_one(paths[i], reader, options, dictionary, *results[i]); });
  // Gathered in the order the files were given.
  for (auto& result : results) {
    sources.adopt(std::move(result->sources));
    for (const auto& diagnostic : result->sink.diagnostics()) sink.add(diagnostic);
    run.io_problem = run.io_problem || result->io_problem;
    run.files.push_back(std::move(result->file));
  }
  sink.sort();
  return run;
}

}  // namespace esc
