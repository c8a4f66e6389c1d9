# One Qt Test executable per unit, named after its source file; each is one CTest test.
#   konbini_add_test(TestThing.cpp library...)   links the test-support library and the libraries named
function(konbini_add_test source)
    get_filename_component(name ${source} NAME_WE)
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE konbini_testsupport ${ARGN})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
    set_property(GLOBAL APPEND PROPERTY KONBINI_TESTS ${name})
endfunction()
