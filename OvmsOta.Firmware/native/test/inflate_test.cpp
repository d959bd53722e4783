// ovmsota_inflate_* on the fake ROM inflater (test/fake_rom: tinfl's contract over zlib): streams
// made with zlib's deflate (stored, fixed and dynamic blocks) fed in pieces of several sizes into
// outputs of several sizes, one driver for all; corrupt and truncated streams; argument and handle checks.
#include <gtest/gtest.h>
#include <zlib.h>
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "ovmsota_inflate.h"
#include "rom/miniz.h"

namespace {

using Bytes = std::vector<uint8_t>;

// About 100 KB that compresses as firmware does: text with counters, runs, random stretches, and
// repeats of what came up to 30 KB before (long distances), so the 32 KB dictionary wraps three times.
const Bytes &payload()
{
    static const Bytes data = [] {
        Bytes d;
        uint32_t seed = 12345;
        auto next = [&seed] { seed = seed * 1103515245u + 12345u; return static_cast<uint8_t>(seed >> 16); };
        while (d.size() < 100000) {
            std::string line = "I (" + std::to_string(d.size()) + ") ota: partition ota_" + std::to_string(d.size() % 2) + "\n";
            d.insert(d.end(), line.begin(), line.end());
            for (int i = 0; i < 40; i++) {
                d.push_back(next());
            }
            d.insert(d.end(), 20, static_cast<uint8_t>(0xFF));
            if (d.size() > 31000) {
                size_t from = d.size() - 30000 + next();
                d.insert(d.end(), d.begin() + static_cast<long>(from), d.begin() + static_cast<long>(from) + 200);
            }
        }
        return d;
    }();
    return data;
}

// Raw deflate (no zlib header) of data at level with strategy.
Bytes deflate_raw(const Bytes &data, int level, int strategy)
{
    z_stream zs{};
    EXPECT_EQ(Z_OK, deflateInit2(&zs, level, Z_DEFLATED, -15, 8, strategy));
    Bytes out(deflateBound(&zs, static_cast<uLong>(data.size())));
    zs.next_in = const_cast<Bytef *>(data.data());
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = out.data();
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(Z_STREAM_END, deflate(&zs, Z_FINISH));
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

struct Kind {
    const char *name;
    int level;
    int strategy;
    int block_type;  // BTYPE of the first block (RFC 1951 3.2.3): 0 stored, 1 fixed, 2 dynamic
};

const Kind kinds[] = {
    {"stored", 0, Z_DEFAULT_STRATEGY, 0},
    {"fixed", 6, Z_FIXED, 1},
    {"dynamic", 6, Z_DEFAULT_STRATEGY, 2},
    {"best", 9, Z_DEFAULT_STRATEGY, 2},
};

struct Outcome {
    int32_t status = 99;
    size_t consumed = 0;
    Bytes output;
};

// Feeds stream in pieces of in_piece bytes (0 = all at once) into an output of out_room bytes until
// DONE or CORRUPT, or NEEDS_INPUT with nothing left to feed.
Outcome inflate_pieces(const Bytes &stream, size_t in_piece, size_t out_room)
{
    Outcome r;
    int32_t handle = 0;
    EXPECT_EQ(ESP_OK, ovmsota_inflate_begin(&handle));
    Bytes room(out_room + 1);
    for (size_t calls = 0; calls < 10 * (stream.size() + payload().size()) + 10; calls++) {
        size_t n = in_piece == 0 ? stream.size() - r.consumed : std::min(in_piece, stream.size() - r.consumed);
        int32_t consumed = -1, produced = -1;
        room[out_room] = 0xA5;
        r.status = ovmsota_inflate_decode(handle, stream.data() + r.consumed, static_cast<int32_t>(n), &consumed,
                                          room.data(), static_cast<int32_t>(out_room), &produced);
        EXPECT_LE(0, consumed);
        EXPECT_LE(static_cast<size_t>(consumed), n);
        EXPECT_LE(0, produced);
        EXPECT_LE(static_cast<size_t>(produced), out_room);
        EXPECT_EQ(0xA5, room[out_room]) << "wrote past the output";
        r.consumed += static_cast<size_t>(consumed);
        r.output.insert(r.output.end(), room.begin(), room.begin() + produced);
        if (consumed == 0 && produced == 0 && out_room > 0 && r.status != OVMSOTA_INFLATE_DONE) {
            ADD_FAILURE() << "no progress: status " << r.status << " after " << r.consumed << " bytes";
            break;
        }
        if (r.status == OVMSOTA_INFLATE_DONE || r.status == OVMSOTA_INFLATE_CORRUPT ||
            (r.status == OVMSOTA_INFLATE_NEEDS_INPUT && r.consumed == stream.size()) ||
            r.status > OVMSOTA_INFLATE_HAS_MORE_OUTPUT) {
            break;
        }
    }
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handle));
    return r;
}

