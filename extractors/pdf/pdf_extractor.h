// PDF back-end: reads the text layer of a PDF (as exported by Word, WPS or
// LibreOffice) into the document model: paragraphs and headings in reading
// order, ruled tables as cell grids with spans, each with page + box
// provenance. Scans (no text layer) are refused, not returned empty.
//
// Thread safety: ExtractPdf may be called from several threads at once on
// different files.
#pragma once

#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

namespace jixiao {

// Reads the PDF at `path` into *doc (blocks, diagnostics, source.format = "pdf",
// source.page_count). Never throws.
//
// Returns OK when a document was produced (doc->status ok, or partial when
// pages were skipped: see doc->diagnostics). Otherwise doc->status is failed,
// doc->status_reason holds the message, and the result is one of:
//   IoError       the file cannot be opened or read
//   InvalidInput  not a PDF or damaged beyond repair; no pages
//   Unsupported   "PDF is password-protected" (a user password is needed);
//                 "no text layer (scanned PDF): needs OCR"
//   Timeout       opts.time_limit_seconds ran out (blocks read so far are kept
//                 and doc->status is partial)
Status ExtractPdf(const std::string& path, const ExtractOptions& opts, Document* doc);

}  // namespace jixiao
