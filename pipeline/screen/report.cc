// ScreenReport to and from its JSON form (schemas/findings.schema.json).
// Covered by pipeline/screen/report_test.cc.
#include "pipeline/screen/report.h"

#include "pipeline/screen/finding_id.h"

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;

Json OptText(const std::string& s) { return s.empty() ? Json() : Json(s); }

std::string Text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int Number(const Json& j, const char* key, int fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

Evidence EvidenceFromJson(const Json& je) {
  Evidence e;
  e.quote = Text(je, "quote");
  e.value = Text(je, "value");
  e.unit = Text(je, "unit");
  e.place = Text(je, "place");
  auto w = je.find("where");
  if (w != je.end() && w->is_object()) {
    e.block = Number(*w, "block", -1);
    e.prov.page = Number(*w, "page", -1);
    auto box = w->find("box");
    if (box != w->end() && box->is_array() && box->size() == 4)
      e.prov.box = Box{(*box)[0].get<double>(), (*box)[1].get<double>(), (*box)[2].get<double>(),
                       (*box)[3].get<double>()};
    e.prov.body_index = Number(*w, "body_index", -1);
    e.prov.table_index = Number(*w, "table_index", -1);
    e.prov.row = Number(*w, "row", -1);
    e.prov.col = Number(*w, "col", -1);
    auto span = w->find("span");
    if (span != w->end() && span->is_array() && span->size() == 2) {
      e.span_begin = (*span)[0].get<int>();
      e.span_end = (*span)[1].get<int>();
    }
    auto ocr = w->find("ocr");
    if (ocr != w->end() && ocr->is_boolean()) e.prov.ocr = ocr->get<bool>();
    auto conf = w->find("confidence");
    if (conf != w->end() && conf->is_number()) e.prov.ocr_confidence = conf->get<double>();
  }
  return e;
}

}  // namespace

ReportFact ReportFactOf(const Fact& f) {
  ReportFact r;
  r.concept_id = f.concept_id;
  r.label = f.label;
  if (f.concept_id == "grade") {
    r.grade = f.grade;
  } else {
    const numbers::Quantity& q = f.q;
    r.kind = numbers::KindName(q.kind);
    r.value = q.value.ToStringAsWritten();
    r.unit = q.unit;
    r.canonical = q.canonical.ToString();
    r.canonical_unit = q.canonical_unit;
    for (const std::string& w : q.qualifiers) r.qualifier += w;
    r.interval = q.interval.ToString();
  }
  r.period = f.period;
  r.year = f.year;
  r.subject = f.subject;
  r.from_table = f.source == FactSource::kTable;
  r.raw = f.q.raw;
  r.place.block = f.block;
  if (r.from_table) {
    r.place.row = f.row;
    r.place.col = f.col;
  } else {
    r.span_begin = f.q.span.begin;
    r.span_end = f.q.span.end;
  }
  r.place.page = f.prov.page >= 0 ? f.prov.page : -1;
  r.quote = f.quote;
  r.parent = f.parent >= 0 ? f.parent : -1;
  r.list = f.list >= 0 ? f.list : -1;
  r.list_open = r.list >= 0 && f.list_open;
  if (!f.relation.empty()) {
    r.relation = f.relation;
    r.of_concept = f.of_concept;
    r.sign = f.sign;
    r.relation_base = f.relation_base >= 0 ? f.relation_base : -1;
    r.base_year = f.base_year;
    r.base_period = f.base_period;
    r.relation_change = f.relation_change >= 0 ? f.relation_change : -1;
  }
  return r;
}

