# One way to register a Qt Test executable as a ctest test:
#
#   ddpm_add_test(tst_name SOURCES a.cpp … LINK libraries… [PCH target] [TORCH] [TIMEOUT seconds] [LABELS …])
#
# Every test runs on the offscreen platform. TORCH marks a test that computes with LibTorch on both
# cores: it gets OMP_NUM_THREADS=2 and takes turns with the other such tests (two at once under
# ctest -j2 spin against each other: tst_trainer takes about 90 s alone and several times that beside
# tst_studio) while the light tests run beside it. A test function may take as long as the whole test
# (Qt's own limit is 5 minutes). Under -DDDPM_SANITIZE=ON every limit is an hour.
set(DDPM_TEST_OPTIMIZE $<$<CONFIG:Release,RelWithDebInfo>:-O1>)
function(ddpm_add_test name)
    cmake_parse_arguments(T "TORCH" "PCH;TIMEOUT" "SOURCES;LINK;LABELS" ${ARGN})
    qt_add_executable(${name} ${T_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE ${T_LINK} Qt6::Test ddpm_options)
    # The tests' own code at -O1 (a third less compile time than -O3; the code under test keeps the
    # build's flags). Where a test reuses a library's precompiled header, its flags must stay the library's.
    if(NOT T_PCH OR T_PCH STREQUAL "ddpm_testpch")
        target_compile_options(${name} PRIVATE ${DDPM_TEST_OPTIMIZE})
    endif()
    if(T_PCH)
        target_precompile_headers(${name} REUSE_FROM ${T_PCH})
        # A test's moc output goes into its own .cpp (#include "tst_x.moc"): AUTOMOC's
        # mocs_compilation.cpp stays empty and need not load the precompiled header (8 s each).
        set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${name}_autogen/mocs_compilation.cpp
                                    PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set(timeout 300)
    if(T_TIMEOUT)
        set(timeout ${T_TIMEOUT})
    endif()
    if(DDPM_SANITIZE)
        set(timeout 3600)
    endif()
    math(EXPR function_ms "${timeout} * 1000")
    set(env "QT_QPA_PLATFORM=offscreen" "QTEST_FUNCTION_TIMEOUT=${function_ms}")
    if(T_TORCH)
        list(APPEND env "OMP_NUM_THREADS=2")
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK torch-cores)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${timeout})
    if(T_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()

# Tests registered otherwise (the fuzz replays, scripts): an hour each under -DDDPM_SANITIZE=ON; call at
# the end of the directory that registers them.
function(ddpm_sanitizer_timeouts)
    if(DDPM_SANITIZE)
        get_property(dir_tests DIRECTORY PROPERTY TESTS)
        foreach(t ${dir_tests})
            set_property(TEST ${t} PROPERTY TIMEOUT 3600)
            set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=3600000")
        endforeach()
    endif()
endfunction()
