// `escc build`: check protocols, then produce their outputs. Nothing is written when
// any protocol has errors, and every output is rendered, and asked of the writer,
// before the first is written.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/check.hpp"
#include "compiler/driver/output.hpp"
#include "compiler/driver/previous.hpp"

namespace esc {

// The formats `escc build --emit` knows, in the order the back-ends' table gives them.
std::vector<std::string> known_formats();
// Those written when --emit is not given: all but the ones written only on request.
std::vector<std::string> default_formats();

struct BuildOptions {
  CheckOptions check;
  std::string output_folder;
  std::vector<std::string> emit = default_formats();  // in the order written
  // When set, a Make/Ninja dependency file is written there too: every output depends
  // on the protocols and the files they use (the standard library is in escc itself).
  std::string depfile;
  // When set, each protocol is compared with its published version, and its amendments
  // written: NAME-amendments.html, .atom and .json, amendments.atom, and a section of
  // the page. A published version with errors stops the build.
  PublishedVersions* previous = nullptr;
  // The publisher's own advice for the pages' "who to contact now", shown as theirs.
  std::string publisher_advice;
};

struct BuildRun {
  CheckRun checked;
  std::vector<std::string> written;  // paths, in order
  bool refused = false;              // errors in the input: nothing written
  bool io_problem = false;
};

BuildRun build_files(const std::vector<std::string>& paths, FileReader& reader, OutputWriter& writer,
                     SourceManager& sources, DiagnosticSink& sink, const BuildOptions& options);

}  // namespace esc
