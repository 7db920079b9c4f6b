// The data files of schemas/ compiled into the executable, so build/jixiao
// runs from any directory and a copied binary keeps its rules.
#pragma once

#include <string_view>

namespace jixiao {

// Contents of schemas/<name> (e.g. "concepts.json", "rules/national.json"),
// or an empty view when there is no such file.
std::string_view EmbeddedSchema(std::string_view name);

}  // namespace jixiao
