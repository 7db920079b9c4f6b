// DIR/report.html: one self-contained page (inline CSS and JS, no external
// asset, works offline) for reviewers:
//   - counts at the top, then filters: free text, code, unit, year, severity
//     and review status, which hide the documents (and overview rows) that do
//     not match;
//   - an overview table, one row per document (unit, year, 预算/执行/执行率,
//     得分, counts by severity, findings reviewed), each a link to its
//     document;
//   - the documents by severity (errors first, then warnings, failures,
//     notes, clean), each collapsible (<details>): its findings with message,
//     arithmetic, quotes with the figure marked (<mark>, highlight.h), the
//     place as a link to the original file (#page=N for a PDF), the finding's
//     stable id and its current review (复核结论, 复核人, 备注).
// The layout reflows down to a 420 px wide window. Memory does not grow with
// the batch: sections and rows go to a spill file as they come.
// Covered by pipeline/batch/batch_test.cc (HtmlPage*) and
// tests/e2e/run_e2e_test.cc.
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
#include "pipeline/screen/finding_id.h"
#include "pipeline/screen/highlight.h"

namespace jixiao::batch {

namespace {

// 0: errors, 1: warnings, 2: failed, 3: notes only, 4: clean.
int Rank(const ManifestRow& row) {
  if (row.errors > 0) return 0;
  if (row.warnings > 0) return 1;
  if (row.status == Outcome::kFailed) return 2;
  if (row.infos > 0) return 3;
  return 4;
}

const char* kStyle = R"css(
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f5f6f8;color:#222;overflow-wrap:anywhere}
header{background:#1f3a5f;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
.counts span{display:inline-block;margin-right:14px}
.bar{position:sticky;top:0;background:#fff;padding:8px 24px;border-bottom:1px solid #ddd;z-index:1;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.bar input{flex:1 1 260px;min-width:0;padding:6px;font-size:14px}
.bar select{padding:6px;font-size:14px;max-width:100%}
.bar button{padding:5px 8px;font-size:13px}
main{padding:12px 24px}
.overview{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0}
.overview table{border-collapse:collapse;width:100%;font-size:13px}
.overview th,.overview td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
.overview th:first-child,.overview td:first-child{text-align:left;white-space:normal;min-width:10em}
.overview th{background:#eef2f7;position:sticky;top:0}
.n-error{color:#c0392b;font-weight:bold}.n-warning{color:#b9770e;font-weight:bold}
details.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;padding:8px 14px}
details.doc>summary{cursor:pointer;list-style-position:outside}
details.doc h2{display:inline;font-size:16px;margin:0}
.meta{color:#555;font-size:13px;margin-top:4px}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;margin-left:6px;color:#fff}
.error{background:#c0392b}.warning{background:#d68910}.info{background:#2e86c1}.failed{background:#555}.ok{background:#239b56}
ol.findings{margin:8px 0 0;padding-left:22px}
ol.findings li{margin:8px 0}
.arith{font-family:monospace;background:#f0f0f0;padding:0 4px}
blockquote{margin:4px 0 4px 8px;padding:2px 8px;border-left:3px solid #aaa;background:#fafafa;font-size:13px}
mark{background:#ffe066;padding:0 1px;font-weight:bold}
.place{color:#777;font-size:12px;margin-left:6px}
a.place{color:#1f5fa8}
.fid{color:#999;font-size:11px;font-family:monospace;margin-left:6px}
.review{font-size:12px;margin:2px 0 0 8px;padding:1px 6px;border-radius:4px;display:inline-block}
.r-confirmed{background:#fdecea;color:#922b21}.r-dismissed{background:#eaf2f8;color:#1b4f72}.r-pending{background:#fef5e7;color:#7e5109}
.hidden{display:none}
@media (max-width:600px){
  header,main{padding-left:8px;padding-right:8px}
  .bar{padding:6px 8px}
  .bar input{flex-basis:100%}
  .bar select{flex:1 1 45%}
  details.doc{padding:6px 8px}
  ol.findings{padding-left:16px}
  blockquote{margin-left:0}
}
)css";

const char* kScript = R"js(
(function(){
  var $=function(id){return document.getElementById(id);};
  var box=$('q'), code=$('code'), unit=$('unit'), year=$('year'), sev=$('sev'), rev=$('rev'), n=$('shown');
  function match(el, q){
    var c=code.value, u=unit.value, y=year.value, s=sev.value, r=rev.value;
    if(c && (' '+el.getAttribute('data-codes')+' ').indexOf(' '+c+' ')<0) return false;
    if(u && el.getAttribute('data-unit')!==u) return false;
    if(y && el.getAttribute('data-year')!==y) return false;
    if(s && el.getAttribute('data-sev').indexOf(s)<0) return false;
    if(r && el.getAttribute('data-review')!==r) return false;
    return true;
  }
  function apply(){
    var q=box.value.trim().toLowerCase(), shown=0;
    document.querySelectorAll('details.doc').forEach(function(d){
      var ok=match(d)&&(!q||d.textContent.toLowerCase().indexOf(q)>=0);
      d.classList.toggle('hidden',!ok); if(ok)shown++;
      var row=$('r'+d.id); if(row) row.classList.toggle('hidden',!ok);
      // Within a document, only the findings of the code chosen.
      d.querySelectorAll('li[data-code]').forEach(function(li){
        li.classList.toggle('hidden', !!code.value && li.getAttribute('data-code')!==code.value);
      });
    });
    n.textContent=shown;
  }
  [box].forEach(function(e){e.addEventListener('input',apply);});
  [code,unit,year,sev,rev].forEach(function(e){e.addEventListener('change',apply);});
  function openHash(){var d=location.hash&&document.getElementById(location.hash.slice(1)); if(d&&d.tagName==='DETAILS')d.open=true;}
  window.addEventListener('hashchange',openHash); openHash();
  $('expand').addEventListener('click',function(){document.querySelectorAll('details.doc:not(.hidden)').forEach(function(d){d.open=true;});});
  $('collapse').addEventListener('click',function(){document.querySelectorAll('details.doc').forEach(function(d){d.open=false;});});
  // A short batch opens its documents with findings at once.
  var docs=document.querySelectorAll('details.doc');
  if(docs.length<=20) docs.forEach(function(d){if(/error|warning/.test(d.getAttribute('data-sev')))d.open=true;});
  apply();
})();
)js";

std::string Td(const std::string& text, const char* cls = nullptr) {
  return std::string(cls ? "<td class=\"" + std::string(cls) + "\">" : "<td>") + HtmlEscape(text) + "</td>";
}

std::string Options(const std::string& all, const std::set<std::string>& values) {
  std::string h = "<option value=\"\">" + all + "</option>";
  for (const std::string& v : values) h += "<option>" + HtmlEscape(v) + "</option>";
  return h;
}

}  // namespace

void HtmlReport::Add(const ManifestRow& row, const ScreenReport& r, const DocReviews& reviews,
                     const std::string& source_href) {
  const int index = docs_++;
  errors_ += row.errors;
  warnings_ += row.warnings;
  infos_ += row.infos;
  failed_ += row.status == Outcome::kFailed;
  with_findings_ += row.status == Outcome::kFindings;
  std::string sev;
  if (row.errors) sev += "error ";
  if (row.warnings) sev += "warning ";
  if (row.infos) sev += "info ";
  if (row.status == Outcome::kFailed) sev += "failed ";
  if (!row.errors && !row.warnings && row.status != Outcome::kFailed) sev += "clean";
  const std::vector<std::string> ids = FindingIds(r);
  std::set<std::string> codes;
  int reviewed = 0;
  for (size_t i = 0; i < r.findings.size(); ++i) {
    codes.insert(r.findings[i].code);
    reviewed += reviews.count(ids[i]) > 0;
  }
  findings_ += static_cast<int>(r.findings.size());
  reviewed_ += reviewed;
  codes_.insert(codes.begin(), codes.end());
  if (!r.unit.empty()) units_.insert(r.unit);
  if (r.year) years_.insert(r.year);
  std::string code_list;
  for (const std::string& c : codes) code_list += (code_list.empty() ? "" : " ") + c;
  const char* review_state = r.findings.empty()                       ? ""
                             : reviewed == 0                            ? "none"
                             : reviewed == static_cast<int>(ids.size()) ? "done"
                                                                        : "partial";
  const std::string id = "d" + std::to_string(index);
  const std::string attrs = " data-sev=\"" + sev + "\" data-codes=\"" + HtmlEscape(code_list) + "\" data-unit=\"" +
                            HtmlEscape(r.unit) + "\" data-year=\"" + YearText(r) + "\" data-review=\"" +
                            review_state + "\"";
  const std::string name = r.unit.empty() ? row.file : r.unit;

  std::string h;
  h += "<details class=\"doc\" id=\"" + id + "\"" + attrs + "><summary><h2>" + HtmlEscape(name);
  if (r.year) h += "（" + HtmlEscape(YearText(r)) + "年度）";
  h += "</h2>";
  if (row.errors) h += "<span class=\"badge error\">错误 " + std::to_string(row.errors) + "</span>";
  if (row.warnings) h += "<span class=\"badge warning\">警告 " + std::to_string(row.warnings) + "</span>";
  if (row.infos) h += "<span class=\"badge info\">提示 " + std::to_string(row.infos) + "</span>";
  if (row.status == Outcome::kFailed || row.status == Outcome::kSkipped)
    h += std::string("<span class=\"badge failed\">") + OutcomeZh(row.status) + "</span>";
  if (row.status == Outcome::kOk && !row.infos) h += "<span class=\"badge ok\">未发现问题</span>";
  h += "<div class=\"meta\">文件：";
  h += source_href.empty() ? HtmlEscape(row.file)
                           : "<a href=\"" + HtmlEscape(source_href) + "\" target=\"_blank\">" + HtmlEscape(row.file) + "</a>";
  const HeadlineFigures& fig = r.figures;
  if (!fig.total_budget.empty()) h += " · 预算总额 " + HtmlEscape(fig.total_budget) + " 万元";
  if (!fig.executed.empty()) h += " · 执行数 " + HtmlEscape(fig.executed) + " 万元";
  if (!fig.execution_rate.empty()) h += " · 执行率 " + HtmlEscape(fig.execution_rate) + "%";
  if (!fig.self_score.empty()) h += " · 自评得分 " + HtmlEscape(fig.self_score);
  if (!fig.grade.empty()) h += " · 等级 " + HtmlEscape(fig.grade);
  if (!r.findings.empty()) h += " · 已复核 " + std::to_string(reviewed) + "/" + std::to_string(r.findings.size());
  if (!row.reason.empty()) h += "<br>说明：" + HtmlEscape(row.reason);
  h += "</div></summary>";
  if (!r.findings.empty()) {
    h += "<ol class=\"findings\">";
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& f = r.findings[i];
      const std::string s = FindingSeverityName(f.severity);
      h += "<li id=\"f" + ids[i] + "\" data-code=\"" + HtmlEscape(f.code) + "\"><span class=\"badge " + HtmlEscape(s) +
           "\">" + SeverityZh(f.severity) + "</span> <b>" + HtmlEscape(f.code) + "</b> " + HtmlEscape(f.message);
      if (!f.arithmetic.empty()) h += " <span class=\"arith\">" + HtmlEscape(f.arithmetic) + "</span>";
      h += "<span class=\"fid\" title=\"发现编号\">" + ids[i] + "</span>";
      std::set<std::string> seen;
      for (const Evidence& e : f.evidence) {
        if (e.quote.empty() || !seen.insert(e.quote + "\x1f" + e.place + "\x1f" + e.value).second) continue;
        h += "<blockquote>" + HighlightHtml(e);
        if (!e.place.empty()) {
          if (source_href.empty()) {
            h += "<span class=\"place\">（" + HtmlEscape(e.place) + "）</span>";
          } else {
            std::string href = source_href;
            if (r.format == "pdf" && e.prov.page > 0) href += "#page=" + std::to_string(e.prov.page);
            h += "<a class=\"place\" href=\"" + HtmlEscape(href) + "\" target=\"_blank\" title=\"打开原文件\">（" +
                 HtmlEscape(e.place) + "）</a>";
          }
        }
        h += "</blockquote>";
      }
      auto rv = reviews.find(ids[i]);
      if (rv != reviews.end()) {
        const archive::Review& review = rv->second;
        h += std::string("<div class=\"review r-") + archive::DecisionName(review.decision) + "\">复核：" +
             archive::DecisionZh(review.decision) + " · " + HtmlEscape(review.reviewer) + " · " +
             HtmlEscape(review.at.substr(0, 10));
        if (!review.comment.empty()) h += " · 备注：" + HtmlEscape(review.comment);
        h += "</div>";
      }
      h += "</li>";
    }
    h += "</ol>";
  }
  h += "</details>\n";

  // The overview row.
  std::string tr = "<tr id=\"r" + id + "\"" + attrs + "><td><a href=\"#" + id + "\">" + HtmlEscape(name) + "</a></td>";
  tr += Td(YearText(r)) + Td(fig.total_budget) + Td(fig.executed) +
        Td(fig.execution_rate.empty() ? "" : fig.execution_rate + "%") + Td(fig.self_score);
  tr += Td(row.errors ? std::to_string(row.errors) : "", row.errors ? "n-error" : nullptr);
  tr += Td(row.warnings ? std::to_string(row.warnings) : "", row.warnings ? "n-warning" : nullptr);
  tr += Td(row.infos ? std::to_string(row.infos) : "");
  tr += Td(r.findings.empty() ? (row.status == Outcome::kFailed || row.status == Outcome::kSkipped
                                     ? OutcomeZh(row.status)
                                     : "")
                              : std::to_string(reviewed) + "/" + std::to_string(r.findings.size()));
  tr += "</tr>\n";

  if (!spill_) return;
  long offset = std::ftell(spill_);
  for (const std::string* part : {&h, &tr})
    if (std::fwrite(part->data(), 1, part->size(), spill_) != part->size() && !write_errno_)
      write_errno_ = errno ? errno : EIO;
  sections_.push_back({Rank(row), row.errors, row.warnings, row.file, offset, h.size(), tr.size()});
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
  h += "<span>提示 " + std::to_string(infos_) + " 条</span>";
  h += "<span>已复核 " + std::to_string(reviewed_) + "/" + std::to_string(findings_) + " 条</span></div></header>\n";
  std::set<std::string> years;
  for (int y : years_) years.insert(std::to_string(y));
  h += "<div class=\"bar\"><input id=\"q\" type=\"search\" placeholder=\"筛选：单位、文件名、问题代码或原文…\">";
  h += "<select id=\"code\" title=\"问题代码\">" + Options("全部问题", codes_) + "</select>";
  h += "<select id=\"unit\" title=\"单位\">" + Options("全部单位", units_) + "</select>";
  h += "<select id=\"year\" title=\"年度\">" + Options("全部年度", years) + "</select>";
  h += "<select id=\"sev\" title=\"严重程度\"><option value=\"\">全部</option><option value=\"error\">有错误</option>"
       "<option value=\"warning\">有警告</option><option value=\"info\">有提示</option>"
       "<option value=\"failed\">处理失败</option><option value=\"clean\">无问题</option></select>";
  h += "<select id=\"rev\" title=\"复核\"><option value=\"\">复核：全部</option><option value=\"none\">未复核</option>"
       "<option value=\"partial\">部分复核</option><option value=\"done\">已复核</option></select>";
  h += "<span>显示 <span id=\"shown\"></span> 份</span><button id=\"expand\" type=\"button\">全部展开</button>"
       "<button id=\"collapse\" type=\"button\">全部收起</button></div>\n<main>\n";
  h += "<div class=\"overview\"><table><thead><tr><th>单位 / 文件</th><th>年度</th><th>预算（万元）</th>"
       "<th>执行（万元）</th><th>执行率</th><th>得分</th><th>错误</th><th>警告</th><th>提示</th><th>已复核</th>"
       "</tr></thead><tbody>\n";
  int err = 0;
  auto put = [&](const std::string& text) {
    if (!err && std::fwrite(text.data(), 1, text.size(), out.get()) != text.size()) err = errno ? errno : EIO;
  };
  put(h);
  std::string part;
  auto read_back = [&](long offset, size_t length) {
    part.resize(length);
    return length == 0 ||
           (std::fseek(spill_, offset, SEEK_SET) == 0 && std::fread(&part[0], 1, length, spill_) == length);
  };
  for (const Section* s : order) {
    if (!read_back(s->offset + static_cast<long>(s->length), s->row_length))
      return Status::IoError("cannot read back " + spill_path_);
    put(part);
  }
  put("</tbody></table></div>\n");
  for (const Section* s : order) {
    if (!read_back(s->offset, s->length)) return Status::IoError("cannot read back " + spill_path_);
    put(part);
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
