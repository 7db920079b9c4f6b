// Findings as JSON and the Chinese description of places. Covered by
// checks_test.cc.
#include "pipeline/checks/finding.h"

#include <cmath>

#include "pipeline/model/place_name.h"

namespace jixiao {

const char* FindingSeverityName(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::kError: return "error";
    case FindingSeverity::kWarning: return "warning";
    case FindingSeverity::kInfo: return "info";
  }
  return "error";
}

nlohmann::ordered_json FindingToJson(const Finding& f) {
  nlohmann::ordered_json j;
  if (!f.id.empty()) j["id"] = f.id;
  j["code"] = f.code;
  j["severity"] = FindingSeverityName(f.severity);
  j["message"] = f.message;
  if (!f.arithmetic.empty()) j["arithmetic"] = f.arithmetic;
  nlohmann::ordered_json ev = nlohmann::ordered_json::array();
  for (const Evidence& e : f.evidence) {
    nlohmann::ordered_json je;
    je["quote"] = e.quote;
    if (!e.value.empty()) je["value"] = e.value;
    if (!e.unit.empty()) je["unit"] = e.unit;
    nlohmann::ordered_json where = nlohmann::ordered_json::object();
    if (e.block >= 0) where["block"] = e.block;
    if (e.prov.page >= 0) where["page"] = e.prov.page;
    if (e.prov.box) where["box"] = {e.prov.box->x0, e.prov.box->y0, e.prov.box->x1, e.prov.box->y1};
    if (e.prov.body_index >= 0) where["body_index"] = e.prov.body_index;
    if (e.prov.table_index >= 0) where["table_index"] = e.prov.table_index;
    if (e.prov.row >= 0) where["row"] = e.prov.row;
    if (e.prov.col >= 0) where["col"] = e.prov.col;
    if (e.span_begin >= 0) where["span"] = {e.span_begin, e.span_end};
    if (e.prov.ocr) {
      where["ocr"] = true;
      where["confidence"] = std::round(e.prov.ocr_confidence * 1000) / 1000;
    }
    je["where"] = std::move(where);
    je["place"] = e.place;
    ev.push_back(std::move(je));
  }
  j["evidence"] = std::move(ev);
  return j;
}

std::string DescribePlace(const Document& doc, int block, const Provenance& prov) {
  int table_no = 0, para_no = 0;
  int n = static_cast<int>(doc.blocks.size());
  if (block >= 0 && block < n && doc.blocks[block].kind == BlockKind::kTable) {
    for (int i = 0; i <= block; ++i) table_no += doc.blocks[i].kind == BlockKind::kTable;
  } else {
    for (int i = 0; i <= block && i < n; ++i) {
      const Block& b = doc.blocks[i];
      if (b.kind != BlockKind::kTable && HasVisibleText(b.FullText())) ++para_no;
    }
  }
  int page = prov.page;
  if (page < 0 && block >= 0 && block < n) page = doc.blocks[block].prov.page;
  return PlaceName(table_no, table_no > 0 ? prov.row : -1, table_no > 0 ? prov.col : -1, para_no, page);
}

Evidence ParagraphEvidence(const Document& doc, int block) {
  Evidence e;
  e.block = block;
  e.quote = doc.blocks[block].FullText();
  e.prov = doc.blocks[block].prov;
  e.place = DescribePlace(doc, block, e.prov);
  return e;
}

Evidence CellEvidence(const Document& doc, int block, const Cell& cell) {
  Evidence e;
  e.block = block;
  e.quote = cell.Text();
  e.prov = cell.prov;
  if (e.prov.row < 0) e.prov.row = cell.row;
  if (e.prov.col < 0) e.prov.col = cell.col;
  e.place = DescribePlace(doc, block, e.prov);
  return e;
}

}  // namespace jixiao
