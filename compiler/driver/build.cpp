#include "compiler/driver/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "compiler/backends/amendments.hpp"
#include "compiler/backends/chart.hpp"
#include "compiler/backends/dot.hpp"
#include "compiler/backends/graphviz.hpp"
#include "compiler/backends/html.hpp"
#include "compiler/backends/meaning_diff.hpp"
#include "compiler/backends/registry.hpp"
#include "compiler/driver/parallel.hpp"

namespace esc {
namespace {

// Whether any back-end the build runs has a need, such as `&Backend::draws_png`.
bool any_wants(const BuildOptions& options, bool backends::Backend::*need) {
  return std::any_of(options.emit.begin(), options.emit.end(), [&](const std::string& format) {
    const auto* backend = backends::backend_named(format);
    return backend != nullptr && backend->*need;
  });
}

// Make escapes spaces and '#' in names with a backslash, and '$' by doubling it.
std::string make_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

std::string depfile_text(const std::vector<std::pair<std::string, std::string>>& outputs, const CheckRun& checked,
                         const SourceManager& sources) {
  std::string text;
  for (const auto& output : outputs) text += (text.empty() ? "" : " \\\n ") + make_path(output.first);
  text += ":";
  std::vector<std::string> inputs;
  for (const auto& file : checked.files) {
    std::vector<FileId> read;
    for (const auto& unit : file.program.units) {
      if (!unit.is_stdlib) read.push_back(unit.file);
    }
    // The document decides which quotes are found, so a build is out of date when it changes.
    if (file.program.document) read.push_back(file.program.document->file);
    if (file.program.regional_document) read.push_back(file.program.regional_document->file);
    for (auto id : read) {
      const auto& path = sources.file(id).path();
      if (std::find(inputs.begin(), inputs.end(), path) == inputs.end()) inputs.push_back(path);
    }
  }
  for (const auto& input : inputs) text += " \\\n " + make_path(input);
  return text + "\n";
}

// The amendments published before: the list beside the published version, else the
// one the output folder holds from the build that published it. Nothing when neither
// has one; a list that cannot be read stops the build (`refused`).
std::vector<backends::Amendment> earlier_amendments(PublishedVersions& previous, const std::string& published_path,
                                                    const std::string& stem, const std::string& output_folder,
                                                    DiagnosticSink& sink, bool& refused) {
  namespace fs = std::filesystem;
  std::string problem;
  auto published_stem = fs::path(published_path).stem().string();
  auto beside = (fs::path(published_path).parent_path() / backends::amendments_list_name(published_stem)).string();
  std::string where = beside;
  auto text = previous.reader().read(beside, problem);
  if (!text && problem == no_such_file) {
    // Read apart from the build's own reader: this file is one the build replaces.
    DiskFileReader published_folder;
    where = (fs::path(output_folder) / backends::amendments_list_name(stem)).string();
    text = published_folder.read(where, problem);
    if (!text && problem == no_such_file) return {};
  }
  std::optional<std::vector<backends::Amendment>> entries;
  if (text) entries = backends::read_amendments_json(*text, problem);
  if (!entries) {
    auto& d = sink.report(Code::I001, std::nullopt, fmt::format("cannot read the amendments published in {}: {}", where, problem));
    d.file_path = where;
    d.suggestion = "restore the file as escc wrote it, or remove it to start the list of amendments again";
    refused = true;
    return {};
  }
  return std::move(*entries);
}

// Each protocol's amendments, in the order of `run.files`: the change in meaning from its
// published version (read and checked like the protocol itself), before those published
// earlier. A published version with errors, whose meaning cannot be known, stops the build.
std::vector<backends::Amendments> protocol_amendments(const CheckRun& run, SourceManager& sources, DiagnosticSink& sink,
                                                const BuildOptions& options, bool& refused) {
  auto& previous = *options.previous;
  std::vector<std::string> published_paths;
  std::vector<std::size_t> published_index(run.files.size(), run.files.size());
  for (std::size_t f = 0; f < run.files.size(); ++f) {
    if (auto path = previous.published(run.files[f].path)) {
      published_index[f] = published_paths.size();
      published_paths.push_back(*path);
    }
  }
  DiagnosticSink published_sink;
  auto published = check_files(published_paths, previous.reader(), sources, published_sink, options.check);
  if (published.io_problem || published_sink.errors() > 0) {
    for (auto diagnostic : published_sink.diagnostics()) {
      if (diagnostic.severity != Severity::error) continue;
      diagnostic.notes.push_back({std::nullopt, "in the published version given by --previous"});
      sink.add(std::move(diagnostic));
    }
    refused = true;
    return {};
  }
  std::vector<backends::Amendments> amendments;
  for (std::size_t f = 0; f < run.files.size() && !refused; ++f) {
    const auto& file = run.files[f];
    auto stem = std::filesystem::path(file.path).stem().string();
    std::optional<backends::Amendment> latest;
    std::vector<backends::Amendment> earlier;
    if (published_index[f] < published_paths.size()) {
      const auto& before = published.files[published_index[f]];
      auto changes = backends::said_for_readers(
          backends::changes_in_meaning(before.model, before.analyses, file.model, file.analyses), before.model, file.model);
      if (!changes.empty()) {
        latest = backends::amendment_of(stem, backends::meaning_hash(before.model, before.analyses), file.model,
                                        file.analyses, std::move(changes), options.check.today);
      }
      earlier = earlier_amendments(previous, published_paths[published_index[f]], stem, options.output_folder, sink, refused);
    }
    amendments.push_back(backends::amendments_of(stem, file.model, std::move(earlier), std::move(latest), options.check.today));
  }
  return amendments;
}

}  // namespace

std::vector<std::string> known_formats() {
  std::vector<std::string> formats;
  for (const auto& backend : backends::backends()) formats.emplace_back(backend.format);
  return formats;
}

std::vector<std::string> default_formats() {
  std::vector<std::string> formats;
  for (const auto& backend : backends::backends()) {
    if (!backend.on_request) formats.emplace_back(backend.format);
  }
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
  // Outputs are named after their protocol file, so two files of one name, or a
  // protocol called "index" beside the index page, would overwrite each other.
  std::map<std::string, std::string> stems;
  for (const auto& file : run.checked.files) {
    auto stem = std::filesystem::path(file.path).stem().string();
    auto clash = stems.find(stem);
    std::string problem;
    if (clash != stems.end()) {
      problem = fmt::format("{} and {} would both write {}.*", clash->second, file.path, stem);
    } else if (stem == "index" && any_wants(options, &backends::Backend::writes_index)) {
      problem = fmt::format("{} would overwrite the index page, index.html", file.path);
    }
    if (!problem.empty()) {
      auto& d = sink.report(Code::I006, std::nullopt, problem);
      d.file_path = file.path;
      d.suggestion = "rename one of the files, or build them into different folders";
      run.refused = true;
      return run;
    }
    stems.emplace(stem, file.path);
  }

  // Every chart is sized before Graphviz sees any, so that a chart too large to draw
  // stops the build before it could crash or stall it.
  std::vector<backends::Chart> charts;
  for (const auto& file : run.checked.files) charts.push_back(backends::chart_of(file.model, file.analyses));
  bool charted = any_wants(options, &backends::Backend::needs_chart);
  for (std::size_t f = 0; f < charts.size() && charted; ++f) {
    if (!backends::too_large_to_draw(charts[f])) continue;
    const auto& path = run.checked.files[f].path;
    auto& d = sink.report(Code::I012, std::nullopt,
                          fmt::format("the flow chart of {} would have {} boxes and {} arrows; escc draws charts of "
                                      "up to {} boxes and {} arrows, which is more than anyone can follow",
                                      path, charts[f].nodes.size(), charts[f].edges.size(),
                                      backends::max_chart_boxes, backends::max_chart_arrows));
    d.file_path = path;
    d.suggestion = "build the outputs that need no chart: escc build --emit cpp,json";
    run.refused = true;
  }
  if (run.refused) return run;
  std::vector<backends::Amendments> amendments;
  if (options.previous != nullptr) {
    amendments = protocol_amendments(run.checked, sources, sink, options, run.refused);
    if (run.refused) return run;
  }

  // Render everything first: a back-end that fails must not leave some files new and
  // others old.
  std::vector<std::string> dots;
  for (const auto& chart : charts) dots.push_back(backends::emit_dot(chart));
  std::vector<backends::Drawing> drawings(charts.size());
  bool svg = any_wants(options, &backends::Backend::draws_svg);
  bool png = any_wants(options, &backends::Backend::draws_png);
  if (svg || png) drawings = backends::draw_charts(dots, charts, svg, png, options.check.jobs);
  for (std::size_t f = 0; f < drawings.size(); ++f) {
    if (!drawings[f].problem) continue;
    const auto& path = run.checked.files[f].path;
    auto& d = sink.report(Code::I007, std::nullopt, fmt::format("cannot draw the flow chart of {}: {}", path, *drawings[f].problem));
    d.file_path = path;
    d.suggestion = "check that Graphviz is installed whole; as root, 'dot -c' registers its plugins again";
    run.io_problem = true;
    return run;
  }
  std::vector<std::pair<std::string, std::string>> outputs;
  std::vector<backends::IndexEntry> index;
  auto files_of = [&](const std::string& stem) {
    std::vector<std::string> files;
    for (const auto& format : options.emit) {
      files.push_back(stem + "." + std::string(backends::backend_named(format)->extension));
    }
    return files;
  };
  for (std::size_t f = 0; f < run.checked.files.size(); ++f) {
    const auto& file = run.checked.files[f];
    const auto& chart = charts[f];
    const auto& dot = dots[f];
    const auto& drawing = drawings[f];
    auto stem = std::filesystem::path(file.path).stem().string();
    auto files = files_of(stem);
    backends::ProtocolInput input{file.model, file.analyses, chart, dot, drawing, stem, file.path, files, file.findings,
                                  options.publisher_advice};
    if (!amendments.empty()) input.amendments = &amendments[f];
    input.today = options.check.today;
    for (const auto& format : options.emit) {
      const auto& backend = *backends::backend_named(format);
      auto target = std::filesystem::path(options.output_folder) / (stem + "." + std::string(backend.extension));
      outputs.emplace_back(target.string(), backend.emit(input));
    }
    if (input.amendments != nullptr) {
      auto in_folder = [&](const std::string& name) { return (std::filesystem::path(options.output_folder) / name).string(); };
      outputs.emplace_back(in_folder(backends::amendments_page_name(stem)), backends::emit_amendments_page(amendments[f]));
      outputs.emplace_back(in_folder(backends::amendments_feed_name(stem)), backends::emit_amendments_atom(amendments[f]));
      outputs.emplace_back(in_folder(backends::amendments_list_name(stem)), backends::emit_amendments_json(amendments[f]));
    }
    index.push_back(backends::index_entry({&file.model, file.findings, options.check.today}, stem, files_of(stem)));
  }
  // The style and script the fragments share, once for the folder.
  std::set<std::string> shared;
  for (const auto& format : options.emit) {
    const auto& backend = *backends::backend_named(format);
    if (backend.shared_files == nullptr || run.checked.files.empty()) continue;
    for (auto& file : backend.shared_files()) {
      auto target = (std::filesystem::path(options.output_folder) / file.name).string();
      if (shared.insert(target).second) outputs.emplace_back(target, std::move(file.text));
    }
  }
  if (options.previous != nullptr) {
    outputs.emplace_back((std::filesystem::path(options.output_folder) / std::string(backends::index_feed_name)).string(),
                         backends::emit_index_atom(amendments, options.check.today));
  }
  // A protocol named like another's amendments ("barnet-amendments.esc") would overwrite them.
  std::set<std::string> targets;
  for (const auto& output : outputs) {
    if (targets.insert(output.first).second) continue;
    auto& d = sink.report(Code::I006, std::nullopt, fmt::format("two outputs of this build would both be {}", output.first));
    d.file_path = output.first;
    d.suggestion = "rename one of the protocol files, or build them into different folders";
    run.refused = true;
    return run;
  }
  auto protocols_end = outputs.size();  // the index and the depfile follow
  if (any_wants(options, &backends::Backend::writes_index)) {
    // Pages that earlier builds left in the folder stay on the index, unless this build
    // replaces them.
    auto contents = writer.contents(options.output_folder);
    std::set<std::string> built;
    for (const auto& entry : index) built.insert(entry.stem);
    auto exists = [&](const std::string& name) { return contents.files.count(name) != 0; };
    for (const auto& [name, head] : contents.page_heads) {
      auto stem = name.substr(0, name.size() - 5);
      if (built.count(stem) != 0) continue;
      if (auto entry = backends::read_index_entry(head, stem, exists)) index.push_back(std::move(*entry));
    }
    std::sort(index.begin(), index.end(), [](const auto& a, const auto& b) { return a.stem < b.stem; });
    outputs.emplace_back((std::filesystem::path(options.output_folder) / "index.html").string(),
                         backends::emit_index(index, options.previous != nullptr));
  }
  if (!options.depfile.empty()) {
    auto full_path = [](const std::string& path) {
      std::error_code error;  // without a current folder, the paths are compared as written
      auto full = std::filesystem::absolute(path, error);
      return (error ? std::filesystem::path(path) : full).lexically_normal();
    };
    auto depfile = full_path(options.depfile);
    std::vector<std::string> written_here = {options.output_folder};
    for (const auto& output : outputs) written_here.push_back(output.first);
    for (const auto& path : written_here) {
      if (full_path(path) != depfile) continue;
      auto& d = sink.report(Code::I005, std::nullopt,
                            fmt::format("cannot write the depfile {}: it would replace {}, which this build writes",
                                        options.depfile, path));
      d.file_path = options.depfile;
      run.io_problem = true;
      return run;
    }
    outputs.emplace_back(options.depfile, depfile_text(outputs, run.checked, sources));
  }
  // Nothing is written unless everything can be: an output that would replace a file
  // this run reads, or be written through a link, stops the build before its first file.
  for (const auto& output : outputs) {
    if (auto problem = writer.refusal(output.first)) {
      auto& d = sink.report(Code::I005, std::nullopt, fmt::format("cannot write {}: {}", output.first, *problem));
      d.file_path = output.first;
      run.io_problem = true;
      return run;
    }
  }
  // The protocols' files are written `jobs` at a time: writing a file is mostly waiting
  // for the disk to confirm it. The index and the depfile, which name them, follow once
  // every one of them is written.
  std::vector<std::optional<std::string>> problems(outputs.size());
  auto write = [&](std::size_t i) { problems[i] = writer.write(outputs[i].first, outputs[i].second); };
  run_tasks(protocols_end, options.check.jobs, write);
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const auto& path = outputs[i].first;
    if (i >= protocols_end) write(i);
    if (problems[i]) {
      auto& d = sink.report(Code::I005, std::nullopt, fmt::format("cannot write {}: {}", path, *problems[i]));
      d.file_path = path;
      run.io_problem = true;
      return run;
    }
    run.written.push_back(path);
  }
  return run;
}

}  // namespace esc
