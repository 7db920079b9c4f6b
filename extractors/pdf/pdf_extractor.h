// PDF back-end: reads the text layer of a PDF (as exported by Word, WPS or
// LibreOffice) into the document model: paragraphs and headings in reading
// order, ruled tables as cell grids with spans, each with page + box
// provenance. Pages without a usable text layer (scans, fonts without a
// Unicode mapping) are read by OCR (ocr_pages.h, extractors/ocr) under
// opts.ocr; what cannot be read is never returned as if empty.
//
// Provenance boxes are in points, origin at the top-left of the page as
// displayed (its /Rotate applied); a page whose text mostly runs sideways is
// read turned upright and its boxes are in that upright frame.
//
// Diagnostics (code: meaning): pdf_xref_repaired (damaged cross-reference
// table rebuilt), pdf_encrypted (owner password only, read anyway),
// pdf_syntax_errors, pdf_max_pages, pdf_pages_without_text (blank or scanned
// pages in a document that otherwise has text), pdf_page_limit (a page held more than the
// safety bound), pdf_text_unmapped (fonts without Unicode mapping), pdf_ocr
// (info: pages read by OCR), pdf_needs_ocr (pages that needed OCR and were not read),
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
//                 "no text layer (scanned PDF): needs OCR" (opts.ocr off);
//                 "需要OCR：请安装 tesseract-ocr-chi-sim" (doc->status skipped);
//                 "no text besides page furniture ...: needs OCR"
//   Timeout       opts.time_limit_seconds ran out (blocks read so far are kept
//                 and doc->status is partial)
Status ExtractPdf(const std::string& path, const ExtractOptions& opts, Document* doc);

}  // namespace jixiao
