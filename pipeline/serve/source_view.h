// The source view of a piece of evidence: where a flagged figure stands in
// the original.
//   PDF (the file still as screened): the page rendered by poppler-cpp's
//     page_renderer as PNG, the evidence's box drawn in orange and the
//     figure's own box (its characters found on the page) in red. Cached in
//     cache_dir under the document, page and boxes, so a second look costs a
//     file read.
//   otherwise (DOCX, OFD, a PDF whose file is gone): HTML from the archive's
//     stored text: for a table cell the whole table with the cell marked, for
//     a paragraph the paragraph with two before and after; the figure inside
//     <mark>; every text escaped.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <string>

#include "pipeline/archive/archive.h"
#include "pipeline/model/status.h"
#include "pipeline/screen/report.h"

namespace jixiao::serve {

struct SourceView {
  std::string content_type;  // "image/png" or "text/html; charset=utf-8"
  std::string body;
  bool cached = false;       // a PNG read from the cache
};

// The source of evidence `k` of `finding` in the document `report`.
// InvalidInput when k is out of range.
Status RenderSource(archive::Archive* archive, const std::string& cache_dir, const ScreenReport& report,
                    const Finding& finding, int k, SourceView* out);

}  // namespace jixiao::serve
