// libFuzzer target for the PDF back-end (built with -DJIXIAO_FUZZ=ON, run by
// scripts/fuzz-pdf.sh). The input bytes are a PDF; ExtractPdf reads files,
// so each input is written to one temp file per process. Every run must end
// with a Status (no crash, no hang: a 5 s document time limit and a 50-page
// bound keep single runs short); the exporters then run on the result.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "extractors/pdf/pdf_extractor.h"
#include "pipeline/model/export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/jixiao-pdf-fuzz-" + std::to_string(getpid()) + ".pdf";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  jixiao::ExtractOptions opts;
  opts.time_limit_seconds = 5;
  opts.max_pages = 50;
  // OCR renders and reads images for seconds a page: the fuzzer is for the
  // parser and the layout passes (the OCR code is covered by its tests).
  opts.ocr = jixiao::ExtractOptions::Ocr::kOff;
  jixiao::Document doc;
  jixiao::Status s = jixiao::ExtractPdf(path, opts, &doc);
  (void)s;
  std::string text = jixiao::DocumentToText(doc);
  std::string json = jixiao::DocumentToJson(doc).dump();
  (void)text;
  (void)json;
  return 0;
}