class InflatePieces : public ::testing::TestWithParam<std::tuple<size_t, size_t, size_t>> {};

TEST_P(InflatePieces, OutputIsIdenticalAndConsumedStopsAtTheEndOfTheDeflateData)
{
    const Kind &kind = kinds[std::get<0>(GetParam())];
    Bytes stream = deflate_raw(payload(), kind.level, kind.strategy);
    ASSERT_EQ(kind.block_type, (stream[0] >> 1) & 3) << "zlib made another block type than the test means to cover";
    size_t deflate_end = stream.size();
    const char trailer[] = "gzip crc+size";  // what follows the deflate data stays the caller's
    stream.insert(stream.end(), trailer, trailer + sizeof trailer);
    int breaks = fake_tinfl_contract_breaks();

    Outcome r = inflate_pieces(stream, std::get<1>(GetParam()), std::get<2>(GetParam()));

    EXPECT_EQ(OVMSOTA_INFLATE_DONE, r.status);
    EXPECT_EQ(deflate_end, r.consumed);
    EXPECT_TRUE(payload() == r.output) << "inflated " << r.output.size() << " of " << payload().size() << " bytes, not identical";
    EXPECT_EQ(breaks, fake_tinfl_contract_breaks()) << "a call broke the ROM tinfl's contract";
    EXPECT_EQ(0, ovmsota_inflate_open_count());
}

INSTANTIATE_TEST_SUITE_P(Zlib, InflatePieces,
                         ::testing::Combine(::testing::Range<size_t>(0, 4), ::testing::Values<size_t>(1, 7, 0),
                                            ::testing::Values<size_t>(1, 100, 4096)),
                         [](const ::testing::TestParamInfo<std::tuple<size_t, size_t, size_t>> &info) {
                             size_t in = std::get<1>(info.param);
                             return std::string(kinds[std::get<0>(info.param)].name) + "_in" +
                                    (in == 0 ? std::string("All") : std::to_string(in)) + "_out" +
                                    std::to_string(std::get<2>(info.param));
                         });

// Bits written LSB first, as deflate packs them (RFC 1951 3.1.1); Huffman codes go in reversed.
struct BitWriter {
    Bytes bytes;
    int used = 8;
    void bits(uint32_t value, int count)
    {
        for (int i = 0; i < count; i++) {
            if (used == 8) {
                bytes.push_back(0);
                used = 0;
            }
            bytes.back() = static_cast<uint8_t>(bytes.back() | (((value >> i) & 1u) << used));
            used++;
        }
    }
    void code(uint32_t code, int length)  // a Huffman code, most significant bit first
    {
        for (int i = length - 1; i >= 0; i--) {
            bits((code >> i) & 1u, 1);
        }
    }
};

TEST(InflateCorrupt, BlockType3IsCorruptAndLaterDecodesAreRefused)
{
    BitWriter w;
    w.bits(1, 1);  // BFINAL
    w.bits(3, 2);  // BTYPE 11: reserved
    Outcome r = inflate_pieces(w.bytes, 0, 100);
    EXPECT_EQ(OVMSOTA_INFLATE_CORRUPT, r.status);
    EXPECT_TRUE(r.output.empty());
}

