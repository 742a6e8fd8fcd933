# Writes a C++ file holding every stdlib/*.esc text, so `use std.NAME` never depends
# on files installed beside the binary.
# Called as: cmake -DSTDLIB_DIR=... -DOUTPUT=... -P embed_stdlib.cmake
file(GLOB_RECURSE modules RELATIVE "${STDLIB_DIR}" "${STDLIB_DIR}/*.esc")
list(SORT modules)
set(body "")
foreach(module IN LISTS modules)
  file(READ "${STDLIB_DIR}/${module}" text)
  string(REGEX REPLACE "\\.esc$" "" name "${module}")
  string(REPLACE "/" "." name "std.${name}")
  # Quoted text could in principle hold the raw-string delimiter; refuse rather than
  # emit broken C++.
  string(FIND "${text}" ")esc_module\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "stdlib/${module} contains the embedding delimiter")
  endif()
  string(APPEND body "      {\"${name}\", \"stdlib/${module}\", R\"esc_module(${text})esc_module\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from stdlib/*.esc by cmake/embed_stdlib.cmake. Do not edit.
#include \"compiler/stdlib.hpp\"

namespace esc {

const std::vector<StdlibModule>& stdlib_modules() {
  static const std::vector<StdlibModule> modules = {
${body}  };
  return modules;
}

}  // namespace esc
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
