// The reviewers' decisions as the server shows and records them (see
// reviews_view.h), over pipeline/archive/reviews.h. Covered by
// pipeline/serve/serve_test.cc.
#include "pipeline/serve/reviews_view.h"

#include "pipeline/archive/reviews.h"
#include "pipeline/screen/finding_id.h"

namespace jixiao::serve {
namespace {

using Json = nlohmann::json;

Json ReviewJson(const archive::Review& r) {
  return Json{{"finding_id", r.finding_id}, {"decision", archive::DecisionName(r.decision)},
              {"decision_zh", archive::DecisionZh(r.decision)}, {"comment", r.comment},
              {"reviewer", r.reviewer}, {"at", r.at}};
}

}  // namespace

std::string ReviewedCountSql(sqlite3*) { return "coalesce(rv.n, 0)"; }

std::string ReviewedJoinSql() {
  // The decided findings of each document's last screening (present), per
  // document: built once per query from the reviews (few beside the
  // documents), not once per document row.
  return " LEFT JOIN (SELECT fi.sha256 AS sha256, count(*) AS n FROM finding_ids fi"
         " WHERE fi.present = 1 AND fi.id IN (SELECT finding_id FROM reviews) GROUP BY fi.sha256) rv"
         " ON rv.sha256 = d.sha256";
}

Status LoadReviews(archive::Archive* archive, const std::string& sha256, std::map<std::string, Json>* out) {
  archive::Reviews reviews(archive);
  std::map<std::string, archive::Review> current;
  Status s = reviews.CurrentForDocument(sha256, &current);
  if (!s.ok()) return s;
  for (const auto& [id, r] : current) (*out)[id] = ReviewJson(r);
  return Status::Ok();
}

Status DocumentOfFinding(archive::Archive* archive, const std::string& finding_id, std::string* sha256) {
  if (!IsFindingId(finding_id)) return Status::NotFound("没有这个问题：" + finding_id);
  archive::Reviews reviews(archive);
  archive::KnownFinding known;
  Status s = reviews.Lookup(finding_id, &known);
  if (s.code() == Status::Code::kNotFound) return Status::NotFound("没有这个问题：" + finding_id);
  if (!s.ok()) return s;
  *sha256 = known.sha256;
  return Status::Ok();
}

Status RecordReview(archive::Archive* archive, const std::string& finding_id, const std::string& body, Json* out) {
  if (!IsFindingId(finding_id)) return Status::NotFound("没有这个问题：" + finding_id);
  Json in = Json::parse(body, nullptr, false);
  if (in.is_discarded() || !in.is_object()) return Status::InvalidInput("请求内容不是 JSON 对象");
  if (!in.contains("decision") || !in["decision"].is_string())
    return Status::InvalidInput("缺少复核结论 decision（confirmed、dismissed 或 pending）");
  archive::Decision decision;
  const std::string name = in["decision"].get<std::string>();
  if (name != "confirmed" && name != "dismissed" && name != "pending")
    return Status::InvalidInput("复核结论应为 confirmed（确认）、dismissed（排除）或 pending（待核实），收到“" + name + "”");
  archive::DecisionFromName(name, &decision);
  auto text = [&](const char* key, std::string* v) {
    if (!in.contains(key) || in[key].is_null()) return true;
    if (!in[key].is_string()) return false;
    *v = in[key].get<std::string>();
    return true;
  };
  std::string comment, reviewer;
  if (!text("comment", &comment)) return Status::InvalidInput("备注 comment 应为文字");
  if (!text("reviewer", &reviewer)) return Status::InvalidInput("复核人 reviewer 应为文字");
  if (reviewer.empty()) return Status::InvalidInput("缺少复核人姓名 reviewer");
  archive::Reviews reviews(archive);
  archive::Review stored;
  Status s = reviews.Record(finding_id, decision, comment, reviewer, &stored);
  if (s.code() == Status::Code::kNotFound) return Status::NotFound("没有这个问题：" + finding_id);
  if (!s.ok()) return s;
  *out = ReviewJson(stored);
  return Status::Ok();
}

Status ReviewHistory(archive::Archive* archive, const std::string& finding_id, Json* out) {
  if (!IsFindingId(finding_id)) return Status::NotFound("没有这个问题：" + finding_id);
  archive::Reviews reviews(archive);
  std::vector<archive::Review> history;
  Status s = reviews.History(finding_id, &history);
  if (s.code() == Status::Code::kNotFound) return Status::NotFound("没有这个问题：" + finding_id);
  if (!s.ok()) return s;
  Json list = Json::array();
  for (const archive::Review& r : history) list.push_back(ReviewJson(r));
  *out = Json{{"finding_id", finding_id}, {"history", std::move(list)}};
  return Status::Ok();
}

}  // namespace jixiao::serve
