# BLOGCONV_VERSION: what `blogconv --version` prints, from `git describe --tags --always --dirty`
# at configure time. A tag (v1.2.0) gives "1.2.0"; commits after it "1.2.0-3-gabc1234"; no tag at
# all "PROJECT_VERSION+gabc1234". Not a git checkout (a release tarball): PROJECT_VERSION.
# BLOGCONV_DEB_VERSION: the same as a Debian version ('-' would start a Debian revision).
set(BLOGCONV_VERSION ${PROJECT_VERSION})
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  execute_process(
    COMMAND ${GIT_EXECUTABLE} describe --tags --always --dirty
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    OUTPUT_VARIABLE _blogconv_describe
    OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _blogconv_describe_result
    ERROR_QUIET)
  if(_blogconv_describe_result EQUAL 0 AND _blogconv_describe)
    if(_blogconv_describe MATCHES "^v?([0-9]+\\.[0-9]+.*)$")
      set(BLOGCONV_VERSION ${CMAKE_MATCH_1})
    else()
      set(BLOGCONV_VERSION "${PROJECT_VERSION}+g${_blogconv_describe}")
    endif()
  endif()
  # A new commit re-runs configure, so the version follows HEAD.
  foreach(_f HEAD logs/HEAD)
    if(EXISTS ${PROJECT_SOURCE_DIR}/.git/${_f})
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/.git/${_f})
    endif()
  endforeach()
endif()
string(REGEX REPLACE "^([^-]*)-" "\\1+" BLOGCONV_DEB_VERSION "${BLOGCONV_VERSION}")
string(REPLACE "-" "." BLOGCONV_DEB_VERSION "${BLOGCONV_DEB_VERSION}")
message(STATUS "blogconv version ${BLOGCONV_VERSION} (Debian: ${BLOGCONV_DEB_VERSION})")