TEST(InflateCorrupt, ADistanceBeforeTheFirstByteIsCorrupt)
{
    // Fixed block: literal 'A', then length 3 at distance 2 (one byte written so far). The fake, like
    // zlib, refuses it; the ROM's tinfl with a wrapping buffer reads the (zeroed) dictionary instead
    // (miniz checks the distance only for a non-wrapping buffer): the image hash catches that on the device.
    BitWriter w;
    w.bits(1, 1);
    w.bits(1, 2);            // BTYPE 01: fixed Huffman
    w.code(0x30 + 'A', 8);   // literal 0..143: 8-bit codes from 00110000
    w.code(1, 7);            // 257 (length 3): 7-bit codes from 0000000
    w.code(1, 5);            // distance code 1: distance 2
    w.code(0, 7);            // 256: end of block
    Outcome r = inflate_pieces(w.bytes, 0, 100);
    EXPECT_EQ(OVMSOTA_INFLATE_CORRUPT, r.status);

    // The same with distance 1 is valid ("AAAA"): the stream above fails for its distance alone.
    BitWriter ok;
    ok.bits(1, 1);
    ok.bits(1, 2);
    ok.code(0x30 + 'A', 8);
    ok.code(1, 7);
    ok.code(0, 5);
    ok.code(0, 7);
    Outcome good = inflate_pieces(ok.bytes, 0, 100);
    EXPECT_EQ(OVMSOTA_INFLATE_DONE, good.status);
    EXPECT_EQ(Bytes({'A', 'A', 'A', 'A'}), good.output);
}

TEST(InflateCorrupt, ATruncatedStreamNeedsInputWithEveryByteTakenAndStaysOpen)
{
    Bytes stream = deflate_raw(payload(), 6, Z_DEFAULT_STRATEGY);
    stream.resize(stream.size() / 2);
    int32_t handle = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&handle));
    Bytes out(payload().size());
    int32_t consumed = 0, produced = 0;

    EXPECT_EQ(OVMSOTA_INFLATE_NEEDS_INPUT, ovmsota_inflate_decode(handle, stream.data(), static_cast<int32_t>(stream.size()),
                                                                  &consumed, out.data(), static_cast<int32_t>(out.size()), &produced));
    EXPECT_EQ(static_cast<int32_t>(stream.size()), consumed);
    EXPECT_LT(0, produced);
    EXPECT_TRUE(std::equal(out.begin(), out.begin() + produced, payload().begin())) << "the part before the cut is right";
    // The end of the input: the caller sees the stream has not ended. No input is no error.
    EXPECT_EQ(OVMSOTA_INFLATE_NEEDS_INPUT, ovmsota_inflate_decode(handle, nullptr, 0, &consumed, out.data(), 10, &produced));
    EXPECT_EQ(0, consumed);
    EXPECT_EQ(0, produced);
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handle));
}

TEST(InflateEnd, DoneIsFinalAndBytesAfterTheStreamAreNotTaken)
{
    Bytes stream = deflate_raw(payload(), 9, Z_DEFAULT_STRATEGY);
    size_t end = stream.size();
    stream.insert(stream.end(), {1, 2, 3, 4, 5, 6, 7, 8});
    int32_t handle = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&handle));
    Bytes out(payload().size() + 10);
    int32_t consumed = 0, produced = 0;

    ASSERT_EQ(OVMSOTA_INFLATE_DONE, ovmsota_inflate_decode(handle, stream.data(), static_cast<int32_t>(stream.size()),
                                                           &consumed, out.data(), static_cast<int32_t>(out.size()), &produced));
    EXPECT_EQ(static_cast<int32_t>(end), consumed) << "the fake's tinfl read ahead into the trailer; those bytes must be given back";
    EXPECT_EQ(static_cast<int32_t>(payload().size()), produced);
    consumed = produced = 7;
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_decode(handle, stream.data() + end, 8, &consumed, out.data(), 10, &produced));
    EXPECT_EQ(7, consumed) << "a refused call writes nothing";
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handle));
}

