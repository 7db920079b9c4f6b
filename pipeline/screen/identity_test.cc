// Table-driven tests of IdentifyReport: titles in any order and on two lines,
// a （2022年度） line, identity cells, the family of the document.
#include <gtest/gtest.h>

#include "pipeline/screen/screen.h"
#include "pipeline/facts/test_vocabulary.h"

namespace jixiao {
namespace {

Block Para(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

Block Identity(const std::vector<std::pair<std::string, std::string>>& cells) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table.cols = 2;
  for (const auto& [label, value] : cells) {
    for (int c = 0; c < 2; ++c) {
      Cell cell;
      cell.row = b.table.rows;
      cell.col = c;
      cell.paragraphs = {c == 0 ? label : value};
      b.table.cells.push_back(cell);
    }
    ++b.table.rows;
  }
  return b;
}

struct Case {
  std::vector<Block> blocks;
  std::string unit;
  int year;
  std::string project, family;
};

TEST(IdentifyReportTest, TitlesCellsAndFamilies) {
  const Case cases[] = {
      {{Para("2024年度君山区工商业联合会整体支出绩效自评报告")}, "君山区工商业联合会", 2024, "", "whole_report"},
      {{Para("清河县司法局2022年度项目支出绩效自评报告")}, "清河县司法局", 2022, "", "summary_report"},
      {{Para("2023年度清河县文化中心整体支出绩效自评表")}, "清河县文化中心", 2023, "", "whole_table"},
      {{Para("清河县司法局"), Para("2022年度部门整体支出绩效自评报告")}, "清河县司法局", 2022, "", "whole_report"},
      {{Para("项目支出绩效自评表"), Para("（2023年度）"),
        Identity({{"项目名称", "乡村道路养护工程"}, {"主管部门", "清河县交通运输局"}, {"实施单位", "清河县公路养护中心"}})},
       "清河县交通运输局", 2023, "乡村道路养护工程", "project_table"},
      {{Para("部门整体支出绩效自评表"), Para("(2021年度)"), Identity({{"部门（单位）名称", "清河县档案馆"}})},
       "清河县档案馆", 2021, "", "whole_table"},
      {{Para("清河县民政局关于报送2023年度项目支出绩效自评情况的报告"), Para("县财政局："),
        Para("现将我局2023年度项目支出绩效自评情况报告如下。"), Identity({{"项目名称", "甲"}}), Identity({{"项目名称", "乙"}})},
       "清河县民政局", 2023, "", "bundle"},
      {{Para("清河县档案馆2023年度部门决算公开说明")}, "清河县档案馆", 2023, "", "final_accounts"},
      {{Para("2023年度清河縣檔案館整體支出績效自評報告")}, "清河县档案馆", 2023, "", "whole_report"},
      {{Para("关于报送2023年度项目支出绩效自评情况的报告"), Para("县财政局："), Para("现将我局自评情况报告如下。"),
        Para("清河县民政局"), Para("2024年3月15日"), Identity({{"项目名称", "甲"}, {"主管部门", "清河县交通运输局"}})},
       "清河县民政局", 2023, "甲", "bundle"},
  };
  for (const Case& c : cases) {
    Document doc;
    doc.blocks = c.blocks;
    const ReportIdentity id = IdentifyReport(doc, &TestVocabulary());
    EXPECT_EQ(id.unit, c.unit) << id.title;
    EXPECT_EQ(id.year, c.year) << id.title;
    EXPECT_EQ(id.project, c.project) << id.title;
    EXPECT_EQ(id.family, c.family) << id.title;
  }
}

}  // namespace
}  // namespace jixiao