Json FactJson(const ReportFact& f) {
  Json j;
  j["concept"] = f.concept_id;
  j["label"] = f.label;
  if (f.concept_id == "grade") {
    j["grade"] = f.grade;
  } else {
    j["kind"] = f.kind;
    j["value"] = f.value;
    j["unit"] = f.unit;
    j["canonical"] = f.canonical;
    j["canonical_unit"] = f.canonical_unit;
    if (!f.qualifier.empty()) j["qualifier"] = f.qualifier;
    j["interval"] = f.interval;
  }
  j["period"] = f.period;
  if (f.year) j["year"] = f.year;
  j["subject"] = f.subject;
  j["source"] = f.from_table ? "table" : "narrative";
  j["raw"] = f.raw;
  Json where;
  where["block"] = f.place.block;
  if (f.from_table) {
    where["row"] = f.place.row;
    where["col"] = f.place.col;
  } else {
    where["span"] = {f.span_begin, f.span_end};
  }
  if (f.place.page >= 0) where["page"] = f.place.page;
  j["where"] = std::move(where);
  j["quote"] = f.quote;
  if (f.parent >= 0) j["parent"] = f.parent;
  if (f.list >= 0) {
    j["list"] = f.list;
    if (f.list_open) j["list_open"] = true;
  }
  if (!f.relation.empty()) {
    Json r;
    r["kind"] = f.relation;
    r["of"] = f.of_concept;
    if (f.sign) r["sign"] = f.sign;
    if (f.relation_base >= 0) r["level"] = f.relation_base;
    if (f.base_year) r["base_year"] = f.base_year;
    if (!f.base_period.empty()) r["base_period"] = f.base_period;
    if (f.relation_change >= 0) r["change"] = f.relation_change;
    j["relation"] = std::move(r);
  }
  return j;
}

nlohmann::ordered_json FactSetToJson(const FactSet& set) {
  nlohmann::ordered_json j;
  j["year"] = set.year ? nlohmann::ordered_json(set.year) : nlohmann::ordered_json();
  nlohmann::ordered_json facts = nlohmann::ordered_json::array();
  for (const Fact& f : set.facts) facts.push_back(FactJson(ReportFactOf(f)));
  j["facts"] = std::move(facts);
  nlohmann::ordered_json indicators = nlohmann::ordered_json::array();
  for (const IndicatorRecord& r : set.indicators) {
    nlohmann::ordered_json ji;
    ji["level1"] = r.level1;
    if (r.level1_weight) ji["level1_weight"] = r.level1_weight->ToString();
    ji["level2"] = r.level2;
    ji["level3"] = r.level3;
    ji["target"] = r.target_text;
    ji["actual"] = r.actual_text;
    ji["weight"] = r.weight ? nlohmann::ordered_json(r.weight->ToString()) : nlohmann::ordered_json();
    ji["score"] = r.score ? nlohmann::ordered_json(r.score->ToString()) : nlohmann::ordered_json();
    ji["note"] = r.note;
    if (!r.direction.empty()) ji["direction"] = r.direction;
    if (!r.unit.empty()) ji["unit"] = r.unit;
    ji["group"] = r.group;
    ji["where"] = {{"block", r.block}, {"row", r.row}};
    indicators.push_back(std::move(ji));
  }
  j["indicators"] = std::move(indicators);
  auto line = [](const std::optional<ScoreLine>& l) {
    if (!l) return nlohmann::ordered_json();
    nlohmann::ordered_json jl;
    if (l->weight) jl["weight"] = l->weight->ToString();
    if (l->rate) jl["rate"] = l->rate->ToString();
    if (l->score) jl["score"] = l->score->ToString();
    return jl;
  };
  nlohmann::ordered_json funds = nlohmann::ordered_json::array();
  for (size_t i = 0; i < set.funds.size(); ++i) {
    const FundsBlock& fb = set.funds[i];
    nlohmann::ordered_json jb;
    jb["block"] = fb.block;
    jb["group"] = i < set.funds_groups.size() ? set.funds_groups[i] : -1;
    jb["unit"] = fb.unit;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    static const char* kNames[] = {"initial", "full", "executed", "weight", "rate", "score"};
    for (const FundsRow& r : fb.rows) {
      nlohmann::ordered_json jr;
      jr["label"] = r.label;
      jr["concept"] = r.concept_id;
      if (!r.partition.empty()) jr["partition"] = r.partition;
      for (int k = 0; k < kFundsColumns; ++k)
        if (r.values[k].value) jr[kNames[k]] = r.values[k].value->ToString();
      jr["row"] = r.row;
      rows.push_back(std::move(jr));
    }
    jb["rows"] = std::move(rows);
    funds.push_back(std::move(jb));
  }
  j["funds"] = std::move(funds);
  j["execution"] = line(set.execution);
  j["total"] = line(set.total);
  return j;
}

