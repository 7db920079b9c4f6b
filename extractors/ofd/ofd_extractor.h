// OFD back-end (GB/T 33190-2016, the Chinese fixed-layout format): a ZIP of
// XML parts. OFD.xml names the document root; Document.xml lists the pages
// and the page area; each page's Content.xml holds layers of TextObjects
// (a boundary, a font size, TextCodes with X/Y and DeltaX glyph advances)
// and PathObjects (AbbreviatedData: M/L/C/Q/B/A/Z in the boundary's frame).
// Pages are read into the PDF back-end's page model — words with glyph edges,
// ruling segments from the paths — and go through the same layout passes
// (extractors/pdf/layout.h: lines → paragraphs, ruling → grid, page
// furniture, joins across pages). Units: millimetres in OFD, points here.
//
// Bounds: the ZIP bounds of ExtractOptions (docx::ZipArchive), libxml2
// without entities, network or DTDs, at most 200,000 objects a page,
// opts.max_pages, opts.time_limit_seconds between pages.
//
// Thread safety: ExtractOfd may run in several threads on different files.
#pragma once

#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

namespace jixiao {

// Reads the OFD at `path` into *doc (source.format "ofd", page_count).
// InvalidInput when it is not an OFD package or a required part is missing
// or ill-formed; Unsupported "no text in the OFD: needs OCR" when the pages
// hold no text; Timeout with the pages read (doc->status partial).
Status ExtractOfd(const std::string& path, const ExtractOptions& opts, Document* doc);

}  // namespace jixiao
