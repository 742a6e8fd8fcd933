# escc_add_protocol: turn a protocol into a C++ header and an HTML directory at build
# time, for case-management software built with CMake.
#
#   find_package(escc 0.2 REQUIRED)
#   escc_add_protocol(our_protocol protocols/our-area.esc [INCLUDE folder...] [ESCC path/to/escc])
#   target_link_libraries(case_manager PRIVATE our_protocol)
#   // then: #include "our-area.hpp" (namespace escc_ourZ2Darea, see docs/outputs.md)
#   // and #include "escc/runtime.hpp"
#
# The header and the page are written to ${CMAKE_CURRENT_BINARY_DIR}/escc/<target>/,
# and rebuilt when the protocol or any file it uses changes (escc writes a depfile).
# escc is the escc::escc target (the installed program, or the escc of the same build),
# unless ESCC names another; the runtime headers come from the escc::runtime target.
# find_package(escc) includes this file from the installed package (esccConfig.cmake).

function(escc_add_protocol target protocol)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "ESCC" "INCLUDE")
  if(ARG_ESCC)
    set(escc "${ARG_ESCC}")
  elseif(TARGET escc::escc)
    set(escc escc::escc)
  else()
    message(FATAL_ERROR "escc_add_protocol: no escc; call find_package(escc) first, or give ESCC path/to/escc")
  endif()
  if(NOT TARGET escc::runtime)
    message(FATAL_ERROR "escc_add_protocol: no escc::runtime; call find_package(escc) first")
  endif()
  get_filename_component(source "${protocol}" ABSOLUTE)
  get_filename_component(stem "${protocol}" NAME_WE)
  set(folder "${CMAKE_CURRENT_BINARY_DIR}/escc/${target}")
  set(includes "")
  foreach(include IN LISTS ARG_INCLUDE)
    get_filename_component(include "${include}" ABSOLUTE)
    list(APPEND includes -I "${include}")
  endforeach()
  # A target named in COMMAND and DEPENDS (imported or not) runs as its file, and a
  # new escc rebuilds the outputs.
  add_custom_command(
    OUTPUT "${folder}/${stem}.hpp" "${folder}/${stem}.html" "${folder}/index.html"
    COMMAND "${escc}" build "${source}" -o "${folder}" --emit cpp,html --depfile "${folder}/${stem}.d" ${includes}
    DEPENDS "${source}" "${escc}"
    DEPFILE "${folder}/${stem}.d"
    COMMENT "escc: ${stem}.hpp and ${stem}.html from ${protocol}"
    VERBATIM)
  add_custom_target(${target}_files DEPENDS "${folder}/${stem}.hpp" "${folder}/${stem}.html")
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_files)
  target_include_directories(${target} INTERFACE "${folder}")
  target_link_libraries(${target} INTERFACE escc::runtime)
endfunction()
