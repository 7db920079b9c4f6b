// docx_extract FILE [--format text|json]: the DOCX back-end alone, for the
// benchmark (bench/docx_vs_pandoc.sh) when build/jixiao is not built, and for
// manual checks. Exit 2 with one line on stderr when the file cannot be read.
#include <cstring>
#include <iostream>

#include "extractors/docx/docx_extractor.h"
#include "pipeline/model/export.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: docx_extract FILE [--format text|json]\n";
    return 2;
  }
  std::string format = "text";
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--format") == 0) format = argv[i + 1];
  }
  jixiao::Document doc;
  jixiao::Status s = jixiao::ExtractDocx(argv[1], jixiao::ExtractOptions(), &doc);
  if (!s.ok()) {
    std::cerr << "docx_extract: " << argv[1] << ": " << s.message() << "\n";
    return 2;
  }
  if (format == "json") std::cout << jixiao::DocumentToJson(doc).dump(1) << "\n";
  else std::cout << jixiao::DocumentToText(doc);
  return 0;
}