TEST(InflateEnd, NoRoomTakesNothingAndSaysMoreOutput)
{
    Bytes stream = deflate_raw(payload(), 6, Z_DEFAULT_STRATEGY);
    int32_t handle = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&handle));
    uint8_t out[1];
    int32_t consumed = -1, produced = -1;
    EXPECT_EQ(OVMSOTA_INFLATE_HAS_MORE_OUTPUT,
              ovmsota_inflate_decode(handle, stream.data(), static_cast<int32_t>(stream.size()), &consumed, out, 0, &produced));
    EXPECT_EQ(0, consumed);
    EXPECT_EQ(0, produced);
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handle));
}

TEST(InflateHandles, ArgumentsAreCheckedBeforeAnythingIsTaken)
{
    Bytes stream = deflate_raw(payload(), 6, Z_DEFAULT_STRATEGY);
    const int32_t len = static_cast<int32_t>(stream.size());
    int32_t handle = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&handle));
    uint8_t out[64];
    int32_t consumed = 0, produced = 0;

    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_inflate_begin(nullptr));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_inflate_decode(handle, stream.data(), len, nullptr, out, 64, &produced));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_inflate_decode(handle, stream.data(), len, &consumed, out, 64, nullptr));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_inflate_decode(handle, nullptr, 1, &consumed, out, 64, &produced));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_inflate_decode(handle, stream.data(), len, &consumed, nullptr, 1, &produced));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_inflate_decode(handle, stream.data(), -1, &consumed, out, 64, &produced));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_inflate_decode(handle, stream.data(), len, &consumed, out, -1, &produced));

    // None of that disturbed the stream: it inflates from its first byte.
    ASSERT_EQ(OVMSOTA_INFLATE_HAS_MORE_OUTPUT, ovmsota_inflate_decode(handle, stream.data(), len, &consumed, out, 64, &produced));
    EXPECT_EQ(64, produced);
    EXPECT_TRUE(std::equal(out, out + 64, payload().begin()));
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handle));
}

TEST(InflateHandles, TableFullIsNoMemAndEndFreesASlot)
{
    int32_t handles[OVMSOTA_INFLATE_SLOTS];
    for (int32_t &h : handles) {
        ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&h));
    }
    int32_t extra = 0;
    EXPECT_EQ(ESP_ERR_NO_MEM, ovmsota_inflate_begin(&extra));
    EXPECT_EQ(OVMSOTA_INFLATE_SLOTS, ovmsota_inflate_open_count());
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handles[0]));
    EXPECT_EQ(ESP_OK, ovmsota_inflate_begin(&extra));
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(extra));
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(handles[1]));
    EXPECT_EQ(0, ovmsota_inflate_open_count());
}

TEST(InflateHandles, StaleAndUnknownHandlesAreInvalidStateEvenAfterSlotReuse)
{
    int32_t old = 0, reused = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&old));
    ASSERT_EQ(ESP_OK, ovmsota_inflate_end(old));
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&reused));  // same slot, new generation
    EXPECT_NE(old, reused);
    uint8_t in[1] = {0x03}, out[8];
    int32_t consumed = 0, produced = 0;
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_decode(old, in, 1, &consumed, out, 8, &produced));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_end(old));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_end(0));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_end(-5));
    EXPECT_EQ(ESP_ERR_INVALID_STATE, ovmsota_inflate_decode(0, in, 1, &consumed, out, 8, &produced));
    // The stale calls left the new stream alone: 0x03 0x00 is an empty final fixed block.
    uint8_t empty[2] = {0x03, 0x00};
    EXPECT_EQ(OVMSOTA_INFLATE_DONE, ovmsota_inflate_decode(reused, empty, 2, &consumed, out, 8, &produced));
    EXPECT_EQ(2, consumed);
    EXPECT_EQ(0, produced);
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(reused));
    EXPECT_EQ(0, ovmsota_inflate_open_count());
}

