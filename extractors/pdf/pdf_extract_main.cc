// pdf_extract FILE [--json]: runs ExtractPdf on one file and prints the
// document as text (the seed dump layout) or JSON. A stand-in for
// `jixiao extract` in the bench and for manual checks.
#include <cstdio>
#include <cstring>
#include <string>

#include "extractors/pdf/pdf_extractor.h"
#include "pipeline/model/export.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pdf_extract FILE [--json]\n");
    return 2;
  }
  bool json = argc > 2 && std::strcmp(argv[2], "--json") == 0;
  jixiao::Document doc;
  jixiao::ExtractOptions opts;
  jixiao::Status s = jixiao::ExtractPdf(argv[1], opts, &doc);
  std::string out = json ? jixiao::DocumentToJson(doc).dump(1) + "\n" : jixiao::DocumentToText(doc);
  std::fwrite(out.data(), 1, out.size(), stdout);
  for (const auto& d : doc.diagnostics)
    std::fprintf(stderr, "%s %s: %s\n", jixiao::SeverityName(d.severity), d.code.c_str(), d.message.c_str());
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
