// Identity of a report: title, unit, year, project and family, from titles
// in any order or on two lines, a （2022年度） line, the identity cells of its
// tables (项目名称, 主管部门, 实施单位, 部门（单位）名称) and a cover letter; titles
// in traditional characters are read (and named) as simplified.
// Covered by identity_test.cc and the acceptance test (seed).
#include <re2/re2.h>

#include "pipeline/model/simplified.h"
#include "pipeline/model/text_util.h"
#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

bool Has(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

// The kinds of document a title names.
const char* const kDocumentWords[] = {"报告", "自评表", "评价表", "说明", "自评", "绩效"};

bool NamesDocument(const std::string& s) {
  for (const char* w : kDocumentWords)
    if (Has(s, w)) return true;
  return false;
}

// "（2022年度）" alone on a line.
int YearLine(const std::string& s) {
  static const RE2 kYearLine(R"(^[（(]?\s*(20\d\d)\s*年度?\s*[)）]?$)");
  int year = 0;
  RE2::FullMatch(s, kYearLine, &year);
  return year;
}

// Unit out of a title: "2022年度清河县档案馆部门整体支出绩效自评报告",
// "清河县司法局2022年度项目支出绩效自评报告", "清河县交通运输局项目支出绩效自评表".
std::string UnitOfTitle(const std::string& title) {
  static const RE2 kTail(
      R"((?:关于报送|关于)?(?:20\d\d\s*年度?)?(?:部门|单位)?(?:整体支出|项目支出|整体|部门决算|决算)(?:绩效)?.*$)");
  static const RE2 kLeadYear(R"(^\s*20\d\d\s*年度?\s*)");
  static const RE2 kYearInside(R"(20\d\d\s*年度?.*$)");
  std::string s = RemoveSpaces(title);
  RE2::Replace(&s, kLeadYear, "");
  RE2::Replace(&s, kTail, "");
  RE2::Replace(&s, kYearInside, "");
  // Too short or still a document word: no unit in this title.
  if (s.size() < 3 * 2 || NamesDocument(s)) return "";
  return s;
}

}  // namespace

ReportIdentity IdentifyReport(const Document& doc, const Vocabulary* vocabulary) {
  static const RE2 kYear(R"((20\d\d)\s*年)");
  ReportIdentity id;
  // The title: the first paragraph naming a document, joined with the short
  // line before it when the title runs over two lines.
  // `plain`: the lines read as simplified (自評報告 is 自评报告, same
  // offsets); the title is kept as written.
  std::vector<std::string> lines, plain;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTable) break;
    // Read as simplified: a title typed in traditional characters (自評報告) names the same things.
    const std::string text = ToSimplified(TrimSpaces(b.FullText()));
    if (text.empty()) continue;
    lines.push_back(text);
    plain.push_back(ToSimplified(text));
    if (lines.size() >= 24) break;
  }
  for (size_t i = 0; i < lines.size() && i < 8 && id.title.empty(); ++i) {
    if (!Has(plain[i], "报告") && !Has(plain[i], "自评") && !Has(plain[i], "评价表") && !Has(plain[i], "决算")) continue;
    if (lines[i].size() > 3 * 60) continue;
    id.title = lines[i];
    // "清河县交通运输局" / "2023年度项目支出绩效自评报告"
    if (i == 1 && lines[0].size() <= 3 * 30 && !NamesDocument(plain[0]) && !YearLine(lines[0]))
      id.title = lines[0] + lines[i];
    if (i + 1 < lines.size() && YearLine(RemoveSpaces(lines[i + 1]))) id.year = YearLine(RemoveSpaces(lines[i + 1]));
  }
  if (id.title.empty() && !lines.empty() && lines[0].size() <= 3 * 60) id.title = lines[0];
  if (!id.year) RE2::PartialMatch(id.title, kYear, &id.year);
  for (size_t i = 0; i < lines.size() && !id.year; ++i)
    if (YearLine(RemoveSpaces(lines[i]))) id.year = YearLine(RemoveSpaces(lines[i]));
  id.unit = UnitOfTitle(ToSimplified(id.title));

  // Identity cells of the first tables.
  std::string cell_unit, cell_department;
  int projects = 0;  // 项目名称 cells with a value: several in a bundle
  if (vocabulary) {
    for (const Block& b : doc.blocks) {
      if (b.kind != BlockKind::kTable) continue;
      const CellIndex grid(b.table);
      for (const Cell& c : b.table.cells) {
        const std::string kind = vocabulary->IdentityLabel(RemoveSpaces(ToSimplified(c.Text())));
        if (kind.empty()) continue;
        const Cell* value = grid.At(c.row, c.col + c.colspan);
        if (!value || value == &c) continue;
        const std::string v = ToSimplified(TrimSpaces(value->Text()));
        if (v.empty() || !vocabulary->IdentityLabel(RemoveSpaces(v)).empty()) continue;
        if (kind == "project") ++projects;
        if (kind == "project" && id.project.empty()) id.project = RemoveSpaces(v);
        if (kind == "unit" && cell_unit.empty()) cell_unit = RemoveSpaces(v);
        if (kind == "department" && cell_department.empty()) cell_department = RemoveSpaces(v);
      }
    }
  }
  if (projects > 1) id.project.clear();  // a bundle of several projects is about none of them

  // The cover letter of a bundle: "现将…报告如下", signed by the unit.
  bool cover = false;
  for (const std::string& l : plain)
    if (Has(l, "现将") && (Has(l, "如下") || Has(l, "报送"))) cover = true;
  // Its signature: a short line naming the unit just above the date.
  if (cover && id.unit.empty()) {
    static const RE2 kDate(R"(^20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)");
    for (size_t i = 1; i < lines.size(); ++i) {
      const std::string prev = RemoveSpaces(lines[i - 1]);
      if (RE2::FullMatch(RemoveSpaces(lines[i]), kDate) && prev.size() <= 3 * 20 && prev.size() >= 3 * 3 &&
          !RE2::PartialMatch(prev, R"([，。：:；、0-9])")) {
        id.unit = prev;
        break;
      }
    }
  }
  if (id.unit.empty()) id.unit = !cell_department.empty() ? cell_department : cell_unit;
  // Year from the first table's header or a dated paragraph, as a last resort.
  if (!id.year) {
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::kTable) continue;
      const std::string t = RemoveSpaces(b.FullText());
      if (t.size() > 3 * 60) continue;
      if (RE2::PartialMatch(t, R"(^(20\d\d)年度)", &id.year)) break;
    }
  }

  const std::string t = ToSimplified(id.title);
  bool has_indicators = false;
  for (const Block& b : doc.blocks)
    if (b.kind == BlockKind::kTable)
      for (const Cell& c : b.table.cells)
        if (RemoveSpaces(c.Text()) == "三级指标") has_indicators = true;
  if (cover) id.family = "bundle";
  else if (Has(t, "决算")) id.family = "final_accounts";
  else if (Has(t, "总结")) id.family = "summary_report";
  else if (Has(t, "整体支出") && (Has(t, "自评表") || Has(t, "评价表"))) id.family = "whole_table";
  else if (Has(t, "整体支出") && Has(t, "报告")) id.family = "whole_report";
  else if (Has(t, "项目支出") && (Has(t, "自评表") || Has(t, "评价表"))) id.family = "project_table";
  else if (Has(t, "项目") && Has(t, "报告")) id.family = has_indicators ? "project_report" : "summary_report";
  else if (!id.project.empty()) id.family = "project_table";
  return id;
}

}  // namespace jixiao
