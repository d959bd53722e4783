/*
 * Host stand-in for the ESP32 ROM's inflater as ESP-IDF declares it (esp_rom/include/esp32/rom/miniz.h):
 * the names, values and call of tinfl_decompress that ovmsota_inflate.c uses. NOT miniz: the
 * decompressor below is a fake of the ROM's behaviour built on the system zlib (fake_tinfl.c), and
 * its struct holds zlib's state where the ROM's holds Huffman tables.
 */
#ifndef FAKE_ROM_MINIZ_H
#define FAKE_ROM_MINIZ_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned char mz_uint8;
typedef uint32_t mz_uint32;

enum {
    TINFL_FLAG_PARSE_ZLIB_HEADER = 1,
    TINFL_FLAG_HAS_MORE_INPUT = 2,
    TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF = 4,
    TINFL_FLAG_COMPUTE_ADLER32 = 8
};

enum { TINFL_LZ_DICT_SIZE = 32768 };

typedef enum {
    TINFL_STATUS_BAD_PARAM = -3,
    TINFL_STATUS_ADLER32_MISMATCH = -2,
    TINFL_STATUS_FAILED = -1,
    TINFL_STATUS_DONE = 0,
    TINFL_STATUS_NEEDS_MORE_INPUT = 1,
    TINFL_STATUS_HAS_MORE_OUTPUT = 2
} tinfl_status;

/* Room for zlib's inflate state and its 32 KB window, carved from the struct so that, as with the
 * ROM's decompressor, freeing the struct frees everything (tinfl has no end call). */
#define FAKE_TINFL_ARENA_SIZE (64 * 1024)

typedef struct tinfl_decompressor_tag {
    mz_uint32 m_state;    /* 0 after tinfl_init: the next call starts a new stream (as in miniz) */
    mz_uint32 m_num_bits; /* bits taken from the input and not used (as in miniz); see fake_tinfl.c */
    union {               /* fake only: zlib's stream and the contract checks, then the arena */
        long double align_ld;
        void *align_p;
        long long align_ll;
        unsigned char bytes[FAKE_TINFL_ARENA_SIZE];
    } m_fake;
} tinfl_decompressor;

#define tinfl_init(r) do { (r)->m_state = 0; } while (0)

tinfl_status tinfl_decompress(tinfl_decompressor *r, const mz_uint8 *pIn_buf_next, size_t *pIn_buf_size,
                              mz_uint8 *pOut_buf_start, mz_uint8 *pOut_buf_next, size_t *pOut_buf_size,
                              const mz_uint32 decomp_flags);

/* Fake only, for tests: the number of calls that broke the ROM's contract (answered BAD_PARAM). */
int fake_tinfl_contract_breaks(void);

#ifdef __cplusplus
}
#endif

#endif /* FAKE_ROM_MINIZ_H */
