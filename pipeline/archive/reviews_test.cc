// Reviews in the archive, on real corpus reports: record / current /
// history, unknown ids, a flag that disappears on a new screening, reviews
// kept through re-adding and merging archives, two writers at once, an
// archive written before the reviews tables, a read-only archive.
#include "pipeline/archive/reviews.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/sqlite_util.h"
#include "pipeline/screen/finding_id.h"
#include "pipeline/screen/screen.h"

namespace jixiao::archive {
namespace {

namespace fs = std::filesystem;

struct Screened {
  Document doc;
  ScreenReport report;
};

// The first corpus variants (by name) with at least two findings.
std::vector<Screened> VariantsWithFindings(size_t n) {
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(std::string(JIXIAO_SOURCE_DIR) + "/corpus/variants"))
    if (e.path().extension() == ".docx") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<Screened> out;
  for (const std::string& p : paths) {
    if (out.size() == n) break;
    ScreenResult r = ScreenFile(p, ScreenOptions());
    if (r.report.findings.size() >= 2) out.push_back({std::move(r.doc), std::move(r.report)});
  }
  return out;
}

class ReviewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("reviews-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    docs_ = VariantsWithFindings(2);
    ASSERT_EQ(docs_.size(), 2u);
    ASSERT_TRUE(Archive::Open(Path("archive.sqlite"), &archive_).ok());
    ASSERT_TRUE(Add(archive_.get(), docs_).ok());
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  static Status Add(Archive* a, const std::vector<Screened>& docs) {
    std::vector<Archive::Entry> entries;
    for (const Screened& s : docs) entries.push_back({&s.doc, &s.report});
    return a->Add(entries);
  }
  const std::string& FirstId() const { return docs_[0].report.findings[0].id; }

  fs::path dir_;
  std::vector<Screened> docs_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ReviewsTest, RecordsAndReadsBackTheLatestDecisionWithItsHistory) {
  Reviews reviews(archive_.get());
  const std::string id = FirstId();
  std::optional<Review> current;
  ASSERT_TRUE(reviews.Current(id, &current).ok());
  EXPECT_FALSE(current);

  Review stored;
  ASSERT_TRUE(reviews.Record(id, Decision::kPending, "先看原件", "张三", &stored).ok());
  EXPECT_EQ(stored.finding_id, id);
  EXPECT_EQ(stored.sha256, docs_[0].report.sha256);
  EXPECT_EQ(stored.at.size(), 24u) << stored.at;  // 2026-12-02T17:40:01.123Z
  EXPECT_EQ(stored.at.back(), 'Z');
  ASSERT_TRUE(reviews.Record(id, Decision::kConfirmed, "表2合计确有差额", "李四", &stored).ok());

  ASSERT_TRUE(reviews.Current(id, &current).ok());
  ASSERT_TRUE(current);
  EXPECT_EQ(current->decision, Decision::kConfirmed);
  EXPECT_EQ(current->comment, "表2合计确有差额");
  EXPECT_EQ(current->reviewer, "李四");

  std::vector<Review> history;
  ASSERT_TRUE(reviews.History(id, &history).ok());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].decision, Decision::kPending);
  EXPECT_EQ(history[0].reviewer, "张三");

  std::map<std::string, Review> of_doc;
  ASSERT_TRUE(reviews.CurrentForDocument(docs_[0].report.sha256, &of_doc).ok());
  ASSERT_EQ(of_doc.size(), 1u);
  EXPECT_EQ(of_doc.begin()->second.decision, Decision::kConfirmed);
  ASSERT_TRUE(reviews.CurrentForDocument(docs_[1].report.sha256, &of_doc).ok());
  EXPECT_TRUE(of_doc.empty());
  std::vector<Review> all;
  ASSERT_TRUE(reviews.AllCurrent(&all).ok());
  EXPECT_EQ(all.size(), 1u);
  ASSERT_TRUE(reviews.AllHistory(&all).ok());
  EXPECT_EQ(all.size(), 2u);
}

