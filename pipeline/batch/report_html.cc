// DIR/report.html: one self-contained page (inline CSS and JS, no external
// asset) for reviewers: counts at the top, then the documents by severity
// (errors first, then warnings, failures, notes, clean), each finding with its
// message, arithmetic and quotes with their places; a filter box and a
// severity selector hide the documents that do not match. Covered by
// pipeline/batch/batch_test.cc and tests/e2e/run_e2e_test.cc.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <set>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/report_writers.h"
#include "pipeline/batch/reports.h"
#include "pipeline/model/finding_codes.h"
#include "pipeline/model/html.h"

namespace jixiao::batch {

using Json = nlohmann::ordered_json;

namespace {

// 0: errors, 1: warnings, 2: failed, 3: notes only, 4: clean.
int Rank(const ManifestRow& row) {
  if (row.errors > 0) return 0;
  if (row.warnings > 0) return 1;
  if (row.status == "failed") return 2;
  if (row.infos > 0) return 3;
  return 4;
}

const char* kStyle = R"css(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f5f6f8;color:#222}
header{background:#1f3a5f;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
.counts span{display:inline-block;margin-right:14px}
.bar{position:sticky;top:0;background:#fff;padding:10px 24px;border-bottom:1px solid #ddd;z-index:1}
.bar input{width:420px;padding:6px;font-size:14px}
.bar select{padding:6px;font-size:14px;margin-left:8px}
main{padding:12px 24px}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;padding:10px 14px}
section.doc h2{font-size:16px;margin:0 0 4px}
.meta{color:#555;font-size:13px}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;margin-left:6px;color:#fff}
.error{background:#c0392b}.warning{background:#d68910}.info{background:#2e86c1}.failed{background:#555}.ok{background:#239b56}
ol.findings{margin:8px 0 0;padding-left:22px}
ol.findings li{margin:6px 0}
.arith{font-family:monospace;background:#f0f0f0;padding:0 4px}
blockquote{margin:4px 0 4px 8px;padding:2px 8px;border-left:3px solid #aaa;background:#fafafa;font-size:13px}
.place{color:#777;font-size:12px;margin-left:6px}
.hidden{display:none}
)css";

const char* kScript = R"js(
(function(){
  var box=document.getElementById('q'), sel=document.getElementById('sev'), n=document.getElementById('shown');
  function apply(){
    var q=box.value.trim().toLowerCase(), s=sel.value, shown=0;
    document.querySelectorAll('section.doc').forEach(function(d){
      var ok=(!q||d.textContent.toLowerCase().indexOf(q)>=0)&&(!s||d.getAttribute('data-sev').indexOf(s)>=0);
      d.classList.toggle('hidden',!ok); if(ok)shown++;
    });
    n.textContent=shown;
  }
  box.addEventListener('input',apply); sel.addEventListener('change',apply); apply();
})();
)js";

}  // namespace

void HtmlReport::Add(const ManifestRow& row, const Json& r) {
  ++docs_;
  errors_ += row.errors;
  warnings_ += row.warnings;
  infos_ += row.infos;
  failed_ += row.status == "failed";
  with_findings_ += row.status == "findings";
  std::string sev;
  if (row.errors) sev += "error ";
  if (row.warnings) sev += "warning ";
  if (row.infos) sev += "info ";
  if (row.status == "failed") sev += "failed ";
  if (!row.errors && !row.warnings && row.status != "failed") sev += "clean";
  std::string h;
  h += "<section class=\"doc\" data-sev=\"" + sev + "\"><h2>" + HtmlEscape(Field(r, "unit").empty() ? row.file : Field(r, "unit"));
  if (!Field(r, "year").empty()) h += "（" + HtmlEscape(Field(r, "year")) + "年度）";
  if (row.errors) h += "<span class=\"badge error\">错误 " + std::to_string(row.errors) + "</span>";
  if (row.warnings) h += "<span class=\"badge warning\">警告 " + std::to_string(row.warnings) + "</span>";
  if (row.infos) h += "<span class=\"badge info\">提示 " + std::to_string(row.infos) + "</span>";
  if (row.status == "failed") h += "<span class=\"badge failed\">处理失败</span>";
  if (row.status == "ok" && !row.infos) h += "<span class=\"badge ok\">未发现问题</span>";
  h += "</h2><div class=\"meta\">文件：" + HtmlEscape(row.file);
  Json figures = r.contains("figures") ? r["figures"] : Json::object();
  if (!Field(figures, "total_budget").empty()) h += " · 预算总额 " + HtmlEscape(Field(figures, "total_budget")) + " 万元";
  if (!Field(figures, "executed").empty()) h += " · 执行数 " + HtmlEscape(Field(figures, "executed")) + " 万元";
  if (!Field(figures, "execution_rate").empty()) h += " · 执行率 " + HtmlEscape(Field(figures, "execution_rate")) + "%";
  if (!Field(figures, "self_score").empty()) h += " · 自评得分 " + HtmlEscape(Field(figures, "self_score"));
  if (!Field(figures, "grade").empty()) h += " · 等级 " + HtmlEscape(Field(figures, "grade"));
  if (!row.reason.empty()) h += "<br>说明：" + HtmlEscape(row.reason);
  h += "</div>";
  if (r.contains("findings") && r["findings"].is_array() && !r["findings"].empty()) {
    h += "<ol class=\"findings\">";
    for (const Json& f : r["findings"]) {
      std::string s = Field(f, "severity");
      h += "<li><span class=\"badge " + HtmlEscape(s) + "\">" + SeverityChineseName(s) + "</span> <b>" + HtmlEscape(Field(f, "code")) +
           "</b> " + HtmlEscape(Field(f, "message"));
      if (!Field(f, "arithmetic").empty()) h += " <span class=\"arith\">" + HtmlEscape(Field(f, "arithmetic")) + "</span>";
      std::set<std::string> seen;
      if (f.contains("evidence") && f["evidence"].is_array())
        for (const Json& e : f["evidence"]) {
          if (Field(e, "quote").empty() || !seen.insert(Field(e, "quote") + "\x1f" + Field(e, "place")).second) continue;
          h += "<blockquote>" + HtmlEscape(Field(e, "quote"));
          if (!Field(e, "place").empty()) h += "<span class=\"place\">（" + HtmlEscape(Field(e, "place")) + "）</span>";
          h += "</blockquote>";
        }
      h += "</li>";
    }
    h += "</ol>";
  }
  h += "</section>\n";
  if (!spill_) return;
  long offset = std::ftell(spill_);
  if (std::fwrite(h.data(), 1, h.size(), spill_) != h.size() && !write_errno_) write_errno_ = errno ? errno : EIO;
  sections_.push_back({Rank(row), row.errors, row.warnings, row.file, offset, h.size()});
}

HtmlReport::~HtmlReport() {
  if (spill_) std::fclose(spill_);
  if (!spill_path_.empty()) std::remove(spill_path_.c_str());
}

Status HtmlReport::Open(const std::string& spill_path) {
  spill_path_ = spill_path;
  spill_ = std::fopen(spill_path.c_str(), "w+b");
  if (!spill_) return WriteError(spill_path, errno);
  return Status::Ok();
}

Status HtmlReport::WritePage(const std::string& path) {
  if (!spill_) return Status::IoError("report.html: not open");
  if (write_errno_ || std::fflush(spill_) != 0) return WriteError(path, write_errno_ ? write_errno_ : errno);
  std::vector<const Section*> order;
  for (const Section& s : sections_) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [](const Section* a, const Section* b) {
    if (a->rank != b->rank) return a->rank < b->rank;
    if (a->errors != b->errors) return a->errors > b->errors;
    if (a->warnings != b->warnings) return a->warnings > b->warnings;
    return a->file < b->file;
  });
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!out) return WriteError(path, errno);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
       "<title>绩效自评报告审核结果</title><style>";
  h += kStyle;
  h += "</style></head><body>\n<header><h1>绩效自评报告审核结果</h1><div class=\"counts\">";
  h += "<span>文档 " + std::to_string(docs_) + " 份</span>";
  h += "<span>有问题 " + std::to_string(with_findings_) + " 份</span>";
  h += "<span>处理失败 " + std::to_string(failed_) + " 份</span>";
  h += "<span>错误 " + std::to_string(errors_) + " 条</span>";
  h += "<span>警告 " + std::to_string(warnings_) + " 条</span>";
  h += "<span>提示 " + std::to_string(infos_) + " 条</span></div></header>\n";
  h += "<div class=\"bar\"><input id=\"q\" type=\"search\" placeholder=\"筛选：单位、文件名、问题代码或原文…\">"
       "<select id=\"sev\"><option value=\"\">全部</option><option value=\"error\">有错误</option>"
       "<option value=\"warning\">有警告</option><option value=\"failed\">处理失败</option>"
       "<option value=\"clean\">无问题</option></select> 显示 <span id=\"shown\"></span> 份</div>\n<main>\n";
  int err = 0;
  auto put = [&](const std::string& text) {
    if (!err && std::fwrite(text.data(), 1, text.size(), out.get()) != text.size()) err = errno ? errno : EIO;
  };
  put(h);
  std::string section;
  for (const Section* s : order) {
    section.resize(s->length);
    if (std::fseek(spill_, s->offset, SEEK_SET) != 0 || std::fread(&section[0], 1, s->length, spill_) != s->length)
      return Status::IoError("cannot read back " + spill_path_);
    put(section);
  }
  h = "</main>\n<script>";
  h += kScript;
  h += "</script></body></html>\n";
  put(h);
  if (!err && std::fflush(out.get()) != 0) err = errno;
  if (err) return WriteError(path, err);
  return Status::Ok();
}

}  // namespace jixiao::batch
