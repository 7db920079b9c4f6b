// Safety bounds and settings shared by every format back-end.
#pragma once

#include <cstdint>

namespace jixiao {

// The longest time limit accepted (11.6 days). The command line refuses more;
// a library caller's larger value counts as no limit (a deadline of now +
// 1e10 s would overflow the clock and fail every document at once).
inline constexpr double kMaxTimeLimitSeconds = 1e6;

struct ExtractOptions {
  // ZIP containers (DOCX): bound on the total uncompressed size of the parts
  // read, and on the ratio uncompressed / compressed of any one part.
  uint64_t max_uncompressed_bytes = 512ull << 20;
  double max_compression_ratio = 200.0;
  // XML: deepest element nesting accepted.
  int max_xml_depth = 256;
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
