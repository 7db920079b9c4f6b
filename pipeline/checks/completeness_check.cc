// TABLE_INCOMPLETE: say once that a table or a document stops short, instead
// of judging what is missing (weights "adding up to 60", 满意度 "summing to
// 0", sections not found). Covered by funds_checks_test.cc (TABLE_INCOMPLETE
// cases) and the templates corpus (cut-off and half-filled cases).
#include "pipeline/checks/completeness_check.h"

#include <re2/re2.h>

#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

Finding Info(std::string message) {
  Finding f;
  f.code = "TABLE_INCOMPLETE";
  f.severity = FindingSeverity::kInfo;
  f.message = std::move(message);
  return f;
}

const Cell* CellAt(const Table& t, int row) {
  const Cell* best = nullptr;
  for (const Cell& c : t.cells)
    if (c.row == row && (!best || c.col > best->col) && !RemoveSpaces(c.Text()).empty() && c.col < 4) best = &c;
  return best;
}

// The last paragraph stops inside a sentence: long enough to be prose, and
// ending with a character that does not close a sentence.
bool EndsMidSentence(const std::string& text) {
  const std::string t = TrimSpaces(text);
  if (t.size() < 3 * 20) return false;
  static const char* kClosers[] = {"。", "！", "？", "；", "）", ")", "”", "\"", "…", "：", ":", "!", "?", ".", "》", "」"};
  for (const char* c : kClosers) {
    const std::string s(c);
    if (t.size() >= s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0) return false;
  }
  // A date or a signature line is a proper end.
  if (RE2::PartialMatch(t, R"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)")) return false;
  return true;
}

int LastBlock(const Document& doc) {
  for (int i = static_cast<int>(doc.blocks.size()) - 1; i >= 0; --i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kTable ? !b.table.cells.empty() : !TrimSpaces(b.FullText()).empty()) return i;
  }
  return -1;
}

}  // namespace

bool TableCutOff(const Document& doc, const FactSet& facts, const Rules& rules, const IndicatorTable& t) {
  if (t.has_total) return false;
  if (t.block == LastBlock(doc)) return true;
  numbers::Decimal sum;
  for (const ScoreLine& e : facts.executions)
    if (e.group == t.group && e.weight) sum = sum + *e.weight;
  for (const IndicatorRecord& r : facts.indicators)
    if (r.group == t.group && r.weight) sum = sum + *r.weight;
  return sum < rules.total_weight;
}

bool CheckCompleteness(const Document& doc, const FactSet& facts, const Rules& rules, bool read_in_full,
                       std::vector<Finding>* out) {
  const int last = LastBlock(doc);
  bool cut_short = !read_in_full;
  bool reported = false;
  for (const IndicatorTable& t : facts.indicator_tables) {
    if (t.has_total ? t.total_filled : !TableCutOff(doc, facts, rules, t)) continue;
    const Table& table = doc.blocks[t.block].table;
    const Cell* where = t.last_row >= 0 ? CellAt(table, t.last_row) : nullptr;
    Evidence e = where ? CellEvidence(doc, t.block, *where) : Evidence{};
    if (!where) {
      e.block = t.block;
      e.place = DescribePlace(doc, t.block, {});
    }
    std::string message;
    if (!t.has_total) {
      message = "绩效指标表（" + e.place + "）在指标“" + t.last_label + "”之后结束，没有总分行" +
                (t.block == last ? "，文档也在此结束" : "") + "：表格不完整，缺少部分的分值与得分未核对";
      if (t.block == last) cut_short = true;
    } else {
      message = "绩效指标表（" + e.place + "）的总分未填写：自评表未填写完整，得分合计未核对";
    }
    Finding f = Info(message);
    f.evidence.push_back(std::move(e));
    out->push_back(std::move(f));
    reported = true;
  }
  if (!read_in_full) {
    out->push_back(Info("文档只读取了部分内容（" + doc.status_reason + "）：未读取部分的章节、附件和表格未核对"));
    reported = true;
  } else if (last >= 0 && doc.blocks[last].kind != BlockKind::kTable && EndsMidSentence(doc.blocks[last].FullText())) {
    Finding f = Info("文档在一句话中间结束，内容可能不完整：缺少部分的章节与附件未核对");
    Evidence e = ParagraphEvidence(doc, last);
    f.evidence.push_back(std::move(e));
    out->push_back(std::move(f));
    cut_short = true;
  }
  (void)reported;
  return cut_short;
}

}  // namespace jixiao
