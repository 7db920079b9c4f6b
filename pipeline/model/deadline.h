// The time limit of the document the current thread is screening, for the
// long loops of every stage (facts, checks, extraction) to stop at: a
// document out of time stops where it is, so its thread returns soon after
// its limit instead of running to the end (the batch's watchdog can only
// abandon a thread, not stop it). Covered by
// pipeline/screen/time_limit_test.cc (DeadlineStopsEveryStage*).
#pragma once

#include <chrono>
#include <cstdint>

namespace jixiao {

namespace deadline_internal {
struct State {
  double deadline = 0;  // steady-clock seconds; 0: none
  bool passed = false;  // sticky once seen
  uint32_t calls = 0;
};
inline thread_local State state;
}  // namespace deadline_internal

// Seconds on the steady clock (the scale of every deadline here).
inline double SteadyNowSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Sets the current thread's deadline (steady-clock seconds; 0: none) for its
// lifetime and restores the one before on destruction (nestable). A later
// deadline never extends an earlier one.
class ScopedDeadline {
 public:
  explicit ScopedDeadline(double deadline) : saved_(deadline_internal::state) {
    auto& s = deadline_internal::state;
    if (deadline > 0 && (s.deadline <= 0 || deadline < s.deadline)) {
      s.deadline = deadline;
      s.passed = false;
    }
    s.calls = 0;
  }
  ~ScopedDeadline() { deadline_internal::state = saved_; }
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  deadline_internal::State saved_;
};

// True once the current thread's deadline has passed (false without one).
// Cheap: the clock is read on every 64th call, so a loop may call it on every
// step; once true it stays true until the ScopedDeadline ends. Code that stops
// early on it leaves its result incomplete: the caller (Screener) reports the
// document failed with a timeout, never its incomplete result as clean.
inline bool DeadlinePassed() {
  auto& s = deadline_internal::state;
  if (s.passed) return true;
  if (s.deadline <= 0) return false;
  if ((s.calls++ & 63) != 0) return false;
  s.passed = SteadyNowSeconds() > s.deadline;
  return s.passed;
}

// The current thread's deadline (steady-clock seconds; 0: none).
inline double CurrentDeadline() { return deadline_internal::state.deadline; }

}  // namespace jixiao
