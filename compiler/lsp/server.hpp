// `escc lsp`: the Language Server Protocol over a pair of file descriptors. Findings as
// the author types, hover, definitions and references, completion, the outline,
// formatting, fixes and renaming, all read from the workspace's one check of each
// document (compiler/lsp/workspace.hpp).
#pragma once

#include "compiler/driver/check.hpp"

namespace esc::lsp {

struct ServerOptions {
  CheckOptions check;
  // Findings are sent once the editor has been quiet this long after an edit. Edits
  // already waiting are always taken first, and those sent while a check runs wait for
  // it, so a burst of keystrokes is checked once or twice even with no wait at all;
  // each millisecond waited is a millisecond later for every edit.
  int debounce_ms = 0;
};

// Serves until the editor says `exit` or closes its end. Gives the exit status: 0 after
// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
int serve(int input, int output, const ServerOptions& options);

}  // namespace esc::lsp
