# Build-time step: turns the GLSL files in shaders/ into a C++ table, so that the binary finds its
# shaders from any working directory. Run as: cmake -DOUTPUT=... -DSHADERS="a;b" -P EmbedShaders.cmake
set(body "")
foreach(shader IN LISTS SHADERS)
  get_filename_component(name "${shader}" NAME)
  file(READ "${shader}" source)
  string(FIND "${source}" ")smpglsl\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${shader} contains the raw-string delimiter )smpglsl\"")
  endif()
  string(APPEND body "    {\"${name}\", R\"smpglsl(${source})smpglsl\"},\n")
endforeach()
file(WRITE "${OUTPUT}.new" "// Generated from shaders/ by EmbedShaders.cmake. Do not edit.\n"
  "#include \"render/EmbeddedShaders.h\"\n\n"
  "namespace smp::render {\n\n"
  "static const EmbeddedShader kShaders[] = {\n${body}};\n\n"
  "std::span<const EmbeddedShader> embeddedShaders() { return kShaders; }\n\n"
  "}  // namespace smp::render\n")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