ReportFact ReportFactFromJson(const Json& j) {
  ReportFact f;
  f.concept_id = Text(j, "concept");
  f.label = Text(j, "label");
  f.grade = Text(j, "grade");
  f.kind = Text(j, "kind");
  f.value = Text(j, "value");
  f.unit = Text(j, "unit");
  f.canonical = Text(j, "canonical");
  f.canonical_unit = Text(j, "canonical_unit");
  f.qualifier = Text(j, "qualifier");
  f.interval = Text(j, "interval");
  f.period = Text(j, "period");
  f.year = Number(j, "year", 0);
  f.subject = Text(j, "subject");
  f.from_table = Text(j, "source") == "table";
  f.raw = Text(j, "raw");
  f.quote = Text(j, "quote");
  auto w = j.find("where");
  if (w != j.end() && w->is_object()) {
    f.place.block = Number(*w, "block", -1);
    if (f.from_table) {
      f.place.row = Number(*w, "row", -1);
      f.place.col = Number(*w, "col", -1);
    }
    auto span = w->find("span");
    if (span != w->end() && span->is_array() && span->size() == 2 && (*span)[0].is_number_unsigned() &&
        (*span)[1].is_number_unsigned()) {
      f.span_begin = (*span)[0].get<uint64_t>();
      f.span_end = (*span)[1].get<uint64_t>();
    }
    f.place.page = Number(*w, "page", -1);
  }
  f.parent = Number(j, "parent", -1);
  f.list = Number(j, "list", -1);
  auto open = j.find("list_open");
  f.list_open = open != j.end() && open->is_boolean() && open->get<bool>();
  auto r = j.find("relation");
  if (r != j.end() && r->is_object()) {
    f.relation = Text(*r, "kind");
    f.of_concept = Text(*r, "of");
    f.sign = Number(*r, "sign", 0);
    f.relation_base = Number(*r, "level", -1);
    f.base_year = Number(*r, "base_year", 0);
    f.base_period = Text(*r, "base_period");
    f.relation_change = Number(*r, "change", -1);
  }
  return f;
}

FindingCounts ScreenReport::counts() const {
  FindingCounts c;
  for (const Finding& f : findings) {
    if (f.severity == FindingSeverity::kError) ++c.error;
    else if (f.severity == FindingSeverity::kWarning) ++c.warning;
    else ++c.info;
  }
  return c;
}

const Finding* ScreenReport::MostSerious() const {
  const Finding* best = nullptr;
  for (const Finding& f : findings)
    if (!best || static_cast<int>(f.severity) < static_cast<int>(best->severity)) best = &f;
  return best;
}

namespace {
struct OutcomeWords {
  Outcome outcome;
  const char* name;
  const char* zh;
};
constexpr OutcomeWords kOutcomes[] = {
    {Outcome::kOk, "ok", "通过"},           {Outcome::kFindings, "findings", "有问题"},
    {Outcome::kFailed, "failed", "处理失败"}, {Outcome::kSkipped, "skipped", "已跳过"},
    {Outcome::kDuplicate, "duplicate", "重复"}, {Outcome::kPending, "pending", "未完成"},
    {Outcome::kRemoved, "removed", "已移除"}};
}  // namespace

const char* OutcomeName(Outcome outcome) {
  for (const OutcomeWords& w : kOutcomes)
    if (w.outcome == outcome) return w.name;
  return "pending";
}

const char* OutcomeZh(Outcome outcome) {
  for (const OutcomeWords& w : kOutcomes)
    if (w.outcome == outcome) return w.zh;
  return "未完成";
}

bool OutcomeFromName(const std::string& name, Outcome* outcome) {
  for (const OutcomeWords& w : kOutcomes)
    if (name == w.name) {
      *outcome = w.outcome;
      return true;
    }
  return false;
}

Outcome OutcomeOf(const ScreenReport& report) {
  if (report.status == DocumentStatus::kFailed) return Outcome::kFailed;
  if (report.status == DocumentStatus::kSkipped) return Outcome::kSkipped;
  const FindingCounts c = report.counts();
  return c.error + c.warning > 0 ? Outcome::kFindings : Outcome::kOk;
}

std::string OutcomeReason(const ScreenReport& report) {
  if (report.status == DocumentStatus::kPartial) return kPartialReason + report.reason;
  if (report.status == DocumentStatus::kOk) return "";
  if (report.reason.empty() && report.status == DocumentStatus::kFailed) return "无法处理（未说明原因）";
  return report.reason;
}

namespace {
const std::pair<const char*, const char*> kFamilyNames[] = {
    {"whole_report", "部门整体支出自评报告"}, {"project_table", "项目支出自评表"}, {"whole_table", "部门整体支出自评表"},
    {"final_accounts", "部门决算公开"},      {"summary_report", "自评总结报告"}, {"bundle", "自评表汇编"},
    {"project_report", "项目支出自评报告"}};
}  // namespace

