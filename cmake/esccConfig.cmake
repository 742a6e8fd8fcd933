# find_package(escc): the escc program (escc::escc), the header-only runtime
# (escc::runtime) and escc_add_protocol, all from the install prefix.
include("${CMAKE_CURRENT_LIST_DIR}/esccTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/Escc.cmake")
