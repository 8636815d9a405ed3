# SPDX-FileCopyrightText: 2026 Citizen 360 contributors
# SPDX-License-Identifier: EUPL-1.2
# Bundled icons (fallbacks for desktops without an icon theme) compiled into a target. Qt's
# target form of qt_add_resources keeps the resources of a static library linked into its users.
function(c360_add_resources target)
    file(GLOB icons RELATIVE ${CMAKE_SOURCE_DIR}/resources ${CMAKE_SOURCE_DIR}/resources/icons/*.svg)
    set(files "")
    foreach(icon IN LISTS icons)
        list(APPEND files ${CMAKE_SOURCE_DIR}/resources/${icon})
        set_source_files_properties(${CMAKE_SOURCE_DIR}/resources/${icon} PROPERTIES QT_RESOURCE_ALIAS ${icon})
    endforeach()
    qt_add_resources(${target} c360_icons PREFIX "/" FILES ${files})
endfunction()
