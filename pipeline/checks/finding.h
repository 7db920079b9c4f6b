// A finding: one inconsistency a reviewer should look at, with every figure
// involved quoted and placed, and the arithmetic that fails.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/model/document.h"

namespace jixiao {

struct Evidence {
  std::string quote;   // verbatim text: the sentence, clause or cell
  std::string value;   // the figure as a decimal string, if any ("24")
  std::string unit;    // its unit as written ("万元", "%", "分", "次")
  int block = -1;      // index into Document::blocks
  int span_begin = -1; // byte span of the figure inside the block text (paragraphs)
  int span_end = -1;
  Provenance prov;     // cell row/col for table cells; page/box for PDF
  std::string place;   // Chinese description for the reviewer: "正文第12段（第3页）"
};

enum class FindingSeverity { kError, kWarning, kInfo };

struct Finding {
  // Stable id (pipeline/screen/finding_id.h): set once the document's sha256
  // is known (the screener, ScreenReport FromJson); empty before.
  std::string id;
  std::string code;      // stable: SUM_MISMATCH, FIGURE_CONFLICT, ... (schemas/findings.schema.json)
  FindingSeverity severity = FindingSeverity::kError;
  std::string message;   // Chinese, for the reviewer
  std::string arithmetic;  // "24 ≠ 0 + 0"; empty when no arithmetic is involved
  std::vector<Evidence> evidence;
};

const char* FindingSeverityName(FindingSeverity severity);  // "error" | "warning" | "info"

nlohmann::ordered_json FindingToJson(const Finding& finding);

// "正文第12段", "表2 第5行第3列", with "（第3页）" when the page is known.
std::string DescribePlace(const Document& doc, int block, const Provenance& prov);

// An Evidence for a whole paragraph block, or for a table cell.
Evidence ParagraphEvidence(const Document& doc, int block);
Evidence CellEvidence(const Document& doc, int block, const Cell& cell);

}  // namespace jixiao
