# Turns Debian's packages into CMake targets. Every target the project links comes from here, so
# that a missing package fails at configure time with the package's name, not at link time.
#
#   smp::opencv     OpenCV 4.6 (core, imgproc, imgcodecs, objdetect, videoio)
#   smp::epoxy      GL/EGL function loader (works for GLFW windows and headless EGL contexts)
#   smp::glfw       GLFW 3.3 windows and input
#   smp::imgui      Debian's libimgui.a (its GLFW and OpenGL3 backends included) + stb glue
#   smp::stb        the stb implementations that libimgui.a expects, defined in one TU of ours
#   smp::json       nlohmann-json
#   smp::deflate    libdeflate (PNG exports)
#   Catch2::Catch2  Catch2 v2 (tests only)
#   benchmark::benchmark  Google Benchmark (benchmarks only)

set(SMP_MISSING_HINT "run third_party/install-deps.sh to install the Debian packages")

find_package(PkgConfig REQUIRED)

find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs objdetect videoio)
add_library(smp_opencv INTERFACE)
target_link_libraries(smp_opencv INTERFACE ${OpenCV_LIBS})
target_include_directories(smp_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
add_library(smp::opencv ALIAS smp_opencv)

# PNG exports compress with libdeflate: about 2.5x zlib's speed at level 1, smaller files.
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
add_library(smp::deflate ALIAS PkgConfig::LIBDEFLATE)

find_package(nlohmann_json 3 REQUIRED)
add_library(smp::json ALIAS nlohmann_json::nlohmann_json)

# GL and windowing are only looked for when a layer that draws is built, so that
# SMP_LAYERS="core;vision" configures on a machine without GL headers.
if("render" IN_LIST SMP_LAYERS)
  pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
  add_library(smp::epoxy ALIAS PkgConfig::EPOXY)
endif()

if("ui" IN_LIST SMP_LAYERS)
  find_package(glfw3 3.3 REQUIRED)
  add_library(smp::glfw ALIAS glfw)

  # Debian builds libimgui.a against the system stb_truetype/stb_rect_pack instead of ImGui's
  # bundled copies, so their implementations must be defined once by the program that links it.
  find_path(SMP_STB_INCLUDE_DIR stb_truetype.h PATH_SUFFIXES stb REQUIRED)
  add_library(smp_stb STATIC ${CMAKE_CURRENT_LIST_DIR}/stb_implementations.c)
  target_include_directories(smp_stb SYSTEM PUBLIC ${SMP_STB_INCLUDE_DIR})
  set_target_properties(smp_stb PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
  add_library(smp::stb ALIAS smp_stb)

  find_path(SMP_IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
  find_library(SMP_IMGUI_LIBRARY NAMES libimgui.a imgui REQUIRED)
  add_library(smp_imgui INTERFACE)
  target_include_directories(smp_imgui SYSTEM INTERFACE ${SMP_IMGUI_INCLUDE_DIR})
  # The OpenGL3 backend loads GL itself with dlopen; the GLFW backend needs glfw.
  target_link_libraries(smp_imgui INTERFACE ${SMP_IMGUI_LIBRARY} smp::stb glfw ${CMAKE_DL_LIBS})
  add_library(smp::imgui ALIAS smp_imgui)
endif()

if(SMP_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()

if(SMP_BUILD_BENCHMARKS AND "render" IN_LIST SMP_LAYERS)
  find_package(benchmark REQUIRED)
endif()
