# escc_add_protocol: turn a protocol into a C++ header and an HTML directory at build
# time, for case-management software built with CMake.
#
#   include(path/to/escc/cmake/Escc.cmake)
#   escc_add_protocol(our_protocol protocols/our-area.esc [INCLUDE folder...] [ESCC path/to/escc])
#   target_link_libraries(case_manager PRIVATE our_protocol)
#   // then: #include "our-area.hpp" (namespace escc_ourZ2Darea, see docs/outputs.md)
#   // and #include "escc/runtime.hpp"
#
# The header and the page are written to ${CMAKE_CURRENT_BINARY_DIR}/escc/<target>/,
# and rebuilt when the protocol or any file it uses changes (escc writes a depfile).
# escc is found as the `escc` target of the same build, else on the PATH, unless ESCC
# names it.

set(ESCC_RUNTIME_DIR "${CMAKE_CURRENT_LIST_DIR}/../runtime" CACHE PATH "The folder holding escc/runtime.hpp")

function(escc_add_protocol target protocol)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "ESCC" "INCLUDE")
  if(ARG_ESCC)
    set(escc "${ARG_ESCC}")
    set(escc_dependency "${ARG_ESCC}")
  elseif(TARGET escc)
    set(escc "$<TARGET_FILE:escc>")
    set(escc_dependency escc)
  else()
    find_program(ESCC_EXECUTABLE escc REQUIRED)
    set(escc "${ESCC_EXECUTABLE}")
    set(escc_dependency "${ESCC_EXECUTABLE}")
  endif()
  get_filename_component(source "${protocol}" ABSOLUTE)
  get_filename_component(stem "${protocol}" NAME_WE)
  set(folder "${CMAKE_CURRENT_BINARY_DIR}/escc/${target}")
  set(includes "")
  foreach(include IN LISTS ARG_INCLUDE)
    get_filename_component(include "${include}" ABSOLUTE)
    list(APPEND includes -I "${include}")
  endforeach()
  add_custom_command(
    OUTPUT "${folder}/${stem}.hpp" "${folder}/${stem}.html" "${folder}/index.html"
    COMMAND "${escc}" build "${source}" -o "${folder}" --emit cpp,html --depfile "${folder}/${stem}.d" ${includes}
    DEPENDS "${source}" ${escc_dependency}
    DEPFILE "${folder}/${stem}.d"
    COMMENT "escc: ${stem}.hpp and ${stem}.html from ${protocol}"
    VERBATIM)
  add_custom_target(${target}_files DEPENDS "${folder}/${stem}.hpp" "${folder}/${stem}.html")
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_files)
  target_include_directories(${target} INTERFACE "${folder}" "${ESCC_RUNTIME_DIR}")
  target_compile_features(${target} INTERFACE cxx_std_17)
endfunction()
