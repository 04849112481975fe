# Installing and packaging: the tool (cli/CMakeLists.txt installs it, its man page and
# completions), the libraries with their public headers and a CMake package, the docs, and
# CPack's .deb. Included at the end of the top-level CMakeLists.txt.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BLOGCONV_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/blogconv)
set(BLOGCONV_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/blogconv)

# --- Public headers: the entry points and everything they include, found at configure time so
# that a header another engineer adds to an include chain is installed without editing this file.
function(blogconv_header_closure out)
  set(todo ${ARGN})
  set(seen)
  while(todo)
    list(POP_FRONT todo header)
    if(header IN_LIST seen OR NOT EXISTS ${PROJECT_SOURCE_DIR}/${header})
      continue()
    endif()
    list(APPEND seen ${header})
    file(STRINGS ${PROJECT_SOURCE_DIR}/${header} lines REGEX "^#include \"(ir|readers|writers)/[^\"]+\\.h\"")
    foreach(line ${lines})
      string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" inc "${line}")
      list(APPEND todo ${inc})
    endforeach()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()
file(GLOB _blogconv_ir_headers RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/ir/*.h)
blogconv_header_closure(BLOGCONV_PUBLIC_HEADERS ${_blogconv_ir_headers} readers/jekyll_site.h writers/registry.h)
foreach(header ${BLOGCONV_PUBLIC_HEADERS})
  get_filename_component(dir ${header} DIRECTORY)
  install(FILES ${PROJECT_SOURCE_DIR}/${header} DESTINATION ${BLOGCONV_INSTALL_INCLUDEDIR}/${dir}
          COMPONENT development)
endforeach()

# --- The libraries and the exported package: blogconv::ir, ::readers, ::writers, ::blogconv (all).
set_target_properties(blogconv_ir PROPERTIES EXPORT_NAME ir)
set_target_properties(blogconv_readers PROPERTIES EXPORT_NAME readers)
set_target_properties(blogconv_writers PROPERTIES EXPORT_NAME writers)
# Linked privately, so a consumer sees only its link options (none unless sanitizing), never -Werror.
set_target_properties(blogconv_warnings PROPERTIES EXPORT_NAME warnings)
add_library(blogconv_library INTERFACE)
set_target_properties(blogconv_library PROPERTIES EXPORT_NAME blogconv)
target_link_libraries(blogconv_library INTERFACE blogconv_readers blogconv_writers)
install(TARGETS blogconv_ir blogconv_readers blogconv_writers blogconv_warnings blogconv_library
        EXPORT blogconvTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        INCLUDES DESTINATION ${BLOGCONV_INSTALL_INCLUDEDIR})
install(EXPORT blogconvTargets NAMESPACE blogconv:: DESTINATION ${BLOGCONV_INSTALL_CMAKEDIR}
        COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/blogconvConfig.cmake.in
  ${PROJECT_BINARY_DIR}/blogconvConfig.cmake INSTALL_DESTINATION ${BLOGCONV_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/blogconvConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/blogconvConfig.cmake ${PROJECT_BINARY_DIR}/blogconvConfigVersion.cmake
        DESTINATION ${BLOGCONV_INSTALL_CMAKEDIR} COMPONENT development)

# --- Docs: the recipes, beside the man page's SEE ALSO.
file(GLOB _blogconv_docs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE ${_blogconv_docs}
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

# --- The install test: install into a temporary prefix, build examples/convert against it, run it.
if(BLOGCONV_BUILD_TESTS)
  add_test(NAME install_test
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/install_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties(install_test PROPERTIES TIMEOUT 600 COST 10)  # see tests/CMakeLists.txt
endif()

# --- CPack: `cpack -G DEB` in the build folder makes two packages, as Debian splits them:
#   blogconv_<version>_amd64.deb      the tool, its man page, completions and docs;
#   blogconv-dev_<version>_amd64.deb  the static libraries, headers and CMake package.
set(CPACK_PACKAGE_NAME blogconv)
set(CPACK_PACKAGE_VERSION ${BLOGCONV_DEB_VERSION})
set(CPACK_PACKAGE_VENDOR "blogconv")
set(CPACK_PACKAGE_CONTACT "blogconv maintainers <blogconv@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Convert a Jekyll blog to Atom/RSS/JSON Feed, EPUB, standalone HTML or Hugo")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/blogconv")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME blogconv)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
    "Convert a Jekyll blog to Atom/RSS/JSON Feed, EPUB, standalone HTML or Hugo\n"
    "blogconv reads a Jekyll site the way jekyll build does (front matter, Liquid, kramdown-style Markdown, "
    "permalinks, dates) and writes feeds, an EPUB book, one self-contained HTML file or a Hugo site. "
    "`blogconv check` reports every problem in a site before a deploy.")
# dpkg-shlibdeps finds libcmark-gfm*, libyaml-cpp0.7, libre2-9, libpugixml1v5, libzip4, libdeflate0, libdate-tz3,
# libtcmalloc-minimal4 (the executable only), libc6
# and libstdc++6; tzdata is read at run time by date/tz.h, not linked, so it is named here.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "man-db, bash-completion")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME blogconv-dev)
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
    "blogconv as a C++ library: the Jekyll reader, the document IR and the writers\n"
    "Static libraries, headers under /usr/include/blogconv and a CMake package: find_package(blogconv) and "
    "link blogconv::blogconv.")
# What find_package(blogconv) looks for (cmake/blogconvConfig.cmake.in).
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libcmark-gfm-dev, libyaml-cpp-dev, libre2-dev, libpugixml-dev, libzip-dev, libdeflate-dev, libhowardhinnant-date-dev, nlohmann-json3-dev, pkgconf | pkg-config")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)

set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/out/")
include(CPack)
