// libFuzzer target for the OFD back-end (built with -DJIXIAO_FUZZ=ON, run by
// scripts/fuzz-ofd.sh). Each input is an OFD package written to one temp
// file per process; every run must end with a Status, and the exporters then
// run on the result.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "extractors/ofd/ofd_extractor.h"
#include "pipeline/model/export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/jixiao-ofd-fuzz-" + std::to_string(getpid()) + ".ofd";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  jixiao::ExtractOptions opts;
  opts.time_limit_seconds = 5;
  opts.max_pages = 50;
  jixiao::Document doc;
  jixiao::Status s = jixiao::ExtractOfd(path, opts, &doc);
  (void)s;
  std::string text = jixiao::DocumentToText(doc);
  std::string json = jixiao::DocumentToJson(doc).dump();
  (void)text;
  (void)json;
  return 0;
}
