// The review server over a real run: `jixiao run` screens corpus documents
// (the seed as PDF and DOCX, the target-not-met variant) into a run folder,
// a Server on an ephemeral port serves it, an httplib client asks the API.
#include "pipeline/serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/serve/assets.h"
#include "tests/e2e/e2e_util.h"

namespace jixiao::serve {
namespace {

using Json = nlohmann::json;
using e2e::Scratch;

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new Scratch("serve_test");
    std::string in = *scratch_ / "reports";
    std::filesystem::create_directories(in);
    e2e::CopyFile(e2e::Corpus("seed/junshan-gsl-2024.pdf"), in + "/seed.pdf");
    e2e::CopyFile(e2e::Corpus("seed/junshan-gsl-2024.docx"), in + "/seed.docx");
    e2e::CopyFile(e2e::Corpus("variants/target-not-met.docx"), in + "/target-not-met.docx");
    // Another family, unit and year: a project table whose funds do not add up.
    e2e::CopyFile(e2e::Corpus("templates/funds-sum.docx"), in + "/funds-sum.docx");
    std::string out;
    int code = e2e::RunJixiao({"run", in, "--out", *scratch_ / "run", "--jobs", "2"}, &out);
    ASSERT_EQ(code, 1) << out;
  }
  static void TearDownTestSuite() {
    delete scratch_;
    scratch_ = nullptr;
  }

