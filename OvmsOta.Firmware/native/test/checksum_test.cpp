// ovmsota_checksum_update against the esptool-made image in shared/reference/vectors and against a
// plain byte loop, for many splits; and the image's appended SHA-256 through ovmsota_sha256_*.
#include <gtest/gtest.h>
#include <cstring>
#include <vector>

#include "ovmsota_hash.h"
#include "shared_files.h"

namespace {

uint32_t le32(const std::vector<uint8_t> &b, size_t at)
{
    return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<uint32_t>(b[at + 3]) << 24;
}

struct Segment {
    size_t data_at;
    size_t length;
};

// Walks the image's segment headers (count at byte 1, first header at 0x18).
std::vector<Segment> segments_of(const std::vector<uint8_t> &image, size_t *end)
{
    std::vector<Segment> segments;
    size_t at = 0x18;
    for (int i = 0; i < image[1]; i++) {
        size_t length = le32(image, at + 4);
        segments.push_back({at + 8, length});
        at += 8 + length;
    }
    *end = at;
    return segments;
}

// Independent reference: XOR byte by byte, seeded 0xEF.
uint8_t byte_loop(const uint8_t *data, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed ^= data[i];
    }
    return seed;
}

std::vector<uint8_t> app_image(const char *name)
{
    return read_file_bytes(shared_dir() + "/reference/vectors/" + name);
}

TEST(ImageChecksum, MatchesTheEsptoolVectorAndItsStoredByte)
{
    std::vector<uint8_t> image = app_image("esp32-app-minimal.bin");
    ASSERT_EQ(65632u, image.size());
    size_t end = 0;
    std::vector<Segment> segments = segments_of(image, &end);
    ASSERT_EQ(5u, segments.size());
    size_t padded = (end + 1 + 15) & ~static_cast<size_t>(15);  // checksum byte at P - 1
    uint8_t expected = OVMSOTA_CHECKSUM_SEED, checksum = OVMSOTA_CHECKSUM_SEED;
    for (const Segment &s : segments) {
        expected = byte_loop(image.data() + s.data_at, s.length, expected);
        checksum = ovmsota_checksum_update(checksum, image.data() + s.data_at, static_cast<uint32_t>(s.length));
    }
    EXPECT_EQ(0x94, expected) << "image-info reports 0x94";
    EXPECT_EQ(image[padded - 1], expected);
    EXPECT_EQ(expected, checksum);
}

TEST(ImageChecksum, TheCorruptVectorCalculatesTo0x95)
{
    std::vector<uint8_t> image = app_image("esp32-app-minimal-corrupt.bin");
    ASSERT_FALSE(image.empty());
    size_t end = 0;
    uint8_t checksum = OVMSOTA_CHECKSUM_SEED;
    for (const Segment &s : segments_of(image, &end)) {
        checksum = ovmsota_checksum_update(checksum, image.data() + s.data_at, static_cast<uint32_t>(s.length));
    }
    EXPECT_EQ(0x95, checksum) << "esptool: invalid - calculated 0x95";
}

class ChecksumSplits : public ::testing::TestWithParam<size_t> {};

TEST_P(ChecksumSplits, AnySplitAndAlignmentGivesTheByteLoopResult)
{
    std::vector<uint8_t> data(10007);
    uint32_t x = 12345;
    for (uint8_t &b : data) {
        x = x * 1103515245u + 12345u;
        b = static_cast<uint8_t>(x >> 16);
    }
    size_t piece = GetParam();
    for (size_t start = 0; start < 4; start++) {  // every alignment of the first byte
        uint8_t checksum = OVMSOTA_CHECKSUM_SEED;
        for (size_t at = start; at < data.size(); at += piece) {
            size_t n = std::min(piece, data.size() - at);
            checksum = ovmsota_checksum_update(checksum, data.data() + at, static_cast<uint32_t>(n));
        }
        EXPECT_EQ(byte_loop(data.data() + start, data.size() - start, OVMSOTA_CHECKSUM_SEED), checksum)
            << "pieces of " << piece << " from " << start;
    }
}

INSTANTIATE_TEST_SUITE_P(Pieces, ChecksumSplits, ::testing::Values<size_t>(1, 2, 3, 4, 5, 7, 64, 4096, 100000));

TEST(ImageChecksum, EmptyDataKeepsTheChecksum)
{
    EXPECT_EQ(0x5A, ovmsota_checksum_update(0x5A, nullptr, 0));
}

TEST(ImageSha256, AppendedDigestOfTheVectorMatches)
{
    std::vector<uint8_t> image = app_image("esp32-app-minimal.bin");
    ASSERT_EQ(65632u, image.size());
    size_t hashed = image.size() - 32;  // [0, P) is hashed, the digest sits at [P, P + 32)
    int32_t handle = 0;
    ASSERT_EQ(ESP_OK, ovmsota_sha256_begin(&handle));
    for (size_t at = 0; at < hashed; at += 4096) {
        size_t n = std::min<size_t>(4096, hashed - at);
        ASSERT_EQ(ESP_OK, ovmsota_sha256_update(handle, image.data() + at, static_cast<int32_t>(n)));
    }
    std::vector<uint8_t> digest(32);
    ASSERT_EQ(ESP_OK, ovmsota_sha256_finish(handle, digest.data()));
    EXPECT_EQ(std::vector<uint8_t>(image.end() - 32, image.end()), digest);
    EXPECT_EQ(from_hex("6918edcb1adc29dd148b835b2f66928a3c0c20b40f97bdf465084cb2c3e35236"), digest);
}

}  // namespace
