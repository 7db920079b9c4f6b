// The source view of a piece of evidence (see source_view.h): a rendered PDF
// page with its boxes, or the stored text around a paragraph or cell as
// HTML. Covered by pipeline/serve/serve_test.cc.
#include "pipeline/serve/source_view.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "pipeline/archive/sqlite_util.h"
#include "pipeline/model/html.h"
#include "pipeline/screen/highlight.h"
#include "pipeline/serve/original.h"
#include "pipeline/serve/source_pdf.h"

namespace jixiao::serve {
namespace {

using archive::Stmt;

constexpr int kParagraphsAround = 2;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

// The text with the figure of `e` marked: at the evidence's span when it
// falls inside this text and holds the figure, else where FindFigure finds it.
std::string MarkedText(const std::string& text, const Evidence& e, bool use_span) {
  std::optional<HighlightSpan> span;
  if (use_span && e.span_begin >= 0 && e.span_end > e.span_begin && static_cast<size_t>(e.span_end) <= text.size()) {
    auto inner = FindFigure(std::string_view(text).substr(e.span_begin, e.span_end - e.span_begin), e.value, e.unit);
    if (inner) span = HighlightSpan{e.span_begin + inner->begin, e.span_begin + inner->end};
    else if (e.value.empty()) span = HighlightSpan{static_cast<size_t>(e.span_begin), static_cast<size_t>(e.span_end)};
  }
  if (!span) span = FindFigure(text, e.value, e.unit);
  if (!span) return HtmlEscape(text);
  return HtmlEscape(std::string_view(text).substr(0, span->begin)) + "<mark>" +
         HtmlEscape(std::string_view(text).substr(span->begin, span->end - span->begin)) + "</mark>" +
         HtmlEscape(std::string_view(text).substr(span->end));
}

std::string Page(const std::string& title, const std::string& note, const std::string& body) {
  return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
         "</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><div class=\"source-text\">" +
         (note.empty() ? "" : "<p class=\"note\">" + HtmlEscape(note) + "</p>") + body + "</div></body></html>";
}

// The table holding the evidence's cell, the cell marked.
Status TableHtml(sqlite3* db, int64_t doc, const Evidence& e, std::string* html) {
  Stmt q(db, "SELECT row, col, rowspan, colspan, text FROM texts WHERE id BETWEEN ?1 AND ?2 AND table_index = ?3"
             " ORDER BY row, col");
  if (!q.ok()) return q.status();
  q.Bind(1, doc << 20).Bind(2, (doc << 20) | 1048575).Bind(3, e.prov.table_index);
  std::string out = "<table class=\"source-table\">";
  int row = -1;
  while (q.Step()) {
    int r = static_cast<int>(q.Int(0)), c = static_cast<int>(q.Int(1));
    if (r != row) {
      if (row >= 0) out += "</tr>";
      out += "<tr>";
      row = r;
    }
    const bool hit = r == e.prov.row && c == e.prov.col;
    out += "<td";
    if (!q.IsNull(2) && q.Int(2) > 1) out += " rowspan=\"" + std::to_string(q.Int(2)) + "\"";
    if (!q.IsNull(3) && q.Int(3) > 1) out += " colspan=\"" + std::to_string(q.Int(3)) + "\"";
    if (hit) out += " class=\"hit\" id=\"hit\"";
    out += ">" + (hit ? MarkedText(q.Text(4), e, false) : HtmlEscape(q.Text(4))) + "</td>";
  }
  if (row >= 0) out += "</tr>";
  out += "</table>";
  *html = out;
  return Status::Ok();
}

// The paragraph of the evidence with kParagraphsAround paragraphs either side.
Status ParagraphsHtml(sqlite3* db, int64_t doc, const Evidence& e, std::string* html) {
  Stmt q(db, "SELECT block_idx, text FROM texts WHERE id BETWEEN ?1 AND ?2 AND table_index IS NULL"
             " AND block_idx BETWEEN ?3 AND ?4 ORDER BY id");
  if (!q.ok()) return q.status();
  q.Bind(1, doc << 20).Bind(2, (doc << 20) | 1048575).Bind(3, e.block - kParagraphsAround).Bind(4, e.block + kParagraphsAround);
  std::string out;
  while (q.Step()) {
    const bool hit = q.Int(0) == e.block;
    out += hit ? "<p class=\"hit\" id=\"hit\">" + MarkedText(q.Text(1), e, true) + "</p>"
               : "<p>" + HtmlEscape(q.Text(1)) + "</p>";
  }
  if (out.empty()) out = "<p class=\"hit\" id=\"hit\">" + MarkedText(e.quote, e, false) + "</p>";
  *html = out;
  return Status::Ok();
}

std::string Hex(size_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016zx", v);
  return buf;
}

}  // namespace

Status RenderSource(archive::Archive* archive, const std::string& cache_dir, const ScreenReport& report,
                    const Finding& finding, int k, SourceView* out) {
  if (k < 0 || k >= static_cast<int>(finding.evidence.size()))
    return Status::InvalidInput("该问题没有第" + std::to_string(k + 1) + "条引文");
  const Evidence& e = finding.evidence[k];
  sqlite3* db = archive->db();
  int64_t doc = -1;
  {
    Stmt q(db, "SELECT id FROM documents WHERE sha256 = ?");
    q.Bind(1, report.sha256);
    if (q.Step()) doc = q.Int(0);
  }
  // The text of the evidence's paragraph: where its figure stands in it.
  std::string block_text;
  if (doc >= 0 && e.prov.table_index < 0 && e.block >= 0) {
    Stmt q(db, "SELECT text FROM texts WHERE id BETWEEN ?1 AND ?2 AND block_idx = ?3 AND table_index IS NULL");
    q.Bind(1, doc << 20).Bind(2, (doc << 20) | 1048575).Bind(3, e.block);
    if (q.Step()) block_text = q.Text(0);
  }
  std::string note;
  if (report.format == "pdf" && e.prov.page >= 1) {
    std::string path;
    Status s = OriginalFile(archive, report.sha256, &path);
    if (s.ok()) {
      std::string figure;
      if (auto span = FindFigure(e.quote, e.value, e.unit)) figure = e.quote.substr(span->begin, span->end - span->begin);
      double near = 0.5;
      if (!block_text.empty() && e.span_begin >= 0) near = std::min(1.0, double(e.span_begin) / double(block_text.size()));
      std::string key = std::to_string(e.prov.page) + "|" + figure + "|" + std::to_string(near);
      if (e.prov.box)
        key += "|" + std::to_string(e.prov.box->x0) + "," + std::to_string(e.prov.box->y0) + "," +
               std::to_string(e.prov.box->x1) + "," + std::to_string(e.prov.box->y1);
      const std::string png = cache_dir + "/" + report.sha256.substr(0, 16) + "-p" + std::to_string(e.prov.page) +
                              "-" + Hex(std::hash<std::string>{}(key)) + ".png";
      if (ReadFile(png, &out->body) && !out->body.empty()) {
        out->content_type = "image/png";
        out->cached = true;
        return Status::Ok();
      }
      s = RenderPdfPage(path, e.prov.page, e.prov.box, figure, near, png);
      if (s.ok() && ReadFile(png, &out->body)) {
        out->content_type = "image/png";
        out->cached = false;
        return Status::Ok();
      }
    }
    note = "无法显示原文件页面（" + s.message() + "），以下为存档中的文字。";
  }
  std::string body;
  Status s = doc < 0 ? Status::Ok()
             : e.prov.table_index >= 0 ? TableHtml(db, doc, e, &body)
                                       : ParagraphsHtml(db, doc, e, &body);
  if (!s.ok()) return s;
  if (body.empty()) body = "<p class=\"hit\" id=\"hit\">" + MarkedText(e.quote, e, false) + "</p>";
  out->content_type = "text/html; charset=utf-8";
  out->body = Page(report.file + " · " + e.place, note, "<p class=\"place\">" + HtmlEscape(e.place) + "</p>" + body);
  out->cached = false;
  return Status::Ok();
}

}  // namespace jixiao::serve