TEST(InflateHandles, TwoStreamsStayApart)
{
    Bytes a = deflate_raw(payload(), 1, Z_DEFAULT_STRATEGY);
    Bytes text(payload().rbegin(), payload().rend());
    Bytes b = deflate_raw(text, 9, Z_DEFAULT_STRATEGY);
    int32_t ha = 0, hb = 0;
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&ha));
    ASSERT_EQ(ESP_OK, ovmsota_inflate_begin(&hb));
    Bytes outa, outb;
    size_t ata = 0, atb = 0;
    int32_t sa = OVMSOTA_INFLATE_NEEDS_INPUT, sb = OVMSOTA_INFLATE_NEEDS_INPUT;
    uint8_t room[1000];
    while (sa != OVMSOTA_INFLATE_DONE || sb != OVMSOTA_INFLATE_DONE) {
        int32_t c = 0, p = 0;
        if (sa != OVMSOTA_INFLATE_DONE) {
            sa = ovmsota_inflate_decode(ha, a.data() + ata, static_cast<int32_t>(std::min<size_t>(333, a.size() - ata)), &c, room, 1000, &p);
            ASSERT_LE(0, sa);
            ata += static_cast<size_t>(c);
            outa.insert(outa.end(), room, room + p);
        }
        if (sb != OVMSOTA_INFLATE_DONE) {
            sb = ovmsota_inflate_decode(hb, b.data() + atb, static_cast<int32_t>(std::min<size_t>(500, b.size() - atb)), &c, room, 1000, &p);
            ASSERT_LE(0, sb);
            atb += static_cast<size_t>(c);
            outb.insert(outb.end(), room, room + p);
        }
    }
    EXPECT_TRUE(payload() == outa);
    EXPECT_TRUE(text == outb);
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(ha));
    EXPECT_EQ(ESP_OK, ovmsota_inflate_end(hb));
}

TEST(FakeRom, RefusesWhatTheRomWouldGetWrong)
{
    // The fake's contract checks have teeth: a span whose end is no power of two, or a call that does
    // not continue in the same dictionary where the last one stopped, is BAD_PARAM.
    static tinfl_decompressor r;
    static uint8_t dict[TINFL_LZ_DICT_SIZE], other[TINFL_LZ_DICT_SIZE];
    const uint8_t stored[] = {0x01, 0x03, 0x00, 0xFC, 0xFF, 'a', 'b', 'c'};  // final stored block "abc"
    int breaks = fake_tinfl_contract_breaks();
    size_t in = 2, out = 1000;
    tinfl_init(&r);
    EXPECT_EQ(TINFL_STATUS_BAD_PARAM, tinfl_decompress(&r, stored, &in, dict, dict, &out, TINFL_FLAG_HAS_MORE_INPUT));
    EXPECT_EQ(0u, in);
    in = 6;
    out = sizeof dict;
    EXPECT_EQ(TINFL_STATUS_NEEDS_MORE_INPUT, tinfl_decompress(&r, stored, &in, dict, dict, &out, TINFL_FLAG_HAS_MORE_INPUT));
    EXPECT_EQ(6u, in);
    EXPECT_EQ(1u, out);
    in = 2;
    out = sizeof dict;
    EXPECT_EQ(TINFL_STATUS_BAD_PARAM, tinfl_decompress(&r, stored + 6, &in, dict, dict, &out, TINFL_FLAG_HAS_MORE_INPUT)) << "did not continue at 1";
    in = 2;
    out = sizeof other - 1;
    EXPECT_EQ(TINFL_STATUS_BAD_PARAM, tinfl_decompress(&r, stored + 6, &in, other, other + 1, &out, TINFL_FLAG_HAS_MORE_INPUT)) << "another buffer";
    in = 2;
    out = sizeof dict - 1;
    EXPECT_EQ(TINFL_STATUS_DONE, tinfl_decompress(&r, stored + 6, &in, dict, dict + 1, &out, TINFL_FLAG_HAS_MORE_INPUT));
    EXPECT_EQ(0, std::string(reinterpret_cast<char *>(dict), 3).compare("abc"));
    EXPECT_EQ(breaks + 3, fake_tinfl_contract_breaks());
}

}  // namespace
