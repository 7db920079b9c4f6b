// Which pages need OCR and how OCR'd words join a page's text layer
// (ocr_pages.cc), on pages built by hand: no OCR runs here.
#include "extractors/pdf/ocr_pages.h"
#include "pipeline/model/utf8.h"

#include <gtest/gtest.h>

namespace jixiao::pdf {
namespace {

Word MakeWord(const std::string& text, double x0, double x1, bool unmapped = false) {
  Word w;
  w.text = text;
  w.box = {x0, 100, x1, 112};
  for (Utf8Cursor c(text); !c.Done();) {
    const CodePointSpan cp = c.Next();
    w.char_bytes.push_back(static_cast<int>(cp.end - cp.begin));
  }
  for (size_t k = 0; k <= w.char_bytes.size(); ++k)
    w.edges.push_back(static_cast<float>(x0 + (x1 - x0) * k / w.char_bytes.size()));
  w.font_size = 12;
  w.unmapped_font = unmapped;
  return w;
}

ocr::Word OcrWord(const std::string& text, double x0, double x1, double conf) {
  Word w = MakeWord(text, x0, x1);
  ocr::Word o;
  o.text = w.text;
  o.box = w.box;
  o.edges = w.edges;
  o.char_bytes = w.char_bytes;
  o.font_size = 12;
  o.confidence = conf;
  return o;
}

TEST(OcrPages, GarbledWordsAreReplacedByWhatOcrReadInTheirPlace) {
  PageContent page;
  page.number = 1;
  page.words = {MakeWord("预算资金", 100, 148), MakeWord("!\"#$", 150, 198, /*unmapped=*/true)};
  ocr::Page scanned;
  scanned.words = {OcrWord("预算资金", 101, 147, 0.9), OcrWord("24万元", 151, 197, 0.8)};
  std::vector<ocr::Word> kept;
  EXPECT_EQ(MergeOcr(scanned, /*force=*/false, &page, &kept), 1u);
  ASSERT_EQ(page.words.size(), 2u);
  EXPECT_EQ(page.words[0].text, "预算资金");  // the text layer's own word
  EXPECT_EQ(page.words[1].text, "24万元");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].text, "24万元");
}

TEST(OcrPages, ForceReplacesTheTextLayer) {
  PageContent page;
  page.words = {MakeWord("预算资金", 100, 148)};
  page.segments = {{0, 50, 500, 50}};
  ocr::Page scanned;
  scanned.words = {OcrWord("预算资全", 101, 147, 0.6)};
  scanned.rules = {{10, 60, 400, 60}};
  std::vector<ocr::Word> kept;
  EXPECT_EQ(MergeOcr(scanned, /*force=*/true, &page, &kept), 1u);
  ASSERT_EQ(page.words.size(), 1u);
  EXPECT_EQ(page.words[0].text, "预算资全");
  ASSERT_EQ(page.segments.size(), 1u);
  EXPECT_EQ(page.segments[0].y0, 60);
}

TEST(OcrPages, WhichPagesMayNeedOcr) {
  ExtractOptions automatic, off, force;
  off.ocr = ExtractOptions::Ocr::kOff;
  force.ocr = ExtractOptions::Ocr::kForce;
  PageContent empty, text, garbled, art;
  for (int i = 0; i < 60; ++i) text.words.push_back(MakeWord("预算资金", 10, 58));  // 240 glyphs
  garbled = text;
  for (int i = 0; i < 10; ++i) garbled.words.push_back(MakeWord("!\"#$", 10, 58, true));
  art.segments.assign(5000, Segment{0, 1, 10, 1});
  EXPECT_TRUE(MayNeedOcr(empty, automatic));
  EXPECT_FALSE(MayNeedOcr(text, automatic));
  EXPECT_TRUE(MayNeedOcr(garbled, automatic));
  EXPECT_FALSE(MayNeedOcr(art, automatic));  // vector art, not a scan
  EXPECT_FALSE(MayNeedOcr(empty, off));
  EXPECT_TRUE(MayNeedOcr(garbled, off));     // garbled text is never used, OCR or not
  EXPECT_TRUE(MayNeedOcr(text, force));
}

TEST(OcrPages, ImplausibleCodePoints) {
  for (char32_t c : {char32_t{0xE000}, char32_t{0xF8FF}, char32_t{0x01}, char32_t{0xFFFD}, char32_t{0x85}})
    EXPECT_TRUE(ImplausibleCodePoint(c)) << std::hex << static_cast<uint32_t>(c);
  for (char32_t c : {char32_t{U'预'}, char32_t{U'%'}, char32_t{U'（'}, char32_t{U'A'}})
    EXPECT_FALSE(ImplausibleCodePoint(c));
}

TEST(OcrPages, ProvenanceCarriesTheConfidenceOfTheWordsInside) {
  Document doc;
  Block b;
  b.text = "24万元";
  b.prov.page = 2;
  b.prov.box = Box{140, 90, 210, 120};
  doc.blocks.push_back(b);
  b.prov.page = 1;  // same box, another page: not OCR'd
  doc.blocks.push_back(b);
  std::map<int, std::vector<ocr::Word>> words;
  words[2] = {OcrWord("24万元", 151, 197, 0.75)};
  MarkOcr(words, &doc);
  EXPECT_TRUE(doc.blocks[0].prov.ocr);
  EXPECT_DOUBLE_EQ(doc.blocks[0].prov.ocr_confidence, 0.75);
  EXPECT_FALSE(doc.blocks[1].prov.ocr);
}

}  // namespace
}  // namespace jixiao::pdf
