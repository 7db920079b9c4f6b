// Tests of NUMBERING_BROKEN (numbering_check.h) on paragraph lists: label
// sequences of every style, labels the word processor generated (kept apart
// from the text), attachment lists, and the Chinese small numbers labels use.
#include <gtest/gtest.h>

#include "pipeline/checks/numbering_check.h"
#include "pipeline/model/test_documents.h"
#include "pipeline/checks/test_rules.h"

namespace jixiao {
namespace {

// Headings whose labels Word generated: the label apart from the text.
Document Headings(const std::vector<std::pair<std::string, std::string>>& labelled) {
  Document doc;
  for (const auto& [label, text] : labelled) {
    Block b;
    b.kind = BlockKind::kHeading;
    b.level = 1;
    b.label = label;
    b.text = text;
    b.prov.body_index = static_cast<int>(doc.blocks.size());
    doc.blocks.push_back(b);
  }
  return doc;
}

std::vector<std::string> Messages(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    EXPECT_EQ(f.code, "NUMBERING_BROKEN");
    EXPECT_EQ(f.severity, FindingSeverity::kWarning);
    out.push_back(f.message);
  }
  return out;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + " / ";
  return out;
}

struct NumberingCase {
  std::vector<std::string> lines;
  std::vector<std::string> messages;  // expected NUMBERING_BROKEN messages, in order
};

TEST(NumberingTest, Sequences) {
  const NumberingCase cases[] = {
      {{"一、甲", "（一）子", "1.孙", "2.孙", "（二）子", "二、乙", "三、丙"}, {}},
      {{"一、甲", "（一）子", "（二）子", "（一）嵌套重新开始", "（二）嵌套"}, {}},
      {{"一、甲", "（一）子", "（2） 子"}, {"同一级编号样式不一致：“（一）”之后是“（2）”，应为“（二）”"}},
      {{"一、甲", "（一）子", "（2）子", "（三）子"}, {"同一级编号样式不一致：“（一）”之后是“（2）”，应为“（二）”"}},
      {{"一、甲", "（1） 子", "1.孙", "2.孙", "（二）子"}, {"同一级编号样式不一致：“（1）”之后是“（二）”，应为“（2）”"}},
      {{"一、甲", "二、乙", "四、丁"}, {"编号从“二、”跳到“四、”，缺少“三、”"}},
      {{"一、甲", "二、乙", "二、乙again"}, {"编号“二、”重复"}},
      {{"一、甲", "（二）机构"}, {"编号从“（二）”开始，缺少“（一）”"}},
      {{"一、甲", "三、丙", "二、乙"}, {"编号从“一、”跳到“三、”，缺少“二、”", "编号倒退：“三、”之后是“二、”"}},
      {{"部门（单位）基本情况", "正文", "一般公共预算支出情况", "三、政府性基金预算支出情况"},
       {"一级标题编号从“三、”开始，缺少“一、”“二、”；以下标题没有编号：“部门（单位）基本情况”、“一般公共预算支出情况”"}},
      {{"一、甲", "二、乙", "附件：1.基础数据表", "2.自评表", "3.项目表"}, {}},
      {{"十、其他"}, {"一级标题编号从“十、”开始，缺少“一、”“二、”“三、”等"}},
      // Arabic lists under one heading: a skip, and a skip of several.
      {{"一、甲", "1.培训", "2.宣传", "4.督查"}, {"编号从“2.”跳到“4.”，缺少“3.”"}},
      {{"一、甲", "1、培训", "6、督查"}, {"编号从“1、”跳到“6、”，缺少“2、”“3、”“4、”"}},
      // Eleven and on, as 十一、 and （十二）.
      {{"一、甲", "二、乙", "三、丙", "四、丁", "五、戊", "六、己", "七、庚", "八、辛", "九、壬", "十、癸",
        "十一、子", "十三、寅"},
       {"编号从“十一、”跳到“十三、”，缺少“十二、”"}},
      // A new top-level heading ends the lists under the last one.
      {{"一、甲", "（一）子", "（二）子", "二、乙", "（一）子", "（三）子"}, {"编号从“（一）”跳到“（三）”，缺少“（二）”"}},
  };
  for (const NumberingCase& c : cases) {
    std::vector<Finding> findings;
    CheckNumbering(Paragraphs(c.lines), TestNationalRules(), &findings);
    EXPECT_EQ(Messages(findings), c.messages) << Joined(c.lines);
  }
}

TEST(NumberingTest, EvidenceQuotesBothLabels) {
  std::vector<Finding> findings;
  CheckNumbering(Paragraphs({"一、甲", "（一）基本支出情况", "（2） 项目支出情况"}), TestNationalRules(), &findings);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].evidence.size(), 2u);
  EXPECT_EQ(findings[0].evidence[0].quote, "（一）基本支出情况");
  EXPECT_EQ(findings[0].evidence[1].quote, "（2） 项目支出情况");
  EXPECT_EQ(findings[0].evidence[1].place, "正文第3段");
}

TEST(NumberingTest, LabelsTheWordProcessorGenerated) {
  std::vector<Finding> findings;
  CheckNumbering(Headings({{"一、", "部门基本情况"}, {"二、", "部门整体支出情况"}, {"三、", "绩效目标完成情况"}}),
                 TestNationalRules(), &findings);
  EXPECT_EQ(Messages(findings), std::vector<std::string>{});
  findings.clear();
  CheckNumbering(Headings({{"一、", "部门基本情况"}, {"二、", "部门整体支出情况"}, {"四、", "存在的问题"}}),
                 TestNationalRules(), &findings);
  EXPECT_EQ(Messages(findings), std::vector<std::string>{"编号从“二、”跳到“四、”，缺少“三、”"});
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].evidence.size(), 2u);
  EXPECT_EQ(findings[0].evidence[1].quote, "四、存在的问题");
}

TEST(NumberingTest, ChineseSmallNumbers) {
  EXPECT_EQ(ChineseSmallNumber(1), "一");
  EXPECT_EQ(ChineseSmallNumber(9), "九");
  EXPECT_EQ(ChineseSmallNumber(10), "十");
  EXPECT_EQ(ChineseSmallNumber(12), "十二");
  EXPECT_EQ(ChineseSmallNumber(20), "二十");
  EXPECT_EQ(ChineseSmallNumber(35), "三十五");
  EXPECT_EQ(ChineseSmallNumber(99), "九十九");
  // Outside 1..99 the digits are kept.
  EXPECT_EQ(ChineseSmallNumber(0), "0");
  EXPECT_EQ(ChineseSmallNumber(100), "100");
}

}  // namespace
}  // namespace jixiao
