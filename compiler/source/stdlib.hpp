// The standard library, compiled into the binary from stdlib/*.esc.
#pragma once

#include <string>
#include <vector>

namespace esc {

struct StdlibModule {
  std::string name;  // "std.calendars.england_and_wales"
  std::string path;  // "stdlib/calendars/england_and_wales.esc", shown in diagnostics
  std::string_view text;
};

const std::vector<StdlibModule>& stdlib_modules();

}  // namespace esc
