// libFuzzer target for the DOCX extractor (built with -DJIXIAO_FUZZ=ON, run
// by scripts/fuzz-docx.sh). Two kinds of input:
//   - bytes starting with "PK": a whole DOCX, given to ExtractDocxFromMemory;
//   - anything else: the XML parts themselves, document.xml, styles.xml and
//     numbering.xml separated by kSeparator, packed here into a stored ZIP,
//     so mutations reach the XML walker instead of breaking deflate streams.
// Every run must end with a Status; the exporters then run on the result.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extractors/docx/docx_extractor.h"
#include "pipeline/model/export.h"

namespace {

const std::string kSeparator = "\n<!--jixiao-part-->\n";

void Put16(std::string* s, uint32_t v) {
  s->push_back(static_cast<char>(v & 0xFF));
  s->push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A ZIP with every part stored (no compression).
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out, central;
  for (const auto& [name, data] : parts) {
    uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    uint32_t offset = static_cast<uint32_t>(out.size());
    out += "PK\x03\x04";
    Put16(&out, 20); Put16(&out, 0); Put16(&out, 0); Put16(&out, 0); Put16(&out, 0);
    Put32(&out, crc); Put32(&out, static_cast<uint32_t>(data.size())); Put32(&out, static_cast<uint32_t>(data.size()));
    Put16(&out, static_cast<uint32_t>(name.size())); Put16(&out, 0);
    out += name;
    out += data;
    central += "PK\x01\x02";
    Put16(&central, 20); Put16(&central, 20); Put16(&central, 0); Put16(&central, 0); Put16(&central, 0);
    Put16(&central, 0);
    Put32(&central, crc); Put32(&central, static_cast<uint32_t>(data.size()));
    Put32(&central, static_cast<uint32_t>(data.size()));
    Put16(&central, static_cast<uint32_t>(name.size())); Put16(&central, 0); Put16(&central, 0);
    Put16(&central, 0); Put16(&central, 0); Put32(&central, 0); Put32(&central, offset);
    central += name;
  }
  uint32_t cd_offset = static_cast<uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  Put16(&out, 0); Put16(&out, 0);
  Put16(&out, static_cast<uint32_t>(parts.size())); Put16(&out, static_cast<uint32_t>(parts.size()));
  Put32(&out, static_cast<uint32_t>(central.size())); Put32(&out, cd_offset); Put16(&out, 0);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string docx;
  if (input.rfind("PK", 0) == 0) {
    docx = std::move(input);
  } else {
    static const char* kNames[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml"};
    std::vector<std::pair<std::string, std::string>> parts;
    size_t pos = 0;
    for (int i = 0; i < 3 && pos <= input.size(); ++i) {
      size_t next = input.find(kSeparator, pos);
      if (next == std::string::npos || i == 2) next = input.size();
      parts.emplace_back(kNames[i], input.substr(pos, next - pos));
      pos = next + kSeparator.size();
    }
    docx = StoredZip(parts);
  }
  jixiao::ExtractOptions opts;
  opts.max_uncompressed_bytes = 64u << 20;
  opts.time_limit_seconds = 10;
  jixiao::Document doc;
  jixiao::Status s = jixiao::ExtractDocxFromMemory(docx, opts, &doc);
  if (s.ok()) {
    std::string text = jixiao::DocumentToText(doc);
    std::string json = jixiao::DocumentToJson(doc).dump();
    if (json.empty()) __builtin_trap();
  } else if (s.message().empty() || doc.status == jixiao::DocumentStatus::kOk) {
    __builtin_trap();  // a failure must say why and mark the document
  }
  return 0;
}
