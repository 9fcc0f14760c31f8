# CPack: `cpack -G DEB` in the build folder makes wsinspector_<version>_<arch>.deb from the install rules;
# tests/install/check_deb.py builds and inspects it.
set(CPACK_PACKAGE_NAME wsinspector)
set(CPACK_PACKAGE_VENDOR "The WS Inspector developers")
# The project names no maintainer address yet: the .invalid default says so; a packager sets the real one.
set(WSI_PACKAGE_MAINTAINER "WS Inspector developers <packagers@wsinspector.invalid>" CACHE STRING
    "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${WSI_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspect WebSocket handshakes and frames as they cross the wire")
set(CPACK_PACKAGE_HOMEPAGE_URL "${WSI_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY wsinspector)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Distribution packages ship stripped binaries; it also keeps the package (and its test) small.
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends computed from the binaries by dpkg-shlibdeps (dpkg-dev): the libqt6*, libssl and libprotobuf it links to.
# Plugins are loaded, not linked, so dpkg-shlibdeps cannot see them: the SVG icon engine that draws every
# icon of the window is in libqt6svg6 (named here, merged with the computed list); the xcb platform plugin
# is in libqt6gui6, which is linked.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(WSI_SHARED_LIBS)
    # The shared build's own libraries (app/CMakeLists.txt): dpkg-shlibdeps reads them from the package.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/wsinspector")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the first line; this is the long description under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "WS Inspector is a desktop inspector for people who build and debug WebSocket
systems. It shows the opening handshake exactly as it crossed the wire and
every frame header bit, next to a live log of messages, pings, pongs, closes
and errors that name their layer (DNS, TCP, TLS, proxy, HTTP, WebSocket).
It includes a local test server, a message composer and raw frame injection,
and the command-line twin wsinspector-cli for scripts and CI.")

include(CPack)
