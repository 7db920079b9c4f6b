// Pages read by OCR inside the PDF back-end (extractors/ocr does the image
// work and Tesseract): which pages need it, how OCR'd words join the page's
// text layer, and the provenance marks on what came from OCR.
//
//   NeedsOcr      a page with no text; with garbled glyphs (fonts without a
//                 usable Unicode mapping); or with a few words only while
//                 most of its ink lies outside them (a stamp line over a
//                 scanned image) — the last decided from a small rendering
//   MergeOcr      the page's words and the OCR'd words: under --ocr force
//                 the OCR replaces the text layer; otherwise the text layer's
//                 good words stay and OCR fills the rest (garbled words'
//                 areas, the image)
//   MarkOcr       blocks and cells read from OCR'd words get prov.ocr with
//                 the mean confidence of the words inside their box
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extractors/ocr/ocr.h"
#include "extractors/pdf/page_content.h"
#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"

namespace jixiao::pdf {

// A page's text layer as the OCR decision sees it.
struct PageText {
  size_t glyphs = 0;
  size_t garbled = 0;  // glyphs with no usable Unicode value (see Garbled)
};

// True for a code point that cannot be what a report shows: private use,
// controls, U+FFFD, and the ASCII a font without ToUnicode falls back to is
// judged per word in GarbledWord.
bool ImplausibleCodePoint(char32_t c);

// True when the word's glyphs are unusable: implausible code points, or a
// word of a font flagged as without a usable mapping.
bool GarbledWord(const Word& w);

PageText CountText(const PageContent& page);

// Cheap first test, from the text layer alone: false when the page surely
// needs no OCR under opts.ocr (enough good text).
bool MayNeedOcr(const PageContent& page, const ExtractOptions& opts);

// Pages (1-based) among `pages` that need OCR under opts.ocr, given the
// PDF's path for the ink test (pages with few glyphs are rendered small).
std::vector<int> PagesNeedingOcr(const std::string& path, const std::vector<PageContent>& pages,
                                 const ExtractOptions& opts);

// Joins OCR into the page (see the file comment). `force`: replace the text
// layer. Returns the number of OCR'd words kept; their boxes go to *ocr_words.
size_t MergeOcr(const ocr::Page& scanned, bool force, PageContent* page,
                std::vector<ocr::Word>* ocr_words);

// Sets prov.ocr and prov.ocr_confidence on the blocks and cells whose box
// holds OCR'd words of their page (`words` by page number).
void MarkOcr(const std::map<int, std::vector<ocr::Word>>& words, Document* doc);

// "3, 5, 7" (at most 20, then ", ...").
std::string PageList(const std::vector<int>& pages);

// What OCR did for the pages that needed it.
struct OcrOutcome {
  std::vector<int> read;         // pages OCR'd
  std::vector<int> unavailable;  // pages that needed OCR without Tesseract's data
  std::vector<int> unreadable;   // pages whose text (or part) was left out
  std::string reason;            // why, for the status and diagnostics
  bool timed_out = false;
  std::map<int, std::vector<ocr::Word>> words;  // OCR'd words kept, by page
};

// OCRs the pages of `pending` that need it (PagesNeedingOcr) and merges the
// result into them; garbled words that OCR did not replace are dropped, so
// that no check runs on them. Adds the diagnostics pdf_ocr (info: pages
// read, mean confidence) and pdf_needs_ocr (pages not read, and why).
OcrOutcome ReadPendingPages(const std::string& path, const ExtractOptions& opts, double deadline,
                            std::vector<PageContent>* pending, Document* doc);

}  // namespace jixiao::pdf
