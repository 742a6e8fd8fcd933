# What `cmake --install` puts under the prefix, and the Debian package made of it
# (`make package`): the program, its manual page, the runtime headers and a CMake
# package, so that a case-management project needs only find_package(escc).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Debian's manual pages are compressed; man reads them either way.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/escc.1.gz
  COMMAND gzip -9nc ${CMAKE_BINARY_DIR}/escc.1 > ${CMAKE_BINARY_DIR}/escc.1.gz
  DEPENDS ${CMAKE_BINARY_DIR}/escc.1)
add_custom_target(manual_page_compressed ALL DEPENDS ${CMAKE_BINARY_DIR}/escc.1.gz)

install(TARGETS escc EXPORT esccTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS escc_runtime EXPORT esccTargets)
install(DIRECTORY runtime/escc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_BINARY_DIR}/escc.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# lib/cmake/escc whatever the architecture: the package holds no library, only a
# program and headers, so one place on every prefix.
set(ESCC_CMAKE_PACKAGE_DIR lib/cmake/escc)
install(EXPORT esccTargets NAMESPACE escc:: DESTINATION ${ESCC_CMAKE_PACKAGE_DIR})
# Before 1.0 a new minor version may change the language and the generated tables
# (semantic versioning's rule for 0.y.z), so find_package(escc 0.2) accepts 0.2.x only;
# from 1.0 on, any later version of the same major.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(ESCC_COMPATIBILITY SameMinorVersion)
else()
  set(ESCC_COMPATIBILITY SameMajorVersion)
endif()
# ARCH_INDEPENDENT: a 32-bit consumer can run the program and include the headers too.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/esccConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${ESCC_COMPATIBILITY} ARCH_INDEPENDENT)
install(FILES cmake/esccConfig.cmake cmake/Escc.cmake ${CMAKE_BINARY_DIR}/esccConfigVersion.cmake
  DESTINATION ${ESCC_CMAKE_PACKAGE_DIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME escc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "escc maintainers <maintainers@users.noreply.b-seed-5336d1b7.example>")
# A compiler with a C++ runtime and a CMake package, as Debian files such tools.
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checker and compiler for safeguarding escalation protocols")
set(CPACK_PACKAGE_DESCRIPTION
  "escc checks multi-agency safeguarding escalation protocols written in .esc files:
every stage reachable, timeframes that add up, someone to contact at every
stage. It builds each protocol's pages for the partnership's website, its flow
chart, and C++ tables that case-management software follows a case with, using
the header-only runtime and the CMake package installed with it.")
# The libraries escc links, as dpkg-shlibdeps finds them; and the British English
# dictionary, which escc reads at run time to check the spelling of the document's
# quotes (D002): without it that check would silently not run.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS hunspell-en-gb)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
