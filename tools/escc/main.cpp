// The escc command line: argv, output streams and exit codes. Everything a library
// user would need lives in compiler/; this file only wires it to a terminal.
//
// Exit codes: 0 no errors, 1 errors found in the input, 2 usage or I/O problems.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "compiler/analysis/deadlines.hpp"
#include "compiler/analysis/semantic_diff.hpp"
#include "compiler/analysis/trace.hpp"
#include "compiler/backends/deadlines_report.hpp"
#include "compiler/backends/diff_report.hpp"
#include "compiler/backends/meaning_diff.hpp"
#include "compiler/backends/registry.hpp"
#include "compiler/backends/trace_report.hpp"
#include "compiler/driver/build.hpp"
#include "compiler/driver/check.hpp"
#include "compiler/driver/deadlines_command.hpp"
#include "compiler/driver/output.hpp"
#include "compiler/driver/starter.hpp"
#include "compiler/findings/baseline.hpp"
#include "compiler/findings/explain.hpp"
#include "compiler/findings/render.hpp"
#include "compiler/lsp/server.hpp"
#include "compiler/model/dates.hpp"
#include "compiler/serve/server.hpp"
#include "compiler/source/encoding.hpp"
#include "compiler/source/inputs.hpp"
#include "compiler/syntax/ast_dump.hpp"
#include "compiler/syntax/format.hpp"
#include "compiler/syntax/parser.hpp"
#include "tools/escc/completion.hpp"
#include "tools/escc/source_commit.hpp"

