// Facts: every figure of a report that the checks compare, with what it
// means (concept, period, subject) and where it stands (block, cell, span).
//
// Narrative sentences ("预算资金24万元（基本支出24万元，项目支出0万元）"),
// table cells addressed by their row and column headers (附件1, the 附件2
// budget block, cells written "其中：基本支出：0") and the indicator table
// (as records) all end up here, the same from DOCX and from PDF.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/facts/funds_block.h"
#include "pipeline/facts/vocabulary.h"
#include "pipeline/model/deadline.h"  // the loops stop at the document's time limit
#include "pipeline/model/document.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao {

enum class FactSource { kNarrative, kTable };

struct Fact {
  std::string concept_id;  // concept id ("basic"), "grade", or "" for a count named by its clause
  std::string label;    // what the report calls it: the concept's label, or the clause ("全年共走访企业")
  numbers::Quantity q;  // the figure (unset for grades)
  std::string grade;    // concept "grade": 优/良/中/差
  // "initial" (年初预算), "full" (全年预算), "budget" (预算, either),
  // "executed" (实际支出/决算), or "" when the sentence or column names none.
  std::string period;
  int year = 0;                  // 0 when unknown
  std::string subject = "unit";  // "unit" (the whole department) or "project:<项目名称>"
  FactSource source = FactSource::kNarrative;
  int block = -1;                // index into Document::blocks
  int row = -1, col = -1;        // table cells
  Provenance prov;               // the block's or the cell's
  std::string quote;             // the sentence, or the cell text
  int sentence = -1;             // narrative: sentence number inside the block
  // A figure that breaks down another ("（基本支出24万元，项目支出0万元）",
  // "其中…"): the index of that fact in FactSet::facts, else -1.
  int parent = -1;
  // A rate stated relative to another figure ("为年初预算的100%"): the
  // numerator and denominator facts, else -1.
  int rate_numerator = -1, rate_denominator = -1;
  // A closed or open list of parts ("其中：14万元用于…，6.5万元用于…";
  // "包括A项目12.5万元、B项目8万元等"): the parts share `list` (an id unique
  // in the FactSet) and have `parent` = the head figure. A part whose name
  // is not in the vocabulary has concept_id "" and its item name as label.
  int list = -1;
  bool list_open = false;  // "…等": the parts may not exceed the head
  // Relations ("比上年增加4万元", "增长20%", "决算数大于预算数2万元",
  // "完成年初预算的103%"): relation is "change", "growth_rate",
  // "difference" or "completion_rate" (and concept_id the same), else "".
  // of_concept is the concept of the level they are about, relation_base
  // the fact of that level (this year's, or the executed figure), else -1;
  // sign +1 for 增加/增长/大于, -1 for 减少/下降/小于. A change is from
  // base_year (last year), a difference or completion from base_period.
  std::string relation;
  std::string of_concept;
  int relation_base = -1;
  int sign = 0;
  int base_year = 0;
  std::string base_period;
  // growth_rate: the change or difference it is the rate of, else -1.
  int relation_change = -1;
  // A figure of a table prose cell under a target header (年度总体目标,
  // 预期目标: "target") or an actual header (实际完成情况: "actual"), else "".
  std::string prose_role;
  // A prose target or actual on a row of a table with a weight and a score
  // column (分值/权重 and 得分/自评得分, found by their header): the row's
  // cells and figures, else nullptr / unset. Full marks (score = weight)
  // make a missed prose target TARGET_NOT_MET without a 全面完成 claim.
  const Cell* weight_cell = nullptr;
  const Cell* score_cell = nullptr;
  std::optional<numbers::Decimal> weight, score;
};

// One row of the indicator table (绩效指标).
struct IndicatorRecord {
  std::string level1, level2, level3;   // 一级 / 二级 / 三级指标 as written (spaces and breaks removed)
  std::optional<numbers::Decimal> level1_weight;  // "产出指标(50分)" → 50
  std::string target_text, actual_text, note;
  std::string direction;  // 指标方向: "up" (正向), "down" (反向), "" when not stated
  std::string unit;       // 计量单位 as written ("%"), appended to a bare target/actual
  int group = -1;         // the table group (one project's table) it belongs to
  std::vector<numbers::Quantity> target, actual;
  std::optional<numbers::Decimal> weight, score;
  int block = -1, row = -1;
  // Cells for evidence: level1, level3, target, actual, weight, score, note.
  const Cell* level1_cell = nullptr;
  const Cell* name_cell = nullptr;
  const Cell* target_cell = nullptr;
  const Cell* actual_cell = nullptr;
  const Cell* weight_cell = nullptr;
  const Cell* score_cell = nullptr;
  const Cell* note_cell = nullptr;
  const Cell* direction_cell = nullptr;
};

// A weight/score pair stated in a table: the budget-execution row
// (分值 10, 执行率 100, 得分 10) or the 总分 row (100, 98).
struct ScoreLine {
  std::optional<numbers::Decimal> weight, score, rate;
  int block = -1;
  int group = -1;  // the table group it belongs to
  const Cell* weight_cell = nullptr;
  const Cell* score_cell = nullptr;
  const Cell* rate_cell = nullptr;
};

// An indicator table as read: where it is and whether it is whole. A table
// that stops before its 总分 row (the document or the table cut off, a
// template left half filled) is incomplete: no check judges what is missing.
struct IndicatorTable {
  int group = -1;
  int block = -1;          // the table holding the header row
  int header_row = -1;
  int last_row = -1;       // last indicator row read
  bool has_total = false;  // a 总分 row was found
  bool total_filled = false;  // ... with its score stated
  std::string last_label;  // the last indicator's name, to say where it stops
};

struct FactSet {
  int year = 0;  // the report's year (from its title), 0 when unknown
  std::vector<Fact> facts;
  std::vector<IndicatorRecord> indicators;
  std::optional<ScoreLine> execution;  // 预算执行率 in the budget block (the first one)
  std::optional<ScoreLine> total;      // 总分 row of the indicator table (the first one)
  // Every table group's execution line and 总分 row (a bundle has several).
  std::vector<ScoreLine> executions, totals;
  std::vector<FundsBlock> funds;             // the funds blocks, with their group
  std::vector<int> funds_groups;             // group of funds[i]
  std::vector<IndicatorTable> indicator_tables;
  // Block index of the table that starts each group (a project's table, or
  // the first table after a title naming one), by group number.
  std::vector<int> group_blocks;
  // Figures whose measure word is a known typo (≥50各), anywhere.
  std::vector<Fact> suspect_units;
  int next_list = 0;  // next free list id
  // The report says every target was met (全面完成年度目标): the first
  // place it says so, else nullopt.
  std::optional<Fact> completion_claim;
};

// Reads every fact of the document. `year` is the report's year (0 if unknown).
FactSet ExtractFacts(const Document& doc, const Vocabulary& vocabulary, int year);

// Parts of ExtractFacts, exposed for tests.
void ExtractNarrativeFacts(const Document& doc, const Vocabulary& vocabulary, int end_block, FactSet* out);
void ExtractTableFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out);
// Prose cells (年度总体目标, 实际完成情况, 目标1 …, any cell of a sentence or
// more, whatever its punctuation) read with the narrative rules: counts named
// by their clause ("收集困难与问题62个") with the cell's role (target or
// actual), and lists with their head (amounts named by the cell's label are
// the table reader's). Also notes where the report claims 全面完成.
void ExtractProseCellFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out);

// A text listing of the set for people. Its JSON is written by the report
// (FactSetToJson in pipeline/screen/report.h), with the facts as reports carry them.
std::string FactSetToText(const FactSet& facts);

}  // namespace jixiao
