// Pass 1: runs poppler's content-stream interpreter over one page and keeps
// the words (boxes, fonts) and the ruling segments (thin stroked or filled
// paths) of the page. Only file that talks to poppler's OutputDev API.
#pragma once

#include <cstdint>
#include <memory>

#include "extractors/pdf/page_content.h"

class PDFDoc;

namespace jixiao::pdf {

struct CollectLimits {
  // Deadline as returned by NowSeconds(); 0: none.
  double deadline = 0;
  // Bounds on what one page may hold; further items are dropped and
  // *truncated is set.
  size_t max_words = 500000;
  size_t max_segments = 200000;
  // Work on one page, whatever the time limit (a form XObject drawn
  // thousands of times, or forms nesting forms, multiply a small file into
  // unbounded work and memory): glyphs drawn, and content-stream operators
  // run (forms' included), font objects and font changes (poppler searches
  // every font object it was given on each change: a form drawn thousands
  // of times loads its font each time, which makes that quadratic). Past
  // any of them the page stops where it is (what was drawn is kept) and
  // *truncated is set. A dense real page draws a few thousand glyphs with
  // some 10^5 operators, a few dozen font objects and a few hundred changes.
  size_t max_glyphs = 400000;
  uint64_t max_operators = 20000000;
  size_t max_font_objects = 1000;  // font changes: at most 100 times this
};

// Seconds on a monotonic clock.
double NowSeconds();

class PageCollector {
 public:
  PageCollector();
  ~PageCollector();
  PageCollector(const PageCollector&) = delete;
  PageCollector& operator=(const PageCollector&) = delete;

  // Reads page `number` (1-based) of doc into *page (number, size, words,
  // segments). A page whose text mostly reads sideways is read turned
  // upright (page->rotated). Returns false when the deadline passed during the page (what
  // was read is kept). Sets *truncated when a bound was hit. Does not throw
  // (poppler reports errors through its error callback).
  bool Collect(PDFDoc* doc, int number, const CollectLimits& limits, PageContent* page,
               bool* truncated);

 private:
  bool CollectRotated(PDFDoc* doc, int number, int extra_rotation, const CollectLimits& limits,
                      PageContent* page, bool* truncated);

  class Dev;
  std::unique_ptr<Dev> dev_;
};

}  // namespace jixiao::pdf
