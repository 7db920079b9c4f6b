// The pages' files (pipeline/serve/web/), compiled into the executable by
// embed_web.cmake: the server needs no file beside it, no network, no CDN.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <string_view>
#include <vector>

namespace jixiao::serve {

struct Asset {
  const char* path;          // URL path: "/", "/app.js", "/app.css"
  std::string_view body;
  const char* content_type;
};

const std::vector<Asset>& Assets();

}  // namespace jixiao::serve
