// The document model as JSON and back. The shape is described by
// schemas/document.schema.json; covered by model_test.cc (round trip) and
// tests/schema_test (validation of real extractions).
#include "pipeline/model/export.h"

#include <cmath>

namespace jixiao {
namespace {

using ojson = nlohmann::ordered_json;

ojson ProvenanceToJson(const Provenance& p) {
  ojson j = ojson::object();
  if (p.body_index >= 0) j["body_index"] = p.body_index;
  if (p.table_index >= 0) j["table_index"] = p.table_index;
  if (p.row >= 0) j["row"] = p.row;
  if (p.col >= 0) j["col"] = p.col;
  if (p.paragraph >= 0) j["paragraph"] = p.paragraph;
  if (p.page >= 0) j["page"] = p.page;
  if (p.box) j["box"] = {p.box->x0, p.box->y0, p.box->x1, p.box->y1};
  if (p.ocr) {
    j["ocr"] = true;
    j["confidence"] = std::round(p.ocr_confidence * 1000) / 1000;
  }
  return j;
}

Provenance ProvenanceFromJson(const nlohmann::json& j) {
  Provenance p;
  p.body_index = j.value("body_index", -1);
  p.table_index = j.value("table_index", -1);
  p.row = j.value("row", -1);
  p.col = j.value("col", -1);
  p.paragraph = j.value("paragraph", -1);
  p.page = j.value("page", -1);
  if (j.contains("box") && j["box"].is_array() && j["box"].size() == 4) {
    const auto& b = j["box"];
    p.box = Box{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
  }
  p.ocr = j.value("ocr", false);
  if (p.ocr) p.ocr_confidence = j.value("confidence", 0.0);
  return p;
}

ojson TableToJson(const Table& t) {
  ojson cells = ojson::array();
  for (const Cell& c : t.cells) {
    ojson jc;
    jc["row"] = c.row;
    jc["col"] = c.col;
    jc["rowspan"] = c.rowspan;
    jc["colspan"] = c.colspan;
    jc["paragraphs"] = c.paragraphs;
    if (!c.nested.empty()) {
      ojson nested = ojson::array();
      for (const Table& n : c.nested) nested.push_back(TableToJson(n));
      jc["nested"] = std::move(nested);
    }
    jc["prov"] = ProvenanceToJson(c.prov);
    cells.push_back(std::move(jc));
  }
  ojson j;
  j["rows"] = t.rows;
  j["cols"] = t.cols;
  j["cells"] = std::move(cells);
  j["prov"] = ProvenanceToJson(t.prov);
  return j;
}

Status TableFromJson(const nlohmann::json& j, Table* t) {
  if (!j.is_object() || !j.contains("cells")) return Status::InvalidInput("table without cells");
  t->rows = j.value("rows", 0);
  t->cols = j.value("cols", 0);
  t->prov = ProvenanceFromJson(j.value("prov", nlohmann::json::object()));
  for (const auto& jc : j["cells"]) {
    Cell c;
    c.row = jc.value("row", 0);
    c.col = jc.value("col", 0);
    c.rowspan = jc.value("rowspan", 1);
    c.colspan = jc.value("colspan", 1);
    c.paragraphs = jc.value("paragraphs", std::vector<std::string>{});
    c.prov = ProvenanceFromJson(jc.value("prov", nlohmann::json::object()));
    if (jc.contains("nested")) {
      for (const auto& jn : jc["nested"]) {
        Table n;
        Status s = TableFromJson(jn, &n);
        if (!s.ok()) return s;
        c.nested.push_back(std::move(n));
      }
    }
    t->cells.push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace

nlohmann::ordered_json DocumentToJson(const Document& doc) {
  ojson j;
  j["schema"] = "jixiao.document/1";
  ojson src;
  src["path"] = doc.source.path;
  src["size"] = doc.source.size;
  src["sha256"] = doc.source.sha256;
  src["format"] = doc.source.format;
  if (doc.source.page_count >= 0) src["page_count"] = doc.source.page_count;
  j["source"] = std::move(src);
  j["status"] = DocumentStatusName(doc.status);
  if (!doc.status_reason.empty()) j["status_reason"] = doc.status_reason;
  ojson blocks = ojson::array();
  for (const Block& b : doc.blocks) {
    ojson jb;
    jb["kind"] = BlockKindName(b.kind);
    if (b.kind == BlockKind::kTable) {
      jb["table"] = TableToJson(b.table);
    } else {
      if (b.kind == BlockKind::kHeading) jb["level"] = b.level;
      if (!b.label.empty()) jb["label"] = b.label;
      jb["text"] = b.text;
      if (!b.style.empty()) jb["style"] = b.style;
    }
    jb["prov"] = ProvenanceToJson(b.prov);
    blocks.push_back(std::move(jb));
  }
  j["blocks"] = std::move(blocks);
  j["diagnostics"] = DiagnosticsToJson(doc);
  return j;
}

ojson DiagnosticsToJson(const Document& doc) {
  ojson diags = ojson::array();
  for (const Diagnostic& d : doc.diagnostics) {
    ojson jd;
    jd["severity"] = SeverityName(d.severity);
    jd["code"] = d.code;
    jd["message"] = d.message;
    ojson prov = ProvenanceToJson(d.prov);
    if (!prov.empty()) jd["prov"] = std::move(prov);
    diags.push_back(std::move(jd));
  }
  return diags;
}

Status DocumentFromJson(const nlohmann::json& j, Document* doc) {
  try {
    if (!j.is_object() || !j.contains("source") || !j.contains("blocks"))
      return Status::InvalidInput("not a jixiao document: missing source or blocks");
    const auto& src = j["source"];
    doc->source.path = src.value("path", "");
    doc->source.size = src.value("size", uint64_t{0});
    doc->source.sha256 = src.value("sha256", "");
    doc->source.format = src.value("format", "");
    doc->source.page_count = src.value("page_count", -1);
    const std::string status = j.value("status", "ok");
    doc->status = status == "partial"   ? DocumentStatus::kPartial
                  : status == "failed"  ? DocumentStatus::kFailed
                  : status == "skipped" ? DocumentStatus::kSkipped
                                        : DocumentStatus::kOk;
    doc->status_reason = j.value("status_reason", "");
    for (const auto& jb : j["blocks"]) {
      Block b;
      const std::string kind = jb.value("kind", "paragraph");
      b.prov = ProvenanceFromJson(jb.value("prov", nlohmann::json::object()));
      if (kind == "table") {
        b.kind = BlockKind::kTable;
        Status s = TableFromJson(jb.value("table", nlohmann::json::object()), &b.table);
        if (!s.ok()) return s;
      } else {
        b.kind = kind == "heading" ? BlockKind::kHeading : BlockKind::kParagraph;
        b.level = jb.value("level", 0);
        b.label = jb.value("label", "");
        b.text = jb.value("text", "");
        b.style = jb.value("style", "");
      }
      doc->blocks.push_back(std::move(b));
    }
    if (j.contains("diagnostics")) {
      for (const auto& jd : j["diagnostics"]) {
        const std::string sev = jd.value("severity", "info");
        Diagnostic d;
        d.severity = sev == "error"     ? Diagnostic::Severity::kError
                     : sev == "warning" ? Diagnostic::Severity::kWarning
                                        : Diagnostic::Severity::kInfo;
        d.code = jd.value("code", "");
        d.message = jd.value("message", "");
        d.prov = ProvenanceFromJson(jd.value("prov", nlohmann::json::object()));
        doc->diagnostics.push_back(std::move(d));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("malformed document JSON: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace jixiao
