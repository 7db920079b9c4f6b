// Rendering of a PDF page with boxes drawn on it (poppler-cpp), for the
// source view (source_view.h). Internal to pipeline/serve.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <optional>
#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

namespace jixiao::serve {

inline constexpr double kPageDpi = 110;

// Renders page `page` (1-based) of the PDF at `path` into the PNG file
// `png_path` (written whole, then renamed into place): `box`
// (points, origin top-left, as Provenance) drawn in orange, and, when
// `figure` (UTF-8) is found among the characters inside it, the figure's box
// in red (`near` in [0,1]: where in the box's text the figure is expected,
// picks among repeats). InvalidInput when the page does not exist or the
// file cannot be read as PDF.
Status RenderPdfPage(const std::string& path, int page, const std::optional<Box>& box, const std::string& figure,
                     double near, const std::string& png_path);

}  // namespace jixiao::serve
