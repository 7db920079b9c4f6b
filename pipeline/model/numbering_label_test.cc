// Table-driven tests of typed numbering labels, on lines of the seed report.
#include <gtest/gtest.h>

#include "pipeline/model/numbering_label.h"

namespace jixiao {
namespace {

struct Case {
  const char* text;
  LabelStyle style;
  int value;
  const char* label;
  const char* rest;
};

const Case kCases[] = {
    {"三、政府性基金预算支出情况", LabelStyle::kChineseComma, 3, "三、", "政府性基金预算支出情况"},
    {"十、其他需要说明的情况", LabelStyle::kChineseComma, 10, "十、", "其他需要说明的情况"},
    {"十二、附则", LabelStyle::kChineseComma, 12, "十二、", "附则"},
    {"二十一、附则", LabelStyle::kChineseComma, 21, "二十一、", "附则"},
    {"　　七、存在的问题及原因分析", LabelStyle::kChineseComma, 7, "　　七、", "存在的问题及原因分析"},
    {"（二）机构设置与人员情况", LabelStyle::kChineseParen, 2, "（二）", "机构设置与人员情况"},
    {"(三)单位绩效目标", LabelStyle::kChineseParen, 3, "(三)", "单位绩效目标"},
    {"（2） 项目支出情况", LabelStyle::kArabicParen, 2, "（2） ", "项目支出情况"},
    {"(10)其他", LabelStyle::kArabicParen, 10, "(10)", "其他"},
    {"1.严格执行预算管理制度", LabelStyle::kArabicDot, 1, "1.", "严格执行预算管理制度"},
    {"2．加强资产管理", LabelStyle::kArabicDot, 2, "2．", "加强资产管理"},
    {"2.2024年度部门整体支出绩效自评表", LabelStyle::kArabicDot, 2, "2.", "2024年度部门整体支出绩效自评表"},
    {"1、加强和改进非公有制经济人士思想政治工作；", LabelStyle::kArabicComma, 1, "1、", "加强和改进非公有制经济人士思想政治工作；"},
    {"③ 第三项", LabelStyle::kCircled, 3, "③ ", "第三项"},
    {"一是强化理想信念教育。", LabelStyle::kNone, 0, "", "一是强化理想信念教育。"},
    {"2024年本单位无此项支出。", LabelStyle::kNone, 0, "", "2024年本单位无此项支出。"},
    {"1.5万元用于办公", LabelStyle::kNone, 0, "", "1.5万元用于办公"},
    {"3个内设机构", LabelStyle::kNone, 0, "", "3个内设机构"},
    {"部门（单位）基本情况", LabelStyle::kNone, 0, "", "部门（单位）基本情况"},
    {"（万元）", LabelStyle::kNone, 0, "", "（万元）"},
    {"", LabelStyle::kNone, 0, "", ""},
};

TEST(NumberingLabelTest, SeedLines) {
  for (const Case& c : kCases) {
    std::string rest;
    NumberingLabel label = SplitNumberingLabel(c.text, &rest);
    EXPECT_EQ(label.style, c.style) << c.text;
    EXPECT_EQ(label.value, c.value) << c.text;
    EXPECT_EQ(label.label, c.label) << c.text;
    EXPECT_EQ(rest, c.rest) << c.text;
    EXPECT_EQ(label.label + rest, c.text) << "label + rest must reproduce the line";
  }
}

TEST(NumberingLabelTest, Levels) {
  EXPECT_EQ(LabelStyleLevel(LabelStyle::kChineseComma), 1);
  EXPECT_EQ(LabelStyleLevel(LabelStyle::kChineseParen), 2);
  EXPECT_EQ(LabelStyleLevel(LabelStyle::kArabicDot), 3);
  EXPECT_EQ(LabelStyleLevel(LabelStyle::kArabicParen), 4);
  EXPECT_EQ(LabelStyleLevel(LabelStyle::kNone), 0);
}

}  // namespace
}  // namespace jixiao