std::string FamilyZh(const std::string& family) {
  for (const auto& [id, name] : kFamilyNames)
    if (family == id) return name;
  return "";
}

std::string FamilyIdList() {
  std::string out;
  for (const auto& [id, name] : kFamilyNames) out += (out.empty() ? "" : "、") + std::string(id);
  return out;
}

bool IsReportName(const std::string& file) {
  const size_t slash = file.find_last_of('/');
  const std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  if (name.rfind("~$", 0) == 0) return false;
  const size_t dot = name.find_last_of('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == "docx" || ext == "pdf" || ext == "ofd" || ext == "doc" || ext == "wps";
}

int ExitCodeFor(const std::vector<ExitInput>& inputs) {
  bool findings = false;
  for (const ExitInput& in : inputs) {
    if (in.outcome == Outcome::kFailed || in.outcome == Outcome::kPending) return 2;
    if (in.outcome == Outcome::kSkipped && IsReportName(in.file)) return 2;
    findings |= in.outcome == Outcome::kFindings;
  }
  return findings ? 1 : 0;
}

Status::Code StatusCodeFromName(const std::string& name) {
  for (Status::Code c : {Status::Code::kInvalidInput, Status::Code::kUnsupported, Status::Code::kIoError,
                         Status::Code::kLimitExceeded, Status::Code::kTimeout, Status::Code::kInternal})
    if (name == Status::CodeName(c)) return c;
  return Status::Code::kOk;
}

bool FindingSeverityFromName(const std::string& name, FindingSeverity* severity) {
  for (FindingSeverity s : {FindingSeverity::kError, FindingSeverity::kWarning, FindingSeverity::kInfo})
    if (name == FindingSeverityName(s)) {
      *severity = s;
      return true;
    }
  return false;
}

namespace {

// The report's JSON with "facts" an empty array (in its place).
Json HeadJson(const ScreenReport& r) {
  Json j;
  j["file"] = r.file;
  j["sha256"] = r.sha256;
  j["format"] = r.format;
  j["size"] = r.size;
  j["status"] = DocumentStatusName(r.status);
  if (!r.reason.empty()) j["status_reason"] = r.reason;
  if (r.code != Status::Code::kOk) j["status_code"] = Status::CodeName(r.code);
  j["jixiao_version"] = r.jixiao_version;
  j["rules"] = r.rules;
  j["title"] = OptText(r.title);
  j["unit"] = OptText(r.unit);
  j["year"] = r.year ? Json(r.year) : Json();
  j["project"] = OptText(r.project);
  j["family"] = OptText(r.family);
  Json figures = Json::object();
  const HeadlineFigures& h = r.figures;
  if (!h.total_budget.empty()) figures["total_budget"] = h.total_budget;
  if (!h.executed.empty()) figures["executed"] = h.executed;
  if (!h.execution_rate.empty()) figures["execution_rate"] = h.execution_rate;
  if (!h.self_score.empty()) figures["self_score"] = h.self_score;
  if (!h.grade.empty()) figures["grade"] = h.grade;
  j["figures"] = std::move(figures);
  j["facts"] = Json::array();
  Json findings = Json::array();
  // Ids from the evidence as it stands (finding_id.h), whatever Finding::id holds.
  const std::vector<std::string> ids = FindingIds(r);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    Finding f = r.findings[i];
    f.id = ids[i];
    findings.push_back(FindingToJson(f));
  }
  j["findings"] = std::move(findings);
  const FindingCounts c = r.counts();
  j["counts"] = {{"error", c.error}, {"warning", c.warning}, {"info", c.info}};
  j["diagnostics"] = r.diagnostics.is_array() ? r.diagnostics : Json::array();
  return j;
}

// `j` dumped, each line after the first indented by `base` more spaces
// (a dumped string never holds a raw line break).
void Dump(const Json& j, int indent, int base, std::string* out) {
  const std::string text = j.dump(indent, ' ', false, Json::error_handler_t::replace);
  if (indent < 0 || base == 0) {
    *out += text;
    return;
  }
  for (char c : text) {
    out->push_back(c);
    if (c == '\n') out->append(static_cast<size_t>(base), ' ');
  }
}

}  // namespace

Json ToJson(const ScreenReport& r) {
  Json j = HeadJson(r);
  Json& facts = j["facts"];
  for (const ReportFact& f : r.facts) facts.push_back(FactJson(f));
  return j;
}

