# Settings, the Preferences dialog and the help panel: Qt only, no LibTorch.
# Included from tests/studio/CMakeLists.txt; DDPM_ROOT may point at the source tree when this file is
# included from elsewhere.
if(NOT DEFINED DDPM_ROOT)
    set(DDPM_ROOT ${CMAKE_SOURCE_DIR})
endif()

qt_add_executable(tst_settings
    ${CMAKE_CURRENT_LIST_DIR}/tst_settings.cpp
    ${DDPM_ROOT}/app/studio/settings.cpp
    ${DDPM_ROOT}/app/studio/dialogs.cpp
    ${DDPM_ROOT}/app/studio/preferencesdialog.cpp
    ${DDPM_ROOT}/app/studio/helppanel.cpp
    ${DDPM_ROOT}/core/cpufeatures.cpp
)
set_target_properties(tst_settings PROPERTIES AUTOMOC ON)
target_include_directories(tst_settings PRIVATE ${DDPM_ROOT}/app/studio ${DDPM_ROOT}/core) # core/names.h: no LibTorch
target_link_libraries(tst_settings PRIVATE Qt6::Widgets Qt6::Test)
add_test(NAME tst_settings COMMAND tst_settings)
set_tests_properties(tst_settings PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