namespace {

constexpr int exit_clean = 0;
constexpr int exit_input_errors = 1;
constexpr int exit_usage = 2;

// What escc prints quotes protocols and file names, which may hold terminal control
// sequences: text is printed through printable(), JSON with those characters escaped.
void print_text(std::ostream& out, std::string_view text) { out << esc::printable(text); }
void print_json(std::ostream& out, std::string_view json) { out << esc::json_printable(json); }

// A line for the user on standard error: paths and problems quote what the user and
// the file system gave, which is shown as printable() makes it.
template <typename... Parts>
void complain(const Parts&... parts) {
  std::ostringstream message;
  (message << ... << parts);
  std::cerr << "escc: " << esc::printable(message.str()) << '\n';
}

bool want_colour(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && no_colour[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// --today has been validated by the command line; the default is the system date.
std::int64_t today_from(const std::string& text) {
  if (auto date = esc::parse_iso_date(text)) return esc::day_number(*date);
  auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
}

struct CheckCommand {
  std::vector<std::string> files;
  std::string today;
  bool deny_warnings = false;
  std::vector<std::string> search_roots;
  std::string format = "human";
  std::string colour = "auto";
  std::string baseline;
  std::string write_baseline;
  unsigned jobs = 0;  // 0: one per core
};

void print_findings(const CheckCommand& options, const esc::DiagnosticSink& sink, const esc::SourceManager& sources) {
  if (options.format == "json") {
    print_json(std::cout, esc::render_json(sink.diagnostics(), sources));
  } else if (options.format == "sarif") {
    print_json(std::cout, esc::render_sarif(sink.diagnostics(), sources, ESCC_VERSION));
  } else if (options.format == "github") {
    print_text(std::cout, esc::render_github(sink.diagnostics(), sources));
  } else {
    esc::HumanStyle style{want_colour(options.colour)};
    for (const auto& diagnostic : sink.diagnostics()) {
      if (diagnostic.counts()) std::cout << esc::render_human(diagnostic, sources, style) << '\n';
    }
    std::cout << esc::render_summary(sink, options.files.size(), style);
  }
  std::cout.flush();
}

esc::CheckOptions check_options_of(const CheckCommand& options) {
  esc::CheckOptions check_options;
  check_options.load.search_roots = options.search_roots;
  check_options.today = today_from(options.today);
  check_options.jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  return check_options;
}

// A folder given to -I that is not there would leave every `use` meant for it "not
// found", far from the mistake.
bool search_roots_exist(const std::vector<std::string>& roots) {
  for (const auto& root : roots) {
    std::error_code error;
    auto status = std::filesystem::status(root, error);
    if (!std::filesystem::exists(status)) {
      complain("the folder ", root, " given to -I does not exist");
      return false;
    }
    if (!std::filesystem::is_directory(status)) {
      complain(root, " given to -I is not a folder");
      return false;
    }
  }
  return true;
}

// Folders on the command line stand for every .esc file below them.
bool expand_folders(std::vector<std::string>& files) {
  auto inputs = esc::expand_inputs(files);
  if (inputs.problem) {
    complain(*inputs.problem);
    return false;
  }
  files = std::move(inputs.files);
  return true;
}

int run_check(CheckCommand options) {
  if (!search_roots_exist(options.search_roots) || !expand_folders(options.files)) return exit_usage;
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto check_options = check_options_of(options);
  check_options.keep_models = false;
  auto run = esc::check_files(options.files, reader, sources, sink, check_options);
  if (!options.baseline.empty()) {
    std::string problem;
    auto text = reader.read(options.baseline, problem);
    if (!text) {
      complain("cannot read the baseline ", options.baseline, ": ", problem);
      return exit_usage;
    }
    if (auto not_a_baseline = esc::apply_baseline(*text, options.baseline, sink, sources)) {
      complain(*not_a_baseline);
      return exit_usage;
    }
  }
  // Never over a protocol, a file one uses, or the baseline just read.
  esc::AtomicFileWriter writer(reader);
  if (!options.write_baseline.empty()) {
    if (auto problem = writer.refusal(options.write_baseline)) {
      complain("cannot write ", options.write_baseline, ": ", *problem);
      return exit_usage;
    }
  }
  print_findings(options, sink, sources);
  if (run.io_problem) return exit_usage;
  if (!options.write_baseline.empty()) {
    if (auto problem = writer.write(options.write_baseline, esc::baseline_of(sink, sources))) {
      complain("cannot write ", options.write_baseline, ": ", *problem);
      return exit_usage;
    }
  }
  bool failed = sink.errors() > 0 || (options.deny_warnings && sink.count(esc::Severity::warning) > 0);
  return failed ? exit_input_errors : exit_clean;
}

struct BuildCommand {
  CheckCommand check;
  std::string output_folder;
  std::vector<std::string> emit;
  std::string depfile;
  std::string previous;
  std::string publisher_advice;
};

int run_build(BuildCommand options) {
  if (!search_roots_exist(options.check.search_roots) || !expand_folders(options.check.files)) return exit_usage;
  if (auto problem = esc::output_folder_problem(options.output_folder)) {
    complain("cannot use ", options.output_folder, " as the output folder: ", *problem);
    return exit_usage;
  }
  esc::DiskFileReader reader;
  // Never over a protocol or a file one uses.
  esc::AtomicFileWriter writer(reader);
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  esc::BuildOptions build_options;
  build_options.check = check_options_of(options.check);
  build_options.output_folder = options.output_folder;
  if (!options.emit.empty()) build_options.emit = options.emit;
  build_options.depfile = options.depfile;
  std::unique_ptr<esc::PublishedVersions> previous;
  if (!options.previous.empty()) {
    std::string problem;
    auto near = options.check.files.empty() ? std::string("escc.esc") : options.check.files.front();
    previous = esc::PublishedVersions::open(options.previous, near, problem);
    if (!previous) {
      complain("cannot compare with --previous ", options.previous, ": ", problem);
      return exit_usage;
    }
    build_options.previous = previous.get();
  }
  build_options.publisher_advice = options.publisher_advice;
  auto run = esc::build_files(options.check.files, reader, writer, sources, sink, build_options);
  print_findings(options.check, sink, sources);
  if (run.io_problem) return exit_usage;
  if (run.refused) {
    complain("nothing was written, because of the errors above");
    return exit_input_errors;
  }
  if (options.check.format == "human") {
    print_text(std::cout, fmt::format("escc: wrote {} file{} to {}\n", run.written.size(),
                                      run.written.size() == 1 ? "" : "s", options.output_folder));
  }
  bool failed = options.check.deny_warnings && sink.count(esc::Severity::warning) > 0;
  return failed ? exit_input_errors : exit_clean;
}

int run_serve(esc::serve::ServeOptions options, const std::vector<std::string>& search_roots) {
  if (!search_roots_exist(search_roots)) return exit_usage;
  std::error_code error;
  if (!std::filesystem::is_directory(options.folder, error)) {
    complain(options.folder, " is not a folder; escc serve shows the protocols in a folder");
    return exit_usage;
  }
  // The pages name people, telephone numbers and addresses: shown to this computer
  // alone unless the user asks for another address, and warned of what that means.
  if (!esc::serve::is_loopback(options.host)) {
    complain("serving on ", options.host, " because --host asked for it: anyone who can reach this computer ",
             "there can read these protocols' pages");
  }
  options.check.load.search_roots = search_roots;
  options.check.today = today_from("");
  return esc::serve::serve(options, [](const std::string& line) {
    print_text(std::cout, "escc: " + line + "\n");
    std::cout.flush();
  });
}

int run_init(const std::string& folder, const esc::StarterOptions& options) {
  auto result = esc::write_starter(folder, options);
  for (const auto& path : result.written) print_text(std::cout, "escc: wrote " + path + "\n");
  for (const auto& path : result.skipped) print_text(std::cout, "escc: skipped " + path + ": it is there already\n");
  if (result.problem) {
    complain(*result.problem);
    return exit_usage;
  }
  if (!result.written.empty()) {
    print_text(std::cout, "escc: next, write the protocol's title in " + folder + "/protocols/" + options.protocol_name +
                              ".esc and run 'escc check protocols' there; README.md says the rest\n");
  }
  return exit_clean;
}

int run_parse(const std::string& path) {
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  std::string problem;
  auto text = reader.read(path, problem);
  if (!text) {
    complain("cannot read ", path, ": ", problem);
    return exit_usage;
  }
  auto id = sources.add(path, std::move(*text));
  auto syntax = esc::parse(sources.file(id), id, sink);
  esc::HumanStyle style{want_colour("auto")};
  for (const auto& diagnostic : sink.diagnostics()) std::cerr << esc::render_human(diagnostic, sources, style);
  if (sink.errors() > 0) return exit_input_errors;
  print_text(std::cout, esc::dump_ast(syntax, sources.file(id)));
  return exit_clean;
}

int run_explain(const std::string& code, bool list) {
  if (list || code.empty()) {
    for (const auto& info : esc::all_codes()) {
      std::cout << fmt::format("{}  {:<7}  {:<24}  {}\n", info.id, esc::severity_name(info.severity), info.name,
                               info.summary);
    }
    return exit_clean;
  }
  auto upper = code;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto page = esc::explanation(upper);
  if (!page) {
    complain("there is no finding with the code '", code, "'; 'escc explain --list' lists them all");
    return exit_usage;
  }
  std::cout << *page;
  return exit_clean;
}

struct DeadlinesCommand {
  std::string file;
  std::string start;
  std::string at;
  std::string case_kind;
  std::vector<std::string> search_roots;
  std::string format = "human";
  std::string colour = "auto";
};

// "14:30" -> minutes after midnight.
std::optional<int> minute_of_day(const std::string& text) {
  if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isdigit(static_cast<unsigned char>(text[1])) || !std::isdigit(static_cast<unsigned char>(text[3])) ||
      !std::isdigit(static_cast<unsigned char>(text[4]))) {
    return std::nullopt;
  }
  int hour = (text[0] - '0') * 10 + (text[1] - '0');
  int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  return hour * 60 + minute;
}

// For commands that need protocols without errors (deadlines, trace, diff): checks
// them, prints only the errors (warnings are `escc check`'s business) and says what
// could not be done; otherwise hands the checked run, and the sources its places point
// into, to `use`. Returns the exit status.
template <typename Use>
int with_checked_protocols(const std::vector<std::string>& files, esc::CheckOptions check_options,
                           const std::string& colour, std::string_view what, Use&& use) {
  if (!search_roots_exist(check_options.load.search_roots)) return exit_usage;
  esc::DiskFileReader reader;
  esc::SourceManager sources;
  esc::DiagnosticSink sink;
  auto run = esc::check_files(files, reader, sources, sink, check_options);
  if (run.io_problem || sink.errors() > 0) {
    esc::HumanStyle style{want_colour(colour)};
    for (const auto& d : sink.diagnostics()) {
      if (d.severity == esc::Severity::error) std::cerr << esc::render_human(d, sources, style) << '\n';
    }
    complain("no ", what, ", because of the errors above");
    return run.io_problem ? exit_usage : exit_input_errors;
  }
  return use(run, sources);
}

esc::CheckOptions searching(const std::vector<std::string>& search_roots) {
  esc::CheckOptions check_options;
  check_options.load.search_roots = search_roots;
  return check_options;
}

int run_deadlines(const DeadlinesCommand& options) {
  auto check_options = searching(options.search_roots);
  check_options.today = esc::day_number(*esc::parse_iso_date(options.start));
  return with_checked_protocols(
      {options.file}, check_options, options.colour, "deadlines",
      [&](const esc::CheckRun& run, const esc::SourceManager& sources) {
        esc::HumanStyle style{want_colour(options.colour)};
        esc::analysis::DeadlineOptions deadline_options;
        deadline_options.start = check_options.today;
        if (!options.at.empty()) deadline_options.minute = minute_of_day(options.at);
        if (options.case_kind == "open") deadline_options.case_kind = esc::model::CaseKind::open_cases;
        if (options.case_kind == "new") deadline_options.case_kind = esc::model::CaseKind::new_referrals;
        const auto& model = run.files.at(0).model;
        esc::DiagnosticSink notes;
        auto deadlines = esc::deadlines_with_findings(model, run.files.at(0).analyses, deadline_options, notes);
        if (options.format == "json") {
          auto report = nlohmann::ordered_json::parse(esc::backends::render_deadlines_json(deadlines, model));
          report["findings"] = nlohmann::ordered_json::parse(esc::render_json(notes.diagnostics(), sources));
          print_json(std::cout, report.dump(2) + '\n');
        } else {
          print_text(std::cout, esc::backends::render_deadlines_text(deadlines, model));
          for (const auto& d : notes.diagnostics()) std::cerr << esc::render_human(d, sources, style) << '\n';
        }
        return exit_clean;
      });
}

struct TraceCommand {
  std::string file;
  std::vector<std::string> search_roots;
  std::string format = "human";
  std::optional<double> min_coverage;
};

int run_trace(const TraceCommand& options) {
  return with_checked_protocols(
      {options.file}, searching(options.search_roots), "auto", "trace",
      [&](const esc::CheckRun& run, const esc::SourceManager& sources) {
        const auto& checked = run.files.at(0);
        auto trace = esc::analysis::trace_document(checked.model, checked.analyses);
        if (!trace) {
          complain(options.file,
                   " names no document to trace it against: add the plain text of the published "
                   "document to its protocol block, as in: document \"sources/our-protocol.txt\"");
          return exit_usage;
        }
        if (options.format == "json") {
          print_json(std::cout, esc::backends::render_trace_json(*trace, sources, options.file));
        } else if (options.format == "summary") {
          print_text(std::cout, esc::backends::render_trace_summary(*trace, options.file));
        } else {
          print_text(std::cout, esc::backends::render_trace_text(*trace, sources, options.file));
        }
        if (options.min_coverage && !trace->covers(*options.min_coverage)) {
          std::cout.flush();
          complain(options.file, ": ", trace->percent(), "% of the paragraphs of ", trace->document,
                   " are accounted for, below the ", *options.min_coverage, "% asked for with --min-coverage");
          return exit_input_errors;
        }
        return exit_clean;
      });
}

struct DiffCommand {
  std::string before;
  std::string after;
  std::string format = "text";
  std::vector<std::string> fail_on;
  std::vector<std::string> search_roots;
};

int run_diff(const DiffCommand& options) {
  return with_checked_protocols(
      {options.before, options.after}, searching(options.search_roots), "auto", "comparison",
      [&](const esc::CheckRun& run, const esc::SourceManager&) {
        auto changes = esc::backends::changes_in_meaning(run.files[0].model, run.files[0].analyses, run.files[1].model,
                                                         run.files[1].analyses);
        if (options.format == "markdown") {
          print_text(std::cout, esc::backends::render_diff_markdown(changes, options.before, options.after));
        } else if (options.format == "json") {
          print_json(std::cout, esc::backends::render_diff_json(changes, options.before, options.after));
        } else {
          print_text(std::cout, esc::backends::render_diff_text(changes, options.before, options.after));
        }
        for (const auto& change : changes) {
          auto name = std::string(esc::analysis::change_kind_name(change.kind));
          if (std::find(options.fail_on.begin(), options.fail_on.end(), name) != options.fail_on.end()) {
            return exit_input_errors;
          }
        }
        return exit_clean;
      });
}

struct FormatCommand {
  std::vector<std::string> files;
  bool check = false;
  bool diff = false;
};

int run_format(FormatCommand options) {
  if (!expand_folders(options.files)) return exit_usage;
  esc::DiskFileReader reader;
  // The file read is the file written: that is what formatting in place means.
  esc::AtomicFileWriter writer;
  esc::HumanStyle style{want_colour("auto")};
  std::size_t changed = 0;
  std::size_t unreadable = 0;
  for (const auto& path : options.files) {
    std::string problem;
    auto text = reader.read(path, problem);
    if (!text) {
      complain("cannot read ", path, ": ", problem);
      return exit_usage;
    }
    esc::SourceManager sources;
    esc::DiagnosticSink sink;
    auto id = sources.add(path, std::move(*text));
    const auto& source = sources.file(id);
    auto formatted = esc::format_protocol(source, id, sink);
    if (!formatted) {
      sink.sort();
      for (const auto& d : sink.diagnostics()) std::cerr << esc::render_human(d, sources, style) << '\n';
      ++unreadable;
      continue;
    }
    if (formatted->text == source.text()) continue;
    ++changed;
    if (options.diff) print_text(std::cout, esc::format_diff(path, source.text(), *formatted));
    if (options.check && !options.diff) print_text(std::cout, "escc: " + path + " is not formatted\n");
    if (options.check || options.diff) continue;
    if (auto failure = writer.write(path, formatted->text)) {
      complain("cannot write ", path, ": ", *failure);
      return exit_usage;
    }
  }
  if (unreadable > 0) {
    auto left = unreadable == 1 ? std::string("1 file was left as it is")
                                : std::to_string(unreadable) + " files were left as they are";
    complain(left, ", because of the errors above: escc formats only what it can read");
  }
  if (options.check || options.diff) return changed > 0 || unreadable > 0 ? exit_input_errors : exit_clean;
  std::cout << "escc: formatted " << changed << " of " << options.files.size() << " file"
            << (options.files.size() == 1 ? "" : "s") << "\n";
  return unreadable > 0 ? exit_input_errors : exit_clean;
}

// Text for roff: a '.' or '\'' starting a line would be read as a request, and '\'
// starts an escape.
std::string roff(std::string text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// The manual page, made from the same descriptions as --help, so the two cannot drift.
std::string manual_page(const CLI::App& app) {
  std::string page = ".TH ESCC 1 \"\" \"escc " ESCC_VERSION "\" \"User Commands\"\n";
  page += ".SH NAME\nescc \\- check safeguarding escalation protocols and build their outputs\n";
  page += ".SH SYNOPSIS\n.B escc\n.I COMMAND\n[\n.I OPTIONS\n]\n";
  page += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n";
  page += ".SH COMMANDS\n";
  for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    page += ".SS " + roff("escc " + command->get_name()) + "\n" + roff(command->get_description()) + "\n";
    for (const auto* option : command->get_options()) {
      if (option->get_name() == "--help") continue;
      auto name = option->get_name(false, true);
      page += ".TP\n.B " + roff(name.empty() ? option->get_name() : name) + "\n" + roff(option->get_description()) + "\n";
    }
  }
  page += ".SH EXIT STATUS\n0 no errors; 1 errors found in a protocol; 2 a usage or file problem.\n";
  page += ".SH SEE ALSO\nThe README and docs/ of escc; \n.B escc explain \\-\\-list\nfor every finding.\n";
  return page;
}

// An option that names a file or a folder. An empty name would quietly mean the current
// folder, or nothing at all.
template <typename Value>
void add_name_option(CLI::App* command, const std::string& option, Value& value, const std::string& description) {
  // One value each time the option is given, so that `-I folder area.esc` leaves
  // area.esc to be a protocol rather than a second folder.
  command->add_option(option, value, description)->allow_extra_args(false)->check([](const std::string& text) {
    return text.empty() ? std::string("give a name; an empty one names nothing") : std::string();
  });
}

void add_check_options(CLI::App* command, CheckCommand& options) {
  add_name_option(command, "-I,--include", options.search_roots,
                  "A folder to look in for files named by `use` (after the protocol's own folder)");
  command
      ->add_option("--today", options.today, "The date to judge review dates against (YYYY-MM-DD); default: today")
      ->check([](const std::string& text) {
        return esc::parse_iso_date(text) ? std::string() : std::string("give a date as YYYY-MM-DD, such as 2026-11-23");
      });
  command->add_flag("--deny-warnings", options.deny_warnings, "Exit with status 1 when there are warnings too");
  command
      ->add_option("-j,--jobs", options.jobs,
                   "How many protocols to work on at the same time (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  command
      ->add_option("--format", options.format,
                   "How to print findings: human, json, sarif (SARIF 2.1.0) or github (workflow annotations)")
      ->check(CLI::IsMember({"human", "json", "sarif", "github"}))
      ->capture_default_str();
  command->add_option("--color,--colour", options.colour, "Colour in human output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

int run(int argc, char** argv) {
  CLI::App app{
      "escc checks multi-agency safeguarding escalation protocols written in .esc files:\n"
      "every stage reachable, timeframes that add up, someone to contact at every stage."};
  app.name("escc");
  app.set_version_flag("--version",
                       std::string("escc ") + ESCC_VERSION + " (commit " + std::string(esc::source_commit()) + ")");
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 no errors, 1 errors found in a protocol, 2 a usage or file problem.\n"
      "Run 'escc COMMAND --help' for the options of one command.");

  CheckCommand check;
  auto* check_command = app.add_subcommand("check", "Check protocols and report what is wrong in them");
  check_command->add_option("files", check.files, "The .esc files to check, or folders to check every .esc file in")
      ->required();
  add_check_options(check_command, check);
  add_name_option(check_command, "--baseline", check.baseline,
                  "A file of accepted findings (from --write-baseline): only findings not in it count");
  add_name_option(check_command, "--write-baseline", check.write_baseline,
                  "Record today's warnings in a file, for --baseline");

  BuildCommand build;
  auto* build_command = app.add_subcommand("build", "Check protocols, then write their outputs to a folder");
  build_command->add_option("files", build.check.files, "The .esc files to build, or folders of them")->required();
  build_command->add_option("-o,--output", build.output_folder, "The folder to write to")
      ->required()
      ->check([](const std::string& text) {
        // An empty name would be the current folder.
        return text.empty() ? std::string("give the output folder's name, such as -o out") : std::string();
      });
  std::string emit_help = "Which outputs to write, separated by commas (default: all but those on request):";
  for (const auto& backend : esc::backends::backends()) {
    emit_help += fmt::format(" {} ({}),", backend.format, backend.help);
  }
  emit_help.back() = '.';
  build_command->add_option("--emit", build.emit, emit_help)
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember(esc::known_formats()));
  add_name_option(build_command, "--depfile", build.depfile,
                  "Also write a Make/Ninja dependency file: the outputs depend on each protocol and the files it uses");
  add_name_option(build_command, "--previous", build.previous,
                  "The published versions, a folder or a git revision such as a tag: also write each protocol's "
                  "amendments (what changed in meaning since), as a page, a section of its page and Atom feeds");
  build_command->add_option("--publisher-advice", build.publisher_advice,
                             "Your own advice for readers, shown in each page's \"Who to contact now\" as the "
                             "publisher's, not the protocol's (such as when to call 999)");
  add_check_options(build_command, build.check);

  DiffCommand diff;
  auto* diff_command = app.add_subcommand("diff", "Say what changed in meaning between two versions of a protocol");
  diff_command->add_option("before", diff.before, "The earlier version (.esc)")->required();
  diff_command->add_option("after", diff.after, "The later version (.esc)")->required();
  diff_command->add_option("--format", diff.format, "text (for a board), markdown (for a pull request) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  std::vector<std::string> change_names;
  for (auto kind : esc::analysis::all_change_kinds()) change_names.emplace_back(esc::analysis::change_kind_name(kind));
  diff_command
      ->add_option("--fail-on", diff.fail_on,
                   "Exit with status 1 when a change of these kinds is present, separated by commas, such as "
                   "timeframe-longer,contact-removed,out-of-hours-lost")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember(change_names));
  add_name_option(diff_command, "-I,--include", diff.search_roots, "A folder to look in for files named by `use`");

  FormatCommand format;
  auto* format_command = app.add_subcommand("fmt", "Lay protocols out in the one canonical way (only whitespace changes)");
  format_command->add_option("files", format.files, "The .esc files, or folders of them")->required();
  format_command->add_flag("--check", format.check, "Change nothing; exit with status 1 if a file is not formatted");
  format_command->add_flag("--diff", format.diff, "Change nothing; print what would change as a unified diff");

  DeadlinesCommand deadlines;
  auto* deadlines_command = app.add_subcommand(
      "deadlines", "Work out the date each stage is due by, and whom to contact then, for a disagreement raised on a date");
  deadlines_command->add_option("file", deadlines.file, "The .esc file")->required();
  deadlines_command
      ->add_option("--start", deadlines.start, "The day the disagreement is raised (YYYY-MM-DD)")
      ->required()
      ->check([](const std::string& text) {
        return esc::parse_iso_date(text) ? std::string() : std::string("give a date as YYYY-MM-DD, such as 2026-12-18");
      });
  deadlines_command
      ->add_option("--at", deadlines.at, "A time of day (HH:MM): list only the contacts who can be reached then")
      ->check([](const std::string& text) {
        return minute_of_day(text) ? std::string() : std::string("give a time as HH:MM, such as 14:30");
      });
  deadlines_command->add_option("--case", deadlines.case_kind, "The kind of case: open (an open case) or new (a new referral)")
      ->check(CLI::IsMember({"open", "new"}));
  add_name_option(deadlines_command, "-I,--include", deadlines.search_roots,
                  "A folder to look in for files named by `use`");
  deadlines_command->add_option("--format", deadlines.format, "human or json")
      ->check(CLI::IsMember({"human", "json"}))
      ->capture_default_str();
  deadlines_command->add_option("--color,--colour", deadlines.colour, "Colour in messages: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  TraceCommand trace;
  auto* trace_command = app.add_subcommand(
      "trace", "Show the protocol's document paragraph by paragraph, with the statements that rest on each, and the "
               "share of paragraphs its quotes account for");
  trace_command->add_option("file", trace.file, "The .esc file; its protocol block names the document")->required();
  trace_command
      ->add_option("--format", trace.format,
                   "human (the whole document), json, or summary (one line: the share accounted for)")
      ->check(CLI::IsMember({"human", "json", "summary"}))
      ->capture_default_str();
  trace_command
      ->add_option("--min-coverage", trace.min_coverage,
                   "Exit with status 1 when less than this percentage of the paragraphs is accounted for")
      ->check(CLI::Range(0.0, 100.0));
  add_name_option(trace_command, "-I,--include", trace.search_roots,
                  "A folder to look in for files named by `use` and `document`");

  std::string parse_path;
  auto* parse_command = app.add_subcommand("parse", "Print the syntax tree of one file, for tool builders");
  parse_command->add_option("file", parse_path, "The .esc file")->required();

  std::string help_topic;
  auto* help_command = app.add_subcommand("help", "Show the help of escc, or of one command");
  help_command->add_option("command", help_topic, "The command, such as build");
  auto* manual_command = app.add_subcommand("manual", "Print escc's manual page (roff), for man");

  std::string explain_code;
  bool explain_list = false;
  auto* explain_command = app.add_subcommand("explain", "Explain a finding's code in full, with examples");
  explain_command->add_option("code", explain_code, "The code, such as T001");
  explain_command->add_flag("--list", explain_list, "List every code");

  std::vector<std::string> lsp_search_roots;
  auto* lsp_command = app.add_subcommand(
      "lsp", "Answer an editor over the Language Server Protocol on standard input and output: findings as you "
             "type, hover, go to definition, completion, formatting");
  add_name_option(lsp_command, "-I,--include", lsp_search_roots, "A folder to look in for files named by `use`");
  // Editors start the server with --stdio; it is the only way escc speaks.
  bool lsp_stdio = true;
  lsp_command->add_flag("--stdio", lsp_stdio, "Speak over standard input and output (the default)");

  esc::serve::ServeOptions serve;
  serve.folder = ".";
  std::vector<std::string> serve_search_roots;
  auto* serve_command = app.add_subcommand(
      "serve", "Show the pages of every protocol in a folder in your browser, updated each time a file is saved");
  serve_command->add_option("folder", serve.folder, "The folder of protocols (default: the current folder)");
  serve_command->add_option("--host", serve.host,
                            "The address to serve on (default 127.0.0.1: this computer only)");
  serve_command->add_option("--port", serve.port, "The port to serve on, 0 for any free one (default 8000)")
      ->check(CLI::Range(0, 65535));
  add_name_option(serve_command, "-I,--include", serve_search_roots, "A folder to look in for files named by `use`");

  std::string init_folder = ".";
  esc::StarterOptions init;
  init.version = ESCC_VERSION;
  init.repository = ESCC_REPOSITORY;
  auto* init_command = app.add_subcommand(
      "init", "Start a board's repository: a protocol to fill in, a CI workflow, pre-commit hooks, a baseline and a "
              "README; files already there are left as they are");
  init_command->add_option("folder", init_folder, "The folder to start in (default: the current folder)")
      ->check([](const std::string& text) {
        return text.empty() ? std::string("give a folder's name; an empty one names nothing") : std::string();
      });
  init_command->add_option("--name", init.protocol_name, "The protocol's file name, without .esc")
      ->capture_default_str()
      ->check([](const std::string& text) { return esc::protocol_name_problem(text).value_or(""); });

  std::string completion_shell;
  auto* completion_command = app.add_subcommand(
      "completion", "Print a script that completes escc's commands and options in bash or zsh, such as: "
                    "source <(escc completion bash)");
  completion_command->add_option("shell", completion_shell, "bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return exit_usage;
  }
  try {
    if (check_command->parsed()) return run_check(check);
    if (lsp_command->parsed()) {
      esc::lsp::ServerOptions options;
      options.check.load.search_roots = lsp_search_roots;
      options.check.today = today_from("");
      return esc::lsp::serve(STDIN_FILENO, STDOUT_FILENO, options);
    }
    if (serve_command->parsed()) return run_serve(serve, serve_search_roots);
    if (build_command->parsed()) return run_build(build);
    if (deadlines_command->parsed()) return run_deadlines(deadlines);
    if (format_command->parsed()) return run_format(format);
    if (diff_command->parsed()) return run_diff(diff);
    if (trace_command->parsed()) return run_trace(trace);
    if (manual_command->parsed()) {
      std::cout << manual_page(app);
      return exit_clean;
    }
    if (help_command->parsed()) {
      if (help_topic.empty()) {
        std::cout << app.help();
        return exit_clean;
      }
      for (const auto* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->get_name() == help_topic) {
          std::cout << command->help();
          return exit_clean;
        }
      }
      complain("there is no command '", help_topic, "'; 'escc help' lists them");
      return exit_usage;
    }
    if (parse_command->parsed()) return run_parse(parse_path);
    if (init_command->parsed()) return run_init(init_folder, init);
    if (completion_command->parsed()) {
      std::cout << (completion_shell == "bash" ? escc_cli::bash_completion(app) : escc_cli::zsh_completion(app));
      return exit_clean;
    }
    if (explain_command->parsed()) return run_explain(explain_code, explain_list);
  } catch (const std::exception& error) {
    complain("internal error: ", error.what());
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  int status = run(argc, argv);
  // A report that never reached its reader (a full disk, a closed file) must not pass
  // for a clean run.
  std::cout.flush();
  bool lost = !std::cout;
  int error = 0;
  if (std::fflush(stdout) != 0) error = errno;
  if (lost || error != 0 || std::ferror(stdout) != 0) {
    std::cerr << "escc: cannot write to standard output" << (error != 0 ? std::string(": ") + std::strerror(error) : "")
              << "\n";
    return exit_usage;
  }
  return status;
}
