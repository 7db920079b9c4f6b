// Progress of a run on stderr: on a terminal a bar redrawn in place
// (done/total, docs/s, ETA, failures so far); otherwise (a log file, CI, a
// batch system) a plain line every `interval` seconds. Covered by
// pipeline/batch/batch_test.cc.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace jixiao::batch {

class Progress {
 public:
  // bar: draw the terminal bar; else plain lines every interval seconds.
  Progress(int total, bool bar, double interval, std::FILE* out);

  // Records the state; draws when due (bar: at most 5 times a second).
  void Update(int done, int failures);
  // Draws the final state and ends the bar's line.
  void Finish();

  // The text of one update (no line end), for tests.
  std::string Line(int done, int failures, double elapsed_seconds) const;

 private:
  void Draw();
  int total_;
  bool bar_;
  double interval_;
  std::FILE* out_;
  int done_ = 0, failures_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace jixiao::batch
