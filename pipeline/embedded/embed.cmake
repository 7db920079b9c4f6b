# cmake -DOUT=file.cc -DROOT=schemas -DFILES="a.json|b.json" -P embed.cmake
set(body "// Generated from schemas/ by embed.cmake. Do not edit.\n#include \"pipeline/embedded/embedded.h\"\n\nnamespace jixiao {\n\nstd::string_view EmbeddedSchema(std::string_view name) {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(f ${FILES})
  file(READ ${ROOT}/${f} content)
  string(APPEND body "  if (name == \"${f}\") return R\"JIXIAO_EMBED(${content})JIXIAO_EMBED\";\n")
endforeach()
string(APPEND body "  return {};\n}\n\n}  // namespace jixiao\n")
file(WRITE ${OUT} "${body}")
