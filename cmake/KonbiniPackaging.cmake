# Debian packages with CPack: konbini-pos (component "app") and konbini-sandbox (component
# "sandbox"), version from the project. Shared-library dependencies are computed
# (dpkg-shlibdeps); what is loaded at run time without being linked (Qt plugins, fonts, a Secret
# Service) is declared here.  bash scripts/setup.sh package  writes them to build/packages/.
include(GNUInstallDirs)

# Per package: the copyright, the changelog and the manual page, compressed as Debian wants them
# (gzip -9n: no name, no timestamp).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
foreach(component app sandbox)
    if(component STREQUAL "app")
        set(package konbini-pos)
    else()
        set(package konbini-sandbox)
    endif()
    set(staging ${CMAKE_BINARY_DIR}/packaging/${package})
    configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.in ${staging}/changelog @ONLY)
    configure_file(${PROJECT_SOURCE_DIR}/packaging/${package}.1 ${staging}/${package}.1 @ONLY)
    foreach(file changelog ${package}.1)
        execute_process(COMMAND ${GZIP_EXECUTABLE} -9n -c ${staging}/${file} OUTPUT_FILE ${staging}/${file}.gz COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
    set(doc ${CMAKE_INSTALL_DATADIR}/doc/${package})
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${staging}/changelog.gz DESTINATION ${doc} COMPONENT ${component})
    install(FILES ${staging}/${package}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME konbini-pos)
set(CPACK_PACKAGE_VENDOR "Konbini POS developers")
set(CPACK_PACKAGE_CONTACT "Konbini POS developers <dev@konbinipos.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its own description below (CPack would otherwise
# prefix every package with the project's one summary).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL app sandbox)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/konbinipos/konbini-pos)

set(CPACK_DEBIAN_APP_PACKAGE_NAME konbini-pos)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_APP_DESCRIPTION "Konbini payments at the counter, through Stripe
A desktop point-of-sale app for shops in Japan that take Konbini payments
(cash at a convenience store) through Stripe: issue a voucher with each
chain's payment code, the confirmation number, the deadline in JST and a
QR code, print the slip, follow which vouchers were paid, cancel, reissue
and refund, and close the day. Japanese and English.
.
It runs on a built-in Stripe test-mode sandbox until a Stripe key is
stored in the desktop's keychain.")
# Loaded at run time, not linked: the SQLite driver, the X11 platform plugin, the fonts the slip
# and the Japanese UI need; the Secret Service keeps the Stripe key (without one the app stays on
# its sandbox); Qt's own Japanese catalogue.
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-noto-cjk, fonts-dejavu-core")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, qt6-translations-l10n")

set(CPACK_DEBIAN_SANDBOX_PACKAGE_NAME konbini-sandbox)
set(CPACK_DEBIAN_SANDBOX_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_SANDBOX_DESCRIPTION "Stripe test-mode emulator for Konbini payments
konbini-sandbox speaks Stripe's API for the Konbini subset (PaymentIntents,
refunds, events, test helpers, fault injection) on loopback HTTP, so that
Stripe clients and the Konbini POS till can be exercised offline, without a
Stripe account.")
# Its state store links libsqlite3 directly: dpkg-shlibdeps finds that dependency.

include(CPack)
