// ovmsota_restart reaches esp_restart, and the span check the interop glue relies on.
#include <gtest/gtest.h>
#include <climits>

#include "fake_idf.h"
#include "ovmsota_args.h"
#include "ovmsota_system.h"

namespace {

TEST(Restart, CallsEspRestartOnce)
{
    fake_idf_reset();
    ovmsota_restart();
    EXPECT_EQ(1, fake_idf_counts().restarts);
}

TEST(SpanCheck, AcceptsSpansInsideTheArrayOnly)
{
    uint8_t array[16] = {0};
    EXPECT_EQ(ESP_OK, ovmsota_span_check(array, 16, 0, 16));
    EXPECT_EQ(ESP_OK, ovmsota_span_check(array, 16, 16, 0));
    EXPECT_EQ(ESP_OK, ovmsota_span_check(array, 16, 4, 12));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_span_check(nullptr, 0, 0, 0));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_span_check(array, 16, -1, 1));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_span_check(array, 16, 17, 0));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_span_check(array, 16, 4, 13));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_span_check(array, 16, 0, -1));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_span_check(array, 16, 8, INT32_MAX));
}

}  // namespace
