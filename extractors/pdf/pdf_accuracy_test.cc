// Accuracy of the PDF back-end against the corpus: for every PDF under
// corpus/seed, corpus/pdf-features, corpus/variants and corpus/producers (the
// same reports from LibreOffice, Chromium, cairo and Ghostscript) that has an
// .expected.txt (the text the DOCX of the same name gives), the PDF's
// DocumentToText must match it for ≥ 98% of table cells and ≥ 98% of
// paragraphs (same text, same order; white space ignored, since a PDF does
// not keep leading spaces or empty paragraphs). Prints both percentages, and
// for information the same with single spaces and the paragraph breaks inside
// cells counted ("exact").
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "extractors/pdf/pdf_extractor.h"
#include "extractors/pdf/pdf_test_util.h"
#include "pipeline/model/export.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using pdftest::CompareInOrder;
using pdftest::ParseDump;

// X.expected.txt for X.pdf; corpus/producers names its PDFs X.PRODUCER.pdf.
fs::path ExpectedFor(const fs::path& pdf) {
  fs::path expected = pdf;
  expected.replace_extension(".expected.txt");
  if (fs::exists(expected)) return expected;
  fs::path stem = pdf.stem();  // X.PRODUCER
  return pdf.parent_path() / (stem.stem().string() + ".expected.txt");
}

std::vector<std::string> CorpusPdfs() {
  std::vector<std::string> out;
  for (const char* dir : {"corpus/seed", "corpus/pdf-features", "corpus/variants", "corpus/producers"}) {
    fs::path d = fs::path(JIXIAO_SOURCE_DIR) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& e : fs::directory_iterator(d)) {
      fs::path p = e.path();
      if (p.extension() != ".pdf") continue;
      if (fs::exists(ExpectedFor(p))) out.push_back(p.string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PdfAccuracy, CorpusMatchesExpectedText) {
  std::vector<std::string> pdfs = CorpusPdfs();
  if (pdfs.empty()) GTEST_SKIP() << "no corpus PDFs";
  size_t cells_expected = 0, cells_matched = 0, paras_expected = 0, paras_matched = 0;
  for (const std::string& path : pdfs) {
    Document doc;
    Status s = ExtractPdf(path, ExtractOptions(), &doc);
    ASSERT_TRUE(s.ok()) << path << ": " << s.ToString();
    std::string got = DocumentToText(doc);
    std::string expected = pdftest::ReadFile(ExpectedFor(path).string());
    std::vector<std::string> ep, ec, gp, gc;
    ParseDump(expected, /*lookahead=*/true, &ep, &ec);
    ParseDump(got, /*lookahead=*/false, &gp, &gc);
    pdftest::Score paras = CompareInOrder(ep, gp, /*drop_blank=*/true);
    pdftest::Score cells = CompareInOrder(ec, gc);
    // For information: with single spaces and cell paragraph breaks counted.
    pdftest::Score paras_exact = pdftest::CompareInOrderStrict(ep, gp, true);
    pdftest::Score cells_exact = pdftest::CompareInOrderStrict(ec, gc);
    std::printf("%-34s paragraphs %6.1f%% (%zu/%zu)  cells %6.1f%% (%zu/%zu)"
                "  [exact: %5.1f%% / %5.1f%%]\n",
                fs::path(path).filename().c_str(), paras.percent(), paras.matched, paras.expected,
                cells.percent(), cells.matched, cells.expected, paras_exact.percent(),
                cells_exact.percent());
    EXPECT_GE(paras.percent(), 98.0) << path;
    EXPECT_GE(cells.percent(), 98.0) << path;
    // The producers' PDFs split rows over pages: no phantom row (a row of
    // mostly empty cells), no cell lost to a paragraph. (Paragraphs may be
    // more: Chromium prints the HTML export's page header and footer once,
    // as text of the page.)
    if (path.find("/producers/") != std::string::npos) EXPECT_EQ(cells.got, cells.expected) << path;
    paras_expected += paras.expected;
    paras_matched += paras.matched;
    cells_expected += cells.expected;
    cells_matched += cells.matched;
  }
  std::printf("%-34s paragraphs %6.1f%% (%zu/%zu)  cells %6.1f%% (%zu/%zu)\n", "ALL",
              100.0 * paras_matched / std::max<size_t>(1, paras_expected), paras_matched,
              paras_expected, 100.0 * cells_matched / std::max<size_t>(1, cells_expected),
              cells_matched, cells_expected);
}

}  // namespace
}  // namespace jixiao