void WriteJson(const ScreenReport& r, int indent, int base, const std::function<void(const std::string&)>& sink) {
  // nlohmann's layout: "{", then per member a line break and the member's
  // indentation (compact: nothing), the key, ": " (compact ":"), the value;
  // members and elements separated by ","; the closing bracket on a line of
  // the enclosing indentation.
  const bool pretty = indent >= 0;
  const int member = base + (pretty ? indent : 0), element = member + (pretty ? indent : 0);
  auto line = [&](int spaces, std::string* out) {
    if (pretty) out->append("\n").append(static_cast<size_t>(spaces), ' ');
  };
  const Json head = HeadJson(r);
  std::string out = "{";
  bool first = true;
  for (auto it = head.begin(); it != head.end(); ++it) {
    if (!first) out += ",";
    first = false;
    line(member, &out);
    out += Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace);
    out += pretty ? ": " : ":";
    if (it.key() != "facts" || r.facts.empty()) {
      Dump(it.value(), indent, member, &out);
      continue;
    }
    out += "[";
    for (size_t k = 0; k < r.facts.size(); ++k) {
      if (k) out += ",";
      line(element, &out);
      Dump(FactJson(r.facts[k]), indent, element, &out);
      if (out.size() >= (1 << 16)) {
        sink(out);
        out.clear();
      }
    }
    line(member, &out);
    out += "]";
  }
  line(base, &out);
  out += "}";
  sink(out);
}

std::string ToJsonText(const ScreenReport& r, int indent) {
  std::string text;
  WriteJson(r, indent, 0, [&](const std::string& piece) { text += piece; });
  return text;
}

Status FromJson(const Json& j, ScreenReport* out) {
  if (!j.is_object()) return Status::InvalidInput("report is not a JSON object");
  for (const char* key : {"file", "sha256", "status"})
    if (!j.contains(key) || !j[key].is_string()) return Status::InvalidInput(std::string("report without ") + key);
  if (!j.contains("findings") || !j["findings"].is_array()) return Status::InvalidInput("report without findings");
  ScreenReport r;
  r.file = Text(j, "file");
  r.sha256 = Text(j, "sha256");
  r.format = Text(j, "format");
  if (j.contains("size") && j["size"].is_number_unsigned()) r.size = j["size"].get<uint64_t>();
  const std::string status = Text(j, "status");
  if (status == "ok") r.status = DocumentStatus::kOk;
  else if (status == "partial") r.status = DocumentStatus::kPartial;
  else if (status == "failed") r.status = DocumentStatus::kFailed;
  else if (status == "skipped") r.status = DocumentStatus::kSkipped;
  else return Status::InvalidInput("report with status " + status);
  r.reason = Text(j, "status_reason");
  r.code = StatusCodeFromName(Text(j, "status_code"));
  r.jixiao_version = Text(j, "jixiao_version");
  r.rules = Text(j, "rules");
  r.title = Text(j, "title");
  r.unit = Text(j, "unit");
  r.year = Number(j, "year", 0);
  r.project = Text(j, "project");
  r.family = Text(j, "family");
  if (j.contains("figures") && j["figures"].is_object()) {
    const Json& f = j["figures"];
    r.figures = {Text(f, "total_budget"), Text(f, "executed"), Text(f, "execution_rate"), Text(f, "self_score"),
                 Text(f, "grade")};
  }
  if (j.contains("facts") && j["facts"].is_array())
    for (const Json& f : j["facts"]) r.facts.push_back(ReportFactFromJson(f));
  for (const Json& jf : j["findings"]) {
    Finding f;
    f.code = Text(jf, "code");
    if (!FindingSeverityFromName(Text(jf, "severity"), &f.severity))
      return Status::InvalidInput("finding with severity " + Text(jf, "severity"));
    f.message = Text(jf, "message");
    f.arithmetic = Text(jf, "arithmetic");
    if (jf.contains("evidence") && jf["evidence"].is_array())
      for (const Json& e : jf["evidence"]) f.evidence.push_back(EvidenceFromJson(e));
    r.findings.push_back(std::move(f));
  }
  if (j.contains("diagnostics") && j["diagnostics"].is_array()) r.diagnostics = j["diagnostics"];
  AssignFindingIds(&r);  // recomputed, never trusted from the file: one rule for every report
  *out = std::move(r);
  return Status::Ok();
}

}  // namespace jixiao
