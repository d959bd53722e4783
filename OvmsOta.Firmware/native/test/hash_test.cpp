// ovmsota_sha256_* against the NIST FIPS 180-2 / CAVP SHA-256 examples, through the real mbedtls,
// fed in every piece size of one list: one driver for all vectors.
#include <gtest/gtest.h>
#include <string>
#include <tuple>
#include <vector>

#include "ovmsota_hash.h"
#include "shared_files.h"

namespace {

struct Vector {
    const char *name;
    std::string message;
    const char *digest;
};

const std::vector<Vector> &vectors()
{
    static const std::vector<Vector> all = {
        {"empty", "", "e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855"},
        {"abc", "abc", "ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad"},
        {"bits448", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61 d20638b8 e5c02693 0c3e6039 a33ce459 64ff2167 f6ecedd4 19db06c1"},
        {"bits896",
         "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a7 78af8380 036ce59e 7b049237 0b249b11 e8f07a51 afac4503 7afee9d1"},
        {"million_a", std::string(1000000, 'a'), "cdc76e5c 9914fb92 81a1c7e2 84d73e67 f1809a48 a497200e 046d39cc c7112cd0"},
    };
    return all;
}

// Digest of message fed in pieces of piece bytes (0 = one call with everything).
std::vector<uint8_t> digest_in_pieces(const std::string &message, size_t piece)
{
    int32_t handle = 0;
    EXPECT_EQ(ESP_OK, ovmsota_sha256_begin(&handle));
    const uint8_t *bytes = reinterpret_cast<const uint8_t *>(message.data());
    size_t step = piece == 0 ? message.size() + 1 : piece;
    for (size_t at = 0; at < message.size(); at += step) {
        size_t n = std::min(step, message.size() - at);
        EXPECT_EQ(ESP_OK, ovmsota_sha256_update(handle, bytes + at, static_cast<int32_t>(n)));
    }
    std::vector<uint8_t> digest(OVMSOTA_SHA256_SIZE);
    EXPECT_EQ(ESP_OK, ovmsota_sha256_finish(handle, digest.data()));
    return digest;
}

class Sha256Vectors : public ::testing::TestWithParam<std::tuple<size_t, size_t>> {};

TEST_P(Sha256Vectors, DigestMatchesForEverySplit)
{
    const Vector &v = vectors()[std::get<0>(GetParam())];
    size_t piece = std::get<1>(GetParam());
    EXPECT_EQ(from_hex(v.digest), digest_in_pieces(v.message, piece)) << v.name << " in pieces of " << piece;
    EXPECT_EQ(0, ovmsota_sha256_open_count());
}

INSTANTIATE_TEST_SUITE_P(Nist, Sha256Vectors,
                         ::testing::Combine(::testing::Range<size_t>(0, 5),
                                            ::testing::Values<size_t>(0, 1, 3, 55, 63, 64, 65, 4096)),
                         [](const ::testing::TestParamInfo<std::tuple<size_t, size_t>> &info) {
                             return std::string(vectors()[std::get<0>(info.param)].name) + "_piece" +
                                    std::to_string(std::get<1>(info.param));
                         });

TEST(Sha256Handles, InterleavedHashesStayApart)
{
    int32_t a = 0, b = 0;
    ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&a));
    ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&b));
    EXPECT_NE(a, b);
    ASSERT_EQ(ESP_OK, ovmsota_sha256_update(a, reinterpret_cast<const uint8_t *>("ab"), 2));
    ASSERT_EQ(ESP_OK, ovmsota_sha256_update(b, reinterpret_cast<const uint8_t *>("xyz"), 3));
    ASSERT_EQ(ESP_OK, ovmsota_sha256_update(a, reinterpret_cast<const uint8_t *>("c"), 1));
    std::vector<uint8_t> digest(32);
    ASSERT_EQ(ESP_OK, ovmsota_sha256_finish(a, digest.data()));
    EXPECT_EQ(from_hex(vectors()[1].digest), digest);
    EXPECT_EQ(ESP_OK, ovmsota_sha256_abort(b));
    EXPECT_EQ(0, ovmsota_sha256_open_count());
}

TEST(Sha256Handles, TableFullIsNoMemAndAbortFreesASlot)
{
    int32_t handles[OVMSOTA_SHA256_SLOTS];
    for (int32_t &h : handles) {
        ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&h));
    }
    int32_t extra = 0;
    EXPECT_EQ(ESP_ERR_NO_MEM, ovmsota_sha256_begin(&extra));
    EXPECT_EQ(ESP_OK, ovmsota_sha256_abort(handles[1]));
    EXPECT_EQ(ESP_OK, ovmsota_sha256_begin(&extra));
    EXPECT_EQ(ESP_OK, ovmsota_sha256_abort(extra));
    for (int32_t i = 0; i < OVMSOTA_SHA256_SLOTS; i++) {
        if (i != 1) {
            EXPECT_EQ(ESP_OK, ovmsota_sha256_abort(handles[i]));
        }
    }
    EXPECT_EQ(0, ovmsota_sha256_open_count());
}

TEST(Sha256Handles, StaleAndUnknownHandlesAreInvalidStateEvenAfterSlotReuse)
{
    int32_t old = 0, reused = 0;
    ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&old));
    std::vector<uint8_t> digest(32);
    ASSERT_EQ(ESP_OK, ovmsota_sha256_finish(old, digest.data()));
    ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&reused));  // same slot, new generation
    EXPECT_NE(old, reused);
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_sha256_update(old, digest.data(), 1));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_sha256_finish(old, digest.data()));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_sha256_abort(0));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_sha256_abort(-5));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_sha256_update(reused, digest.data(), -1));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_sha256_update(reused, nullptr, 4));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_sha256_finish(reused, nullptr));
    EXPECT_EQ(0, ovmsota_sha256_open_count()) << "finish closes the handle even when it fails";
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_sha256_begin(nullptr));
}

}  // namespace
