// One report from file to report object: extraction, facts, checks.
// Covered by tests/acceptance_test.cc and the end-to-end tests of `check`
// and `run`.
#include "pipeline/screen/screen.h"

#include "pipeline/screen/finding_id.h"

#include <chrono>

#include <re2/re2.h>
#include <spdlog/spdlog.h>

#include <map>
#include <mutex>

#include "extractors/detect/extract_file.h"
#include "pipeline/checks/check.h"
#include "pipeline/model/export.h"
#include "pipeline/model/source_info.h"
#include "pipeline/model/text_util.h"
#include "pipeline/screen/reason.h"

namespace jixiao {
namespace {

// Figures for the summary, in 万元 for amounts.
HeadlineFigures Figures(const FactSet& facts) {
  HeadlineFigures j;
  auto in_wan = [](const Fact& f) { return f.q.canonical.MulPow10(-4).Normalized().ToString(); };
  const Fact* budget = nullptr;
  const Fact* executed = nullptr;
  for (const Fact& f : facts.facts) {
    if (f.concept_id != "total" || f.q.kind != numbers::QuantityKind::kAmount) continue;
    if (facts.year && f.year != facts.year) continue;
    if ((f.period == "full" || f.period == "budget") && (!budget || f.period == "full")) budget = &f;
    if (f.period == "executed" && !executed) executed = &f;
  }
  if (budget) j.total_budget = in_wan(*budget);
  if (executed) j.executed = in_wan(*executed);
  for (const Fact& f : facts.facts) {
    if (f.concept_id == "rate_execution" && j.execution_rate.empty()) j.execution_rate = f.q.value.Normalized().ToString();
    if (f.concept_id == "self_score" && j.self_score.empty()) j.self_score = f.q.value.Normalized().ToString();
    if (f.concept_id == "grade" && j.grade.empty()) j.grade = f.grade;
  }
  if (j.self_score.empty() && facts.total && facts.total->score)
    j.self_score = facts.total->score->Normalized().ToString();
  return j;
}

// A finding that rests on text read by OCR says so: a misread digit would
// make a false finding, so the reviewer checks the figures on the page image.
void MarkOcrFindings(const Document& doc, std::vector<Finding>* findings) {
  const int n = static_cast<int>(doc.blocks.size());
  for (Finding& f : *findings) {
    bool ocr = false;
    for (Evidence& e : f.evidence) {
      if (!e.prov.ocr && e.block >= 0 && e.block < n && doc.blocks[e.block].prov.ocr &&
          doc.blocks[e.block].kind != BlockKind::kTable) {
        e.prov.ocr = true;
        e.prov.ocr_confidence = doc.blocks[e.block].prov.ocr_confidence;
      }
      ocr |= e.prov.ocr;
    }
    if (ocr) f.message += "（所依据的文字由OCR从页面图像识别，请对照原件核实数字）";
  }
}

}  // namespace

const char* JixiaoVersion() {
#ifdef JIXIAO_VERSION
  return JIXIAO_VERSION;
#else
  return "dev";
#endif
}

Status Screener::Create(const std::string& rules_path, std::unique_ptr<Screener>* out) {
  auto s = std::make_unique<Screener>();
  Status st = LoadRules(rules_path, &s->rules_);
  if (!st.ok()) return st;
  st = Vocabulary::Load("", &s->vocabulary_);
  if (!st.ok()) return st;
  *out = std::move(s);
  return Status::Ok();
}

namespace {

constexpr char kTimeoutReason[] = "超时：未能在时限内完成检查";
// Time for the facts and checks of the pages a PDF cut short by its time
// limit had read (their work is bounded by what was read in time).
constexpr double kCutShortGraceSeconds = 10;

double SteadyNow() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Screener::Result Screener::Screen(const std::string& path, const ExtractOptions& extract) const {
  const double limit = extract.time_limit_seconds;
  const double deadline = limit > 0 && limit <= kMaxTimeLimitSeconds ? SteadyNow() + limit : 0;
  // Every stage's long loops stop at the deadline, so a document out of time
  // returns its worker thread soon after its limit (pipeline/model/deadline.h).
  Document doc;
  Status status;
  {
    ScopedDeadline scoped(deadline);
    status = ExtractFile(path, extract, &doc);
  }
  return ScreenExtracted(path, std::move(doc), status, deadline);
}

Screener::Result Screener::ScreenExtracted(const std::string& path, Document extracted,
                                           const Status& status) const {
  return ScreenExtracted(path, std::move(extracted), status, 0);
}

Screener::Result Screener::ScreenExtracted(const std::string& path, Document extracted, const Status& status_in,
                                           double deadline) const {
  Status status = status_in;
  auto out_of_time = [&](const char* stage) {
    if (deadline <= 0 || SteadyNow() <= deadline) return false;
    spdlog::info("{}: time limit reached {}", path, stage);
    status = Status::Timeout(kTimeoutReason);
    return true;
  };
  Result result;
  result.doc = std::move(extracted);
  Document& doc = result.doc;
  // A long PDF cut short by the time limit still has the pages read before
  // it: checking those beats failing the whole document.
  const bool cut_short = status.code() == Status::Code::kTimeout && !doc.blocks.empty();
  // The facts and checks stop at the deadline; those of a document cut short
  // get a grace period of their own to check the pages read.
  if (cut_short && deadline > 0) deadline = SteadyNow() + kCutShortGraceSeconds;
  ScopedDeadline scoped(deadline);
  // Read in full but with no time left for facts and checks: failed (timeout).
  if (status.ok() && out_of_time("after reading the document, before its facts")) {
    doc.status = DocumentStatus::kFailed;
    doc.status_reason = status.message();
  }
  if (cut_short) {
    doc.status = DocumentStatus::kPartial;
    if (doc.status_reason.empty()) doc.status_reason = status.message();
  } else if (!status.ok()) {
    if (doc.status == DocumentStatus::kOk || doc.status == DocumentStatus::kPartial) doc.status = DocumentStatus::kFailed;
    if (doc.status_reason.empty()) doc.status_reason = status.message();
  }
  if (!status.ok() && doc.source.sha256.empty()) ReadSourceInfo(path, &doc.source);
  const ReportIdentity id = IdentifyReport(doc, &vocabulary_);
  if (status.ok() || cut_short) {
    result.facts = ExtractFacts(doc, vocabulary_, id.year);
    if (out_of_time("after the facts, before the checks")) {
      // Failed, not partial: the checks were not run, and a report with no
      // finding would read as clean.
      result.facts = FactSet();
      doc.status = DocumentStatus::kFailed;
      doc.status_reason = status.message();
    } else {
      result.findings = RunChecks(doc, result.facts, rules_, id.title, /*read_in_full=*/!cut_short);
      MarkOcrFindings(doc, &result.findings);
      if (DeadlinePassed() && out_of_time("during the checks")) {
        // The checks stopped where the time ran out: what they found is
        // incomplete, and the document is failed, as above.
        result.facts = FactSet();
        result.findings.clear();
        doc.status = DocumentStatus::kFailed;
        doc.status_reason = status.message();
      }
    }
  }
  ScreenReport& r = result.report;
  r.file = path;
  r.sha256 = doc.source.sha256;
  r.format = doc.source.format;
  r.size = doc.source.size;
  r.status = doc.status;
  if (doc.status != DocumentStatus::kOk) {
    // The code behind it: the extraction's, else what the status says.
    r.code = !status.ok() ? status.code()
             : doc.status == DocumentStatus::kSkipped ? Status::Code::kUnsupported
             : doc.status == DocumentStatus::kFailed  ? Status::Code::kInvalidInput
                                                      : Status::Code::kTimeout;
    r.reason = ReviewerReason(r.code, doc.status_reason);
    if (r.reason != doc.status_reason) spdlog::info("{}: {}", path, doc.status_reason);
  }
  r.jixiao_version = JixiaoVersion();
  r.rules = rules_.name;
  r.title = id.title;
  r.unit = id.unit;
  r.year = id.year;
  r.project = id.project;
  r.family = id.family;
  r.figures = Figures(result.facts);
  // The facts typed, one at a time (no JSON per fact: a tall table has
  // hundreds of thousands), inside the time limit like every stage.
  r.facts.reserve(result.facts.facts.size());
  for (const Fact& f : result.facts.facts) {
    if (DeadlinePassed()) break;
    r.facts.push_back(ReportFactOf(f));
  }
  r.findings = result.findings;
  AssignFindingIds(&r);
  result.findings = r.findings;
  r.diagnostics = DiagnosticsToJson(doc);  // not the whole model as JSON: gigabytes for a tall table
  // Out of time while the report was made: failed like a document out of
  // time in its checks (its report is incomplete). A report counts only when
  // it was finished within the limit.
  if (r.status != DocumentStatus::kFailed && r.status != DocumentStatus::kSkipped &&
      out_of_time("while making the report")) {
    result.facts = FactSet();
    result.findings.clear();
    doc.status = DocumentStatus::kFailed;
    doc.status_reason = status.message();
    r.facts.clear();
    r.facts.shrink_to_fit();
    r.findings.clear();
    r.figures = HeadlineFigures();
    r.status = DocumentStatus::kFailed;
    r.code = Status::Code::kTimeout;
    r.reason = ReviewerReason(r.code, doc.status_reason);
  }
  return result;
}

const Screener* SharedScreener(const std::string& rules_path, Status* status) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Screener>> screeners;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = screeners[rules_path];
  Status s;
  if (!slot) s = Screener::Create(rules_path, &slot);
  if (status) *status = s;
  return slot.get();
}

ScreenResult ScreenFile(const std::string& path, const ScreenOptions& options) {
  Status status;
  const Screener* screener = SharedScreener(options.rules_path, &status);
  if (!screener) {
    ScreenResult r;
    r.doc.status = DocumentStatus::kFailed;
    r.doc.status_reason = status.message();
    ReadSourceInfo(path, &r.doc.source);
    r.report.file = path;
    r.report.sha256 = r.doc.source.sha256;
    r.report.format = r.doc.source.format;
    r.report.size = r.doc.source.size;
    r.report.status = DocumentStatus::kFailed;
    r.report.code = status.code();
    r.report.reason = status.message();
    r.report.jixiao_version = JixiaoVersion();
    return r;
  }
  return screener->Screen(path, options.extract);
}

}  // namespace jixiao