  void Start(ServeOptions o = ServeOptions()) {
    o.dir = *scratch_ / "run";
    if (o.host.empty()) o.host = "127.0.0.1";
    o.port = 0;
    ASSERT_TRUE(Server::Create(o, &server_).ok());
    ASSERT_TRUE(server_->Bind(&port_).ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(60, 0);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  // GET path; the JSON body, the status in *status.
  Json GetJson(const std::string& path, int* status = nullptr, const httplib::Headers& headers = {}) {
    auto res = client_->Get(path.c_str(), headers);
    EXPECT_TRUE(res) << path;
    if (!res) return Json();
    if (status) *status = res->status;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/json", 0), 0u) << path;
    return Json::parse(res->body, nullptr, false);
  }

  // The document whose file name ends so.
  Json Document(const std::string& suffix) {
    Json list = GetJson("/api/documents?per_page=100");
    for (const Json& d : list["documents"]) {
      const std::string file = d["file"];
      if (file.size() >= suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0)
        return GetJson("/api/documents/" + d["id"].get<std::string>());
    }
    ADD_FAILURE() << "no document " << suffix;
    return Json();
  }

  static Scratch* scratch_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

Scratch* ServeTest::scratch_ = nullptr;

TEST_F(ServeTest, OverviewListsFiltersSortsAndPages) {
  Start();
  Json all = GetJson("/api/documents");
  ASSERT_EQ(all["total"], 4);
  ASSERT_EQ(all["documents"].size(), 4u);
  // Worst first: errors, then warnings.
  for (size_t i = 1; i < all["documents"].size(); ++i)
    EXPECT_GE(all["documents"][i - 1]["errors"].get<int>(), all["documents"][i]["errors"].get<int>());
  int errors = 0;
  for (const Json& d : all["documents"]) {
    errors += d["errors"].get<int>();
    EXPECT_EQ(d["id"].get<std::string>().size(), 64u);
    const bool project = d["file"] == "reports/funds-sum.docx";
    EXPECT_EQ(d["unit"], project ? "清河县交通运输局" : "君山区工商业联合会");
    EXPECT_EQ(d["year"], project ? 2023 : 2024);
    EXPECT_EQ(d["family"], project ? "project_table" : "whole_report");
    EXPECT_EQ(d["family_name"], project ? "项目支出自评表" : "部门整体支出自评报告");
  }
  EXPECT_EQ(all["totals"]["errors"], errors);

  // Only the variant has TARGET_NOT_MET; the code in any letter case.
  Json by_code = GetJson("/api/documents?code=target_not_met");
  ASSERT_EQ(by_code["total"], 1);
  EXPECT_EQ(by_code["documents"][0]["file"], "reports/target-not-met.docx");

  Json page2 = GetJson("/api/documents?per_page=3&page=2&sort=file&order=asc");
  EXPECT_EQ(page2["total"], 4);
  ASSERT_EQ(page2["documents"].size(), 1u);
  EXPECT_EQ(page2["documents"][0]["file"], "reports/target-not-met.docx");

  // The family: a filter, a sort key, and the filter's choices in /api/codes.
  Json projects = GetJson("/api/documents?family=project_table");
  ASSERT_EQ(projects["total"], 1);
  EXPECT_EQ(projects["documents"][0]["file"], "reports/funds-sum.docx");
  EXPECT_EQ(GetJson("/api/documents?family=whole_report")["total"], 3);
  EXPECT_EQ(GetJson("/api/documents?family=whole_table")["total"], 0);
  EXPECT_EQ(GetJson("/api/documents?sort=family&order=desc")["documents"][0]["family"], "whole_report");
  EXPECT_EQ(GetJson("/api/documents?sort=family&order=asc")["documents"][0]["family"], "project_table");
  Json families = GetJson("/api/codes")["families"];
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0]["family"], "project_table");
  EXPECT_EQ(families[0]["name"], "项目支出自评表");

  // The archive's search: a phrase of the narrative is in the three 工商联 reports.
  EXPECT_EQ(GetJson("/api/documents?q=" + httplib::detail::encode_query_param("工商业联合会"))["total"], 3);
  EXPECT_EQ(GetJson("/api/documents?q=" + httplib::detail::encode_query_param("不存在的词语组合"))["total"], 0);
  EXPECT_EQ(GetJson("/api/documents?unit=" + httplib::detail::encode_query_param("没有这个单位"))["total"], 0);
  EXPECT_EQ(GetJson("/api/documents?unit=" + httplib::detail::encode_query_param("交通运输"))["total"], 1);
  EXPECT_EQ(GetJson("/api/documents?year=2023")["total"], 1);
  EXPECT_EQ(GetJson("/api/documents?year=2022")["total"], 0);
  EXPECT_EQ(GetJson("/api/documents?review=done")["total"], 0);
}

TEST_F(ServeTest, BadInputIs400UnknownIs404InChinese) {
  Start();
  int status = 0;
  Json e = GetJson("/api/documents?year=abc", &status);
  EXPECT_EQ(status, 400);
  EXPECT_NE(e["error"].get<std::string>().find("年度"), std::string::npos);
  e = GetJson("/api/documents?per_page=100000", &status);
  EXPECT_EQ(status, 400);
  e = GetJson("/api/documents?severity=fatal", &status);
  EXPECT_EQ(status, 400);
  e = GetJson("/api/documents?family=report", &status);
  EXPECT_EQ(status, 400);
  EXPECT_NE(e["error"].get<std::string>().find("类别"), std::string::npos);
  e = GetJson("/api/documents/" + std::string(64, 'a'), &status);
  EXPECT_EQ(status, 404);
  EXPECT_NE(e["error"].get<std::string>().find("没有这个文件"), std::string::npos);
  e = GetJson("/api/documents/../../etc/passwd", &status);
  EXPECT_EQ(status, 404);
  e = GetJson("/api/findings/0123456789abcdef/source", &status);
  EXPECT_EQ(status, 404);
  EXPECT_NE(e["error"].get<std::string>().find("没有这个问题"), std::string::npos);
  e = GetJson("/api/nothing", &status);
  EXPECT_EQ(status, 404);
}

TEST_F(ServeTest, DocumentHasFindingsWithIdsFiguresAndWords) {
  Start();
  Json doc = Document("target-not-met.docx");
  ASSERT_TRUE(doc.is_object());
  ASSERT_GT(doc["findings"].size(), 0u);
  std::string last = "error";
  bool target = false;
  for (const Json& f : doc["findings"]) {
    EXPECT_EQ(f["id"].get<std::string>().size(), 16u);
    EXPECT_TRUE(f["review"].is_null());
    // Errors first, then warnings, then infos.
    const std::string sev = f["severity"];
    EXPECT_TRUE(sev == last || (last == "error") || (last == "warning" && sev == "info")) << last << " " << sev;
    last = sev;
    for (const Json& e : f["evidence"]) {
      if (e["figure"].is_null()) continue;
      const std::string quote = e["quote"];
      size_t b = e["figure"][0], end = e["figure"][1];
      ASSERT_LE(end, quote.size());
      // The marked part holds the figure's digits.
      if (!e["value"].is_null() && e["value"].get<std::string>().find('.') == std::string::npos) {
        EXPECT_NE(quote.substr(b, end - b).find(e["value"].get<std::string>()), std::string::npos) << quote;
      }
    }
    if (f["code"] == "TARGET_NOT_MET") {
      target = true;
      EXPECT_EQ(f["arithmetic_words"], "实际90%，未达到目标≥95%");
    }
  }
  EXPECT_TRUE(target);
}

TEST_F(ServeTest, SourceViewRendersPdfPageOnceAndDocxCellAsHtml) {
  Start();
  Json pdf = Document("seed.pdf");
  std::string fid;
  for (const Json& f : pdf["findings"])
    if (f["code"] == "FIGURE_CONFLICT" && fid.empty()) fid = f["id"];
  ASSERT_FALSE(fid.empty());
  auto first = client_->Get(("/api/findings/" + fid + "/source").c_str());
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(first->get_header_value("Content-Type"), "image/png");
  ASSERT_GT(first->body.size(), 24u);
  EXPECT_EQ(first->body.substr(1, 3), "PNG");
  // IHDR width: an A4 page (595 pt) at 110 dpi.
  const unsigned char* w = reinterpret_cast<const unsigned char*>(first->body.data() + 16);
  int width = (w[0] << 24) | (w[1] << 16) | (w[2] << 8) | w[3];
  EXPECT_NEAR(width, 595 * 110 / 72, 3);
  EXPECT_EQ(first->get_header_value("X-Jixiao-Cache"), "miss");
  auto second = client_->Get(("/api/findings/" + fid + "/source").c_str());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->get_header_value("X-Jixiao-Cache"), "hit");
  EXPECT_EQ(second->body, first->body);

