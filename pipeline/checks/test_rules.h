// For tests: the bundled national rules (schemas/rules/national.json), loaded once.
#pragma once

#include <gtest/gtest.h>

#include "pipeline/checks/rules.h"

namespace jixiao {

inline const Rules& TestNationalRules() {
  static const Rules r = [] {
    Rules out;
    EXPECT_TRUE(LoadRules("", &out).ok());
    return out;
  }();
  return r;
}

}  // namespace jixiao
