// The progress bar / progress lines of `jixiao run` (see progress.h). Covered
// by pipeline/batch/batch_test.cc.
#include "pipeline/batch/progress.h"

namespace jixiao::batch {

namespace {

std::string Duration(double s) {
  if (s < 0 || s > 1e7) return "--";
  long t = static_cast<long>(s + 0.5);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld小时%02ld分", t / 3600, t / 60 % 60);
  else if (t >= 60) std::snprintf(buf, sizeof buf, "%ld分%02ld秒", t / 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld秒", t);
  return buf;
}

}  // namespace

Progress::Progress(int total, bool bar, double interval, std::FILE* out)
    : total_(total), bar_(bar), interval_(interval), out_(out), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

std::string Progress::Line(int done, int failures, double elapsed) const {
  double rate = elapsed > 0 ? done / elapsed : 0;
  double eta = rate > 0 ? (total_ - done) / rate : -1;
  char buf[160];
  std::snprintf(buf, sizeof buf, "已处理 %d/%d 份，每秒 %.1f 份，预计还需 %s，失败 %d 份", done, total_, rate,
                done >= total_ ? "0秒" : Duration(eta).c_str(), failures);
  if (!bar_) return std::string("jixiao run: ") + buf;
  const int width = 28;
  int filled = total_ > 0 ? static_cast<int>(static_cast<double>(done) / total_ * width) : width;
  std::string bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
  return bar + buf;
}

void Progress::Update(int done, int failures) {
  done_ = done;
  failures_ = failures;
  auto now = std::chrono::steady_clock::now();
  double since = std::chrono::duration<double>(now - last_draw_).count();
  if (bar_ ? since >= 0.2 : since >= interval_) Draw();
}

void Progress::Draw() {
  last_draw_ = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(last_draw_ - start_).count();
  std::string line = Line(done_, failures_, elapsed);
  if (bar_) std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  else std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Finish() {
  if (bar_) {
    Draw();
    std::fprintf(out_, "\n");
    std::fflush(out_);
  } else if (drawn_ || total_ > 0) {
    Draw();
  }
}

}  // namespace jixiao::batch
