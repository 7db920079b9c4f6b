// Safety bounds and settings shared by every format back-end.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jixiao {

// The longest time limit accepted (11.6 days). The command line refuses more;
// a library caller's larger value counts as no limit (a deadline of now +
// 1e10 s would overflow the clock and fail every document at once).
inline constexpr double kMaxTimeLimitSeconds = 1e6;

struct ExtractOptions {
  // ZIP containers (DOCX): bound on the total uncompressed size of the parts
  // read (counted while inflating), and optionally on the ratio uncompressed /
  // compressed of any one part (0: none; a ratio alone says nothing: one
  // sentence repeated compresses 300:1; what a part inflates to is bounded by
  // the size, its work by max_model_items and the time limit).
  uint64_t max_uncompressed_bytes = 512ull << 20;
  double max_compression_ratio = 0;
  // XML: deepest element nesting accepted.
  int max_xml_depth = 256;
  // DOCX: paragraphs and table cells one document may hold (its model in
  // memory: some 300 bytes each). A ZIP that inflates to more is refused by
  // this and by the time limit, whatever its compression ratio.
  size_t max_model_items = 2000000;
  // Work on one document stops after this many seconds (0, or more than
  // kMaxTimeLimitSeconds: no limit).
  double time_limit_seconds = 60.0;
  // PDF: pages beyond this are not read (a diagnostic says so). 0: all.
  int max_pages = 0;
  // PDF pages without a usable text layer: read by OCR (auto: scanned pages,
  // pages whose only text is a stamp over an image, garbled fonts), never
  // (off), or every page whatever its text layer (force).
  enum class Ocr { kAuto, kOff, kForce };
  Ocr ocr = Ocr::kAuto;
  // Pages OCR'd at once for one document (0: the number of CPUs).
  int ocr_threads = 0;
};

}  // namespace jixiao