TEST_F(ReviewsTest, UnknownIdsAndBadInputAreRefused) {
  Reviews reviews(archive_.get());
  Review stored;
  Status s = reviews.Record("0000000000000000", Decision::kConfirmed, "", "张三", &stored);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
  std::optional<Review> current;
  EXPECT_EQ(reviews.Current("nonsense", &current).code(), Status::Code::kNotFound);
  std::vector<Review> history;
  EXPECT_EQ(reviews.History("nonsense", &history).code(), Status::Code::kNotFound);
  EXPECT_EQ(reviews.Record(FirstId(), Decision::kConfirmed, "", "", &stored).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(reviews.Record(FirstId(), Decision::kConfirmed, "\xff\xfe", "张三", &stored).code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(reviews.Record(FirstId(), Decision::kConfirmed, std::string(kMaxReviewComment + 1, 'x'), "张三", &stored)
                .code(),
            Status::Code::kInvalidInput);
  ASSERT_TRUE(reviews.History(FirstId(), &history).ok());
  EXPECT_TRUE(history.empty());
  Decision d;
  EXPECT_TRUE(DecisionFromName("dismissed", &d));
  EXPECT_EQ(d, Decision::kDismissed);
  EXPECT_TRUE(DecisionFromName("待核实", &d));
  EXPECT_EQ(d, Decision::kPending);
  EXPECT_FALSE(DecisionFromName("maybe", &d));
}

TEST_F(ReviewsTest, ANewScreeningKeepsReviewsAndMarksAFlagThatDisappeared) {
  Reviews reviews(archive_.get());
  const std::string kept = docs_[0].report.findings[0].id, gone = docs_[0].report.findings[1].id;
  ASSERT_TRUE(reviews.Record(kept, Decision::kConfirmed, "属实", "张三", nullptr).ok());
  ASSERT_TRUE(reviews.Record(gone, Decision::kDismissed, "口径不同", "张三", nullptr).ok());
  // The same document screened again (a new version, say) without the second flag.
  Screened again{docs_[0].doc, docs_[0].report};
  again.report.findings.erase(again.report.findings.begin() + 1);
  again.report.jixiao_version = "next";
  ASSERT_TRUE(Add(archive_.get(), {again}).ok());

  KnownFinding k;
  ASSERT_TRUE(reviews.Lookup(kept, &k).ok());
  EXPECT_TRUE(k.present);
  ASSERT_TRUE(reviews.Lookup(gone, &k).ok());
  EXPECT_FALSE(k.present);
  std::optional<Review> current;
  ASSERT_TRUE(reviews.Current(gone, &current).ok());
  ASSERT_TRUE(current);
  EXPECT_EQ(current->comment, "口径不同");
  ASSERT_TRUE(reviews.Current(kept, &current).ok());
  ASSERT_TRUE(current);
  EXPECT_EQ(current->decision, Decision::kConfirmed);
  std::vector<KnownFinding> of_doc;
  ASSERT_TRUE(reviews.FindingsOf(docs_[0].report.sha256, &of_doc).ok());
  EXPECT_EQ(of_doc.size(), docs_[0].report.findings.size());
  EXPECT_FALSE(of_doc.back().present);

  // It comes back: present again, its history intact.
  ASSERT_TRUE(Add(archive_.get(), {docs_[0]}).ok());
  ASSERT_TRUE(reviews.Lookup(gone, &k).ok());
  EXPECT_TRUE(k.present);
  std::vector<Review> history;
  ASSERT_TRUE(reviews.History(gone, &history).ok());
  EXPECT_EQ(history.size(), 1u);
}

TEST_F(ReviewsTest, MergeCarriesReviewsAndFindingIdsBothWays) {
  // Two shards: this archive has document 0, another document 1; each reviewed.
  std::unique_ptr<Archive> other;
  ASSERT_TRUE(Archive::Open(Path("other.sqlite"), &other).ok());
  ASSERT_TRUE(Add(other.get(), {docs_[1]}).ok());
  const std::string id1 = docs_[1].report.findings[0].id;
  {
    Reviews r(other.get());
    ASSERT_TRUE(r.Record(id1, Decision::kDismissed, "分片二", "王五", nullptr).ok());
  }
  Reviews reviews(archive_.get());
  ASSERT_TRUE(reviews.Record(FirstId(), Decision::kConfirmed, "分片一", "张三", nullptr).ok());
  other.reset();

  std::unique_ptr<Archive> merged;
  ASSERT_TRUE(Archive::Open(Path("merged.sqlite"), &merged).ok());
  int added = 0;
  ASSERT_TRUE(merged->MergeFrom(Path("archive.sqlite"), &added).ok());
  ASSERT_TRUE(merged->MergeFrom(Path("other.sqlite"), &added).ok());
  // Merging twice adds nothing twice.
  ASSERT_TRUE(merged->MergeFrom(Path("other.sqlite"), &added).ok());
  Reviews m(merged.get());
  std::vector<Review> all;
  ASSERT_TRUE(m.AllHistory(&all).ok());
  EXPECT_EQ(all.size(), 2u);
  std::optional<Review> current;
  ASSERT_TRUE(m.Current(id1, &current).ok());
  ASSERT_TRUE(current);
  EXPECT_EQ(current->comment, "分片二");
  ASSERT_TRUE(m.Current(FirstId(), &current).ok());
  ASSERT_TRUE(current);
  EXPECT_EQ(current->reviewer, "张三");
  // Every finding of both documents is known by the same id as in the shards.
  for (const Screened& s : docs_)
    for (const Finding& f : s.report.findings) {
      KnownFinding k;
      EXPECT_TRUE(m.Lookup(f.id, &k).ok()) << f.id;
    }
}

TEST_F(ReviewsTest, TwoWritersAtOnceLoseNoDecision) {
  archive_.reset();
  const int kEach = 40;
  std::vector<std::string> ids;
  for (const Screened& s : docs_)
    for (const Finding& f : s.report.findings) ids.push_back(f.id);
  auto writer = [&](const std::string& name, Status* result) {
    std::unique_ptr<Archive> a;
    *result = Archive::Open(Path("archive.sqlite"), &a);
    if (!result->ok()) return;
    Reviews r(a.get());
    for (int i = 0; i < kEach && result->ok(); ++i)
      *result = r.Record(ids[i % ids.size()], i % 2 ? Decision::kConfirmed : Decision::kDismissed,
                         name + " " + std::to_string(i), name, nullptr);
  };
  Status a, b;
  std::thread ta(writer, "甲", &a), tb(writer, "乙", &b);
  ta.join();
  tb.join();
  ASSERT_TRUE(a.ok()) << a.ToString();
  ASSERT_TRUE(b.ok()) << b.ToString();
  ASSERT_TRUE(Archive::Open(Path("archive.sqlite"), &archive_).ok());
  Reviews reviews(archive_.get());
  std::vector<Review> all;
  ASSERT_TRUE(reviews.AllHistory(&all).ok());
  EXPECT_EQ(all.size(), 2u * kEach);
}

TEST_F(ReviewsTest, AnArchiveWrittenBeforeReviewsGetsItsFindingIdsOnOpen) {
  ASSERT_TRUE(ExecSql(archive_->db(), "DROP TABLE reviews; DROP TABLE finding_ids;").ok());
  archive_.reset();
  ASSERT_TRUE(Archive::Open(Path("archive.sqlite"), &archive_).ok());
  Reviews reviews(archive_.get());
  for (const Screened& s : docs_)
    for (const Finding& f : s.report.findings) {
      KnownFinding k;
      ASSERT_TRUE(reviews.Lookup(f.id, &k).ok()) << f.id;
      EXPECT_EQ(k.code, f.code);
      EXPECT_TRUE(k.present);
    }
  EXPECT_TRUE(reviews.Record(FirstId(), Decision::kConfirmed, "", "张三", nullptr).ok());
}

TEST_F(ReviewsTest, AReadOnlyArchiveReadsReviewsAndRefusesNewOnes) {
  Reviews reviews(archive_.get());
  ASSERT_TRUE(reviews.Record(FirstId(), Decision::kConfirmed, "属实", "张三", nullptr).ok());
  archive_.reset();
  std::unique_ptr<Archive> ro;
  ASSERT_TRUE(Archive::OpenReadOnly(Path("archive.sqlite"), &ro).ok());
  Reviews r(ro.get());
  std::optional<Review> current;
  ASSERT_TRUE(r.Current(FirstId(), &current).ok());
  ASSERT_TRUE(current);
  Status s = r.Record(FirstId(), Decision::kDismissed, "", "李四", nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError) << s.ToString();
}

}  // namespace
}  // namespace jixiao::archive