  // A table cell of the DOCX: the table as HTML, the cell marked.
  Json docx = Document("target-not-met.docx");
  for (const Json& f : docx["findings"]) {
    if (f["code"] != "TARGET_NOT_MET") continue;
    auto res = client_->Get(("/api/findings/" + f["id"].get<std::string>() + "/source?evidence=2").c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(res->body.find("<table class=\"source-table\">"), std::string::npos);
    EXPECT_NE(res->body.find("class=\"hit\" id=\"hit\">　<mark>90%</mark></td>"), std::string::npos) << res->body;
    auto bad = client_->Get(("/api/findings/" + f["id"].get<std::string>() + "/source?evidence=99").c_str());
    EXPECT_EQ(bad->status, 400);
  }
}

TEST_F(ServeTest, OriginalFileOnlyWhileUnchanged) {
  Start();
  Json pdf = Document("seed.pdf");
  auto res = client_->Get(("/api/documents/" + pdf["id"].get<std::string>() + "/file").c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->body, e2e::ReadFile(e2e::Corpus("seed/junshan-gsl-2024.pdf")));
}

TEST_F(ServeTest, ReviewIsStoredWithHistoryAndChecked) {
  Start();
  Json doc = Document("seed.docx");
  const std::string fid = doc["findings"][0]["id"];
  const std::string path = "/api/findings/" + fid + "/review";
  auto put = [&](const Json& body, const httplib::Headers& headers = {}) {
    return client_->Put(path.c_str(), headers, body.dump(), "application/json");
  };
  auto res = put({{"decision", "confirmed"}, {"comment", "与表2核对，确有矛盾"}, {"reviewer", "张三"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json stored = Json::parse(res->body);
  EXPECT_EQ(stored["decision"], "confirmed");
  EXPECT_EQ(stored["reviewer"], "张三");
  res = put({{"decision", "dismissed"}, {"comment", "口径不同"}, {"reviewer", "李四"}});
  ASSERT_EQ(res->status, 200) << res->body;

  Json again = GetJson("/api/documents/" + doc["id"].get<std::string>());
  EXPECT_EQ(again["findings"][0]["review"]["decision"], "dismissed");
  EXPECT_EQ(again["findings"][0]["review"]["comment"], "口径不同");
  EXPECT_EQ(again["reviewed"], 1);
  Json history = GetJson(path.substr(0, path.size() - 6) + "reviews");
  ASSERT_EQ(history["history"].size(), 2u);
  EXPECT_EQ(history["history"][0]["reviewer"], "张三");
  EXPECT_EQ(GetJson("/api/documents?review=done")["total"], 0);
  EXPECT_EQ(GetJson("/api/documents?review=todo")["total"], 4);

  // Bad input, unknown finding, another site's page.
  EXPECT_EQ(put({{"decision", "maybe"}, {"reviewer", "张三"}})->status, 400);
  EXPECT_EQ(put({{"decision", "confirmed"}})->status, 400);
  EXPECT_EQ(client_->Put(path.c_str(), "not json", "application/json")->status, 400);
  EXPECT_EQ(client_->Put(path.c_str(), "decision=confirmed", "application/x-www-form-urlencoded")->status, 400);
  EXPECT_EQ(client_->Put("/api/findings/0123456789abcdef/review", Json{{"decision", "confirmed"}, {"reviewer", "a"}}.dump(),
                         "application/json")->status, 404);
  auto csrf = put({{"decision", "confirmed"}, {"reviewer", "攻击者"}}, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(csrf->status, 403);
  EXPECT_NE(csrf->body.find("Origin"), std::string::npos);
  auto same = put({{"decision", "pending"}, {"reviewer", "张三"}},
                  {{"Origin", "http://127.0.0.1:" + std::to_string(port_)}});
  EXPECT_EQ(same->status, 200);
}

TEST_F(ServeTest, TokenAndHostAreChecked) {
  ServeOptions o;
  o.token = "s3cret-token";
  Start(o);
  int status = 0;
  Json e = GetJson("/api/documents", &status);
  EXPECT_EQ(status, 403);
  EXPECT_NE(e["error"].get<std::string>().find("令牌"), std::string::npos);
  GetJson("/api/documents?token=wrong", &status);
  EXPECT_EQ(status, 403);
  GetJson("/api/documents?token=s3cret-token", &status);
  EXPECT_EQ(status, 200);
  GetJson("/api/documents", &status, {{"X-Jixiao-Token", "s3cret-token"}});
  EXPECT_EQ(status, 200);
  // The page itself holds no data and loads without the token.
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
}

TEST_F(ServeTest, LoopbackWithoutTokenRefusesForeignHost) {
  Start();
  int status = 0;
  GetJson("/api/documents", &status, {{"Host", "attacker.example:8080"}});
  EXPECT_EQ(status, 403);
  GetJson("/api/documents", &status, {{"Host", "localhost:" + std::to_string(port_)}});
  EXPECT_EQ(status, 200);
}

TEST_F(ServeTest, BeyondLoopbackATokenIsGenerated) {
  ServeOptions o;
  o.host = "0.0.0.0";
  Start(o);
  EXPECT_EQ(server_->token().size(), 32u);
  EXPECT_NE(server_->Url().find("?token=" + server_->token()), std::string::npos);
  int status = 0;
  GetJson("/api/documents", &status);
  EXPECT_EQ(status, 403);
  GetJson("/api/documents", &status, {{"X-Jixiao-Token", server_->token()}});
  EXPECT_EQ(status, 200);
}

TEST_F(ServeTest, PagesAreEmbeddedWithAStrictPolicy) {
  Start();
  for (const Asset& a : Assets()) {
    auto res = client_->Get(a.path);
    ASSERT_TRUE(res) << a.path;
    EXPECT_EQ(res->status, 200) << a.path;
    EXPECT_EQ(res->body, std::string(a.body));
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  auto index = client_->Get("/");
  EXPECT_NE(index->body.find("jixiao 复核"), std::string::npos);
  // Nothing is fetched from elsewhere: no absolute URL in the pages.
  for (const Asset& a : Assets()) EXPECT_EQ(std::string(a.body).find("https://"), std::string::npos) << a.path;
}

}  // namespace
}  // namespace jixiao::serve
