// Number formats, symbol fonts and the table grid builder in isolation.
#include <gtest/gtest.h>

#include "extractors/docx/number_format.h"
#include "extractors/docx/symbols.h"
#include "extractors/docx/table_builder.h"

namespace jixiao::docx {
namespace {

TEST(NumberFormat, Chinese) {
  EXPECT_EQ(FormatNumber("chineseCounting", 1), "一");
  EXPECT_EQ(FormatNumber("chineseCounting", 10), "十");
  EXPECT_EQ(FormatNumber("chineseCounting", 11), "十一");
  EXPECT_EQ(FormatNumber("chineseCounting", 20), "二十");
  EXPECT_EQ(FormatNumber("chineseCounting", 99), "九十九");
  EXPECT_EQ(FormatNumber("chineseCounting", 101), "一〇一");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 10), "十");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 15), "十五");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 100), "一百");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 110), "一百一十");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 1001), "一千零一");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 10000), "一万");
  EXPECT_EQ(FormatNumber("chineseCountingThousand", 10010), "一万零一十");
  EXPECT_EQ(FormatNumber("chineseLegalSimplified", 3), "叁");
  EXPECT_EQ(FormatNumber("chineseLegalSimplified", 12), "壹拾贰");
  EXPECT_EQ(FormatNumber("ideographTraditional", 10), "癸");
  EXPECT_EQ(FormatNumber("ideographTraditional", 11), "11");
  EXPECT_EQ(FormatNumber("ideographZodiac", 12), "亥");
  EXPECT_EQ(FormatNumber("ideographDigital", 2024), "二〇二四");
}

TEST(NumberFormat, Others) {
  EXPECT_EQ(FormatNumber("decimal", 7), "7");
  EXPECT_EQ(FormatNumber("decimalZero", 7), "07");
  EXPECT_EQ(FormatNumber("decimalEnclosedCircle", 1), "①");
  EXPECT_EQ(FormatNumber("decimalEnclosedCircle", 20), "⑳");
  EXPECT_EQ(FormatNumber("decimalEnclosedCircle", 21), "21");
  EXPECT_EQ(FormatNumber("decimalEnclosedParen", 2), "⑵");
  EXPECT_EQ(FormatNumber("decimalFullWidth", 12), "１２");
  EXPECT_EQ(FormatNumber("upperLetter", 1), "A");
  EXPECT_EQ(FormatNumber("upperLetter", 27), "AA");
  EXPECT_EQ(FormatNumber("lowerLetter", 28), "bb");
  EXPECT_EQ(FormatNumber("upperRoman", 1994), "MCMXCIV");
  EXPECT_EQ(FormatNumber("lowerRoman", 4), "iv");
  EXPECT_EQ(FormatNumber("ordinal", 22), "22nd");
  EXPECT_EQ(FormatNumber("none", 3), "");
  bool known = true;
  EXPECT_EQ(FormatNumber("hebrew2", 5, &known), "5");
  EXPECT_FALSE(known);
}

TEST(Symbols, Fonts) {
  EXPECT_EQ(MapSymbol("Symbol", 0xF0B3), "≥");
  EXPECT_EQ(MapSymbol("Symbol", 0xF0A3), "≤");
  EXPECT_EQ(MapSymbol("Symbol", 0xF0B7), "•");
  EXPECT_EQ(MapSymbol("Wingdings", 0xF0FC), "✓");
  EXPECT_EQ(MapSymbol("Wingdings 2", 0xF0A8), "◻");
  EXPECT_EQ(MapSymbol("宋体", 0x2265), "≥");
  bool mapped = true;
  MapSymbol("Wingdings", 0xF001, &mapped);
  EXPECT_FALSE(mapped);
  EXPECT_EQ(MapSymbolText("Symbol", "\xEF\x82\xB7"), "•");
  EXPECT_EQ(MapSymbolText("", "●"), "●");
}

TEST(TableBuilder, SpansAndMerges) {
  using VM = TableBuilder::VMerge;
  using HM = TableBuilder::HMerge;
  TableBuilder tb(3, 7);
  tb.SetGridColumns(3);
  tb.BeginRow(0);
  tb.AddCell(1, VM::kRestart, HM::kNone, {"a"}, {});
  tb.AddCell(2, VM::kNone, HM::kNone, {"b"}, {});
  tb.EndRow();
  tb.BeginRow(0);
  EXPECT_EQ(tb.AddCell(1, VM::kContinue, HM::kNone, {""}, {}), "");
  tb.AddCell(1, VM::kNone, HM::kRestart, {"c"}, {});
  tb.AddCell(1, VM::kNone, HM::kContinue, {""}, {});
  tb.EndRow();
  tb.BeginRow(1);  // gridBefore
  // Continues c (col 1): the text of a continued cell is appended, with a note.
  EXPECT_NE(tb.AddCell(1, VM::kContinue, HM::kNone, {"x"}, {}), "");
  tb.EndRow();
  Table t = tb.Finish();
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.At(1, 0)->rowspan, 2);
  EXPECT_EQ(t.At(1, 2)->Text(), "c\nx");
  EXPECT_EQ(t.At(2, 1)->rowspan, 2);
  EXPECT_EQ(t.At(1, 1)->colspan, 2);
  EXPECT_EQ(t.prov.table_index, 3);
  EXPECT_EQ(t.cells[0].prov.body_index, 7);
}

TEST(TableBuilder, HostileSpansAreBounded) {
  using VM = TableBuilder::VMerge;
  using HM = TableBuilder::HMerge;
  TableBuilder tb(0, 0);
  tb.SetGridColumns(100000000);
  tb.BeginRow(0);
  EXPECT_EQ(tb.AddCell(5000000, VM::kNone, HM::kNone, {"wide"}, {}), "");
  EXPECT_NE(tb.AddCell(1, VM::kNone, HM::kNone, {"dropped"}, {}), "");
  tb.EndRow();
  Table t = tb.Finish();
  EXPECT_EQ(t.cols, TableBuilder::kMaxColumns);
  ASSERT_EQ(t.cells.size(), 1u);
  EXPECT_EQ(t.cells[0].colspan, TableBuilder::kMaxColumns);
}

}  // namespace
}  // namespace jixiao::docx
