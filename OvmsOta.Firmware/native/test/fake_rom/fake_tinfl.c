/*
 * A fake of the ESP32 ROM's tinfl_decompress on the system zlib (raw inflate, inflateInit2 -15).
 * NOT miniz: it keeps the parts of tinfl's contract that ovmsota_inflate.c relies on, and checks
 * them where a mistake would go unnoticed with zlib's own window:
 * - the output buffer is circular: (out_next - out_start) + out_size must be a power of two
 *   (else BAD_PARAM with both sizes 0, as miniz answers), and because the ROM reads back-references
 *   from it, every call must pass the same buffer and continue where the last call stopped;
 * - *in_size / *out_size come back as the bytes taken / written; statuses as tinfl's: DONE once
 *   the final block ended (and again on any later call), NEEDS_MORE_INPUT when every byte was
 *   taken (FAILED without TINFL_FLAG_HAS_MORE_INPUT), HAS_MORE_OUTPUT when the output filled,
 *   FAILED for bad data;
 * - read-ahead at the end: miniz 1.x may take bytes after the deflate data into its bit buffer and
 *   keep them counted in m_num_bits. The fake takes up to READ_AHEAD such bytes whenever they are
 *   there, so the caller has to give them back.
 * Only raw deflate into a wrapping buffer is faked (other flags: BAD_PARAM).
 */
#include <string.h>
#include <zlib.h>
#include "rom/miniz.h"

#define READ_AHEAD 2

typedef struct {
    z_stream zs;
    tinfl_status final_status; /* DONE or FAILED once reached, else HAS_MORE_OUTPUT */
    const mz_uint8 *dict;      /* the circular buffer of the first call */
    size_t dict_size;
    size_t next_ofs;           /* where the next call must continue */
    size_t arena_used;
} fake_state;

static int contract_breaks;

int fake_tinfl_contract_breaks(void)
{
    return contract_breaks;
}

#define ALIGN 16
#define STATE_SIZE ((sizeof(fake_state) + ALIGN - 1) / ALIGN * ALIGN)

static fake_state *state_of(tinfl_decompressor *r)
{
    return (fake_state *)(void *)r->m_fake.bytes;
}

/* zlib's allocator: bump allocation from the arena after the state; freed with the struct. */
static voidpf arena_alloc(voidpf opaque, uInt items, uInt size)
{
    tinfl_decompressor *r = opaque;
    fake_state *s = state_of(r);
    size_t want = ((size_t)items * size + ALIGN - 1) / ALIGN * ALIGN;
    if (STATE_SIZE + s->arena_used + want > sizeof(r->m_fake.bytes)) {
        return Z_NULL;
    }
    voidpf p = r->m_fake.bytes + STATE_SIZE + s->arena_used;
    s->arena_used += want;
    return p;
}

static void arena_free(voidpf opaque, voidpf address)
{
    (void)opaque;
    (void)address;
}

static tinfl_status refuse(size_t *in_size, size_t *out_size)
{
    contract_breaks++;
    *in_size = 0;
    *out_size = 0;
    return TINFL_STATUS_BAD_PARAM;
}

static int start(tinfl_decompressor *r, const mz_uint8 *out_start, size_t ofs, size_t size)
{
    fake_state *s = state_of(r);
    memset(s, 0, sizeof(*s));
    s->zs.zalloc = arena_alloc;
    s->zs.zfree = arena_free;
    s->zs.opaque = r;
    if (inflateInit2(&s->zs, -15) != Z_OK) {
        return 0;
    }
    s->final_status = TINFL_STATUS_HAS_MORE_OUTPUT;
    s->dict = out_start;
    s->dict_size = size;
    s->next_ofs = ofs;
    r->m_state = 1;
    r->m_num_bits = 0;
    return 1;
}

tinfl_status tinfl_decompress(tinfl_decompressor *r, const mz_uint8 *pIn_buf_next, size_t *pIn_buf_size,
                              mz_uint8 *pOut_buf_start, mz_uint8 *pOut_buf_next, size_t *pOut_buf_size,
                              const mz_uint32 decomp_flags)
{
    if (pOut_buf_next < pOut_buf_start || (decomp_flags & ~(mz_uint32)TINFL_FLAG_HAS_MORE_INPUT) != 0) {
        return refuse(pIn_buf_size, pOut_buf_size);
    }
    size_t ofs = (size_t)(pOut_buf_next - pOut_buf_start);
    size_t size = ofs + *pOut_buf_size;
    if (size == 0 || (size & (size - 1)) != 0) {
        return refuse(pIn_buf_size, pOut_buf_size);
    }
    if (r->m_state == 0 && !start(r, pOut_buf_start, ofs, size)) {
        return refuse(pIn_buf_size, pOut_buf_size);
    }
    fake_state *s = state_of(r);
    if (s->dict != pOut_buf_start || s->dict_size != size || s->next_ofs != ofs) {
        return refuse(pIn_buf_size, pOut_buf_size);
    }
    if (s->final_status != TINFL_STATUS_HAS_MORE_OUTPUT) {
        *pIn_buf_size = 0;
        *pOut_buf_size = 0;
        return s->final_status;
    }

    s->zs.next_in = (Bytef *)(uintptr_t)pIn_buf_next;
    s->zs.avail_in = (uInt)*pIn_buf_size;
    s->zs.next_out = pOut_buf_next;
    s->zs.avail_out = (uInt)*pOut_buf_size;
    int rc = *pOut_buf_size == 0 ? Z_BUF_ERROR : inflate(&s->zs, Z_NO_FLUSH);
    size_t taken = *pIn_buf_size - s->zs.avail_in;
    size_t made = *pOut_buf_size - s->zs.avail_out;
    tinfl_status status;
    if (rc == Z_STREAM_END) {
        size_t extra = s->zs.avail_in < READ_AHEAD ? s->zs.avail_in : READ_AHEAD;
        taken += extra;
        r->m_num_bits = (mz_uint32)(8 * extra);
        status = s->final_status = TINFL_STATUS_DONE;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        status = s->final_status = TINFL_STATUS_FAILED;
    } else if (s->zs.avail_out == 0) {
        status = TINFL_STATUS_HAS_MORE_OUTPUT;
    } else if (decomp_flags & TINFL_FLAG_HAS_MORE_INPUT) {
        status = TINFL_STATUS_NEEDS_MORE_INPUT;
    } else {
        status = s->final_status = TINFL_STATUS_FAILED;
    }
    s->next_ofs = (ofs + made) & (size - 1);
    *pIn_buf_size = taken;
    *pOut_buf_size = made;
    return status;
}
