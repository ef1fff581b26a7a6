# Installing and packaging: `cmake --install BUILD_DIR` puts the application, its desktop
# entry, AppStream metainfo, icons and translations in the standard places under the prefix;
# `cpack` in BUILD_DIR makes a Debian package of the same files (.ci/package builds it,
# installs it and runs it). Only the application (director and its bundled inpainting
# provider) is installed: tests, benchmarks and tools have no install rules.

include(GNUInstallDirs)

# director and the inpainting provider it ships (docs/provider.md), side by side: director
# looks for director-inpaint-anchor in its own folder.
install(TARGETS director director-inpaint-anchor RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES ${PROJECT_SOURCE_DIR}/resources/linux/director.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# The metainfo's release is the project's version.
configure_file(${PROJECT_SOURCE_DIR}/resources/linux/director.metainfo.xml.in
               ${PROJECT_BINARY_DIR}/director.metainfo.xml @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/director.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# The icon: the PNGs rendered from the SVG (resources/icons/render-icons.sh) at the hicolor
# sizes, and the SVG itself as the scalable one.
set(DIRECTOR_ICON_SIZES 16 22 24 32 48 64 128 256)
foreach(size IN LISTS DIRECTOR_ICON_SIZES)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/director-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME director.png)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/director.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# Translations: app/CMakeLists.txt sets DIRECTOR_QM_FILES to the .qm files it builds (from
# QM_FILES_OUTPUT_VARIABLE); they go to share/director/translations. Read from app/'s scope,
# wherever in that file it is set; without it, no translations are installed.
get_directory_property(DIRECTOR_QM_FILES DIRECTORY ${PROJECT_SOURCE_DIR}/app
                       DEFINITION DIRECTOR_QM_FILES)
if(DIRECTOR_QM_FILES)
    install(FILES ${DIRECTOR_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/director/translations)
endif()

# The Debian package.
set(DIRECTOR_PACKAGE_MAINTAINER
    "Director maintainers <director-maintainers@example.org>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME director)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Director")
set(CPACK_PACKAGE_CONTACT "${DIRECTOR_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The long description, wrapped for the Debian control file (at most 80 columns).
set(CPACK_PACKAGE_DESCRIPTION
    "Director is the human review stage of an AI sprite-animation pipeline.
It opens a run folder, shows every frame with its audit flags, and lets
the operator approve or reject frames, nudge frames the auto-aligner got
slightly wrong and write notes; committing writes the approved frames,
nudges applied, into the run folder. Every change is saved atomically,
so a review can be stopped and resumed at any time. The same program has
headless commands (status, validate, frame, commit, discard) for the
pipeline and for scripts.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY director)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${DIRECTOR_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The libraries the binary links (Qt, libc, libstdc++ …) come from dpkg-shlibdeps; the Qt
# platform plugins are loaded at run time, so shlibdeps cannot see them: named here, and
# CPack adds the shlibdeps result to this list.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
# Qt's own strings (dialog buttons, "Usage:") in the operator's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# `cpack --config CPackSourceConfig.cmake`: the sources, without build trees.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/_CPack_Packages/" "\\.deb$" "~$")

# Every value above reaches CPack exactly as written (no second round of escaping).
set(CPACK_VERBATIM_VARIABLES ON)
include(CPack)
