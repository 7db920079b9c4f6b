// For tests: the bundled vocabulary (schemas/concepts.json), loaded once.
#pragma once

#include <gtest/gtest.h>

#include "pipeline/facts/vocabulary.h"

namespace jixiao {

inline const Vocabulary& TestVocabulary() {
  static const Vocabulary v = [] {
    Vocabulary out;
    EXPECT_TRUE(Vocabulary::Load("", &out).ok());
    return out;
  }();
  return v;
}

}  // namespace jixiao
