#include <gtest/gtest.h>
TEST(Pdf, Placeholder) {}
