// `escc serve`: the pages of a folder's protocols over HTTP, rebuilt as files are saved
// and pushed to open pages with server-sent events. Only the pages Site builds are
// served, by name; no request can name a file on disk.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "compiler/driver/check.hpp"

namespace esc::serve {

struct ServeOptions {
  std::string folder;
  std::string host = "127.0.0.1";
  int port = 8000;  // 0: any free port
  CheckOptions check;
};

// Why a request path names no page, in words for the reader; nothing when `path` is
// "/" or "/NAME" with a NAME that could be a page's.
std::optional<std::string> refused_path(const std::string& path);

// The page a path that refused_path() accepts asks for: "index.html" for "/".
std::string page_name(const std::string& path);

// Whether `host` is this machine alone (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

// Serves until SIGINT or SIGTERM. `say` gets each line for the user (where it is
// served, rebuilds, problems). Returns the exit status: 0 stopped, 2 could not serve.
int serve(const ServeOptions& options, const std::function<void(const std::string&)>& say);

}  // namespace esc::serve
