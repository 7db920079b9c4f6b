// PDF back-end: reads the text layer of a PDF (as exported by Word, WPS or
// LibreOffice) into the document model: paragraphs and headings in reading
// order, ruled tables as cell grids with spans, each with page + box
// provenance. Scans (no text layer) are refused, not returned empty.
//
// Provenance boxes are in points, origin at the top-left of the page as
// displayed (its /Rotate applied); a page whose text mostly runs sideways is
// read turned upright and its boxes are in that upright frame.
//
// Diagnostics (code: meaning): pdf_xref_repaired (damaged cross-reference
// table rebuilt), pdf_encrypted (owner password only, read anyway),
// pdf_syntax_errors, pdf_max_pages, pdf_pages_without_text (blank or scanned
// pages in a document that otherwise has text), pdf_page_limit (a page held more than the
// safety bound), pdf_text_unmapped (fonts without Unicode mapping),
// pdf_page_furniture_removed (info: headers/footers/page numbers dropped).
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
