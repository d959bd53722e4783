/* Inflate streams on the ROM's tinfl: see ovmsota_inflate.h. */
#include <stdlib.h>
#include <string.h>
/* The ROM's miniz declarations: rom/miniz.h in ESP-IDF 4.x-5.2, miniz.h (esp_rom) from 5.3, as Espressif's own
 * components choose them (read from their sources, not built here); the host build has the fake's rom/miniz.h. */
#if defined(__has_include)
#if __has_include("rom/miniz.h")
#include "rom/miniz.h"
#else
#include "miniz.h"
#endif
#else
#include "rom/miniz.h"
#endif
#include "ovmsota_handle.h"
#include "ovmsota_inflate.h"

#define DICT_SIZE ((size_t)TINFL_LZ_DICT_SIZE)

/*
 * tinfl without TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF writes into a circular buffer that is also
 * its dictionary: each call gets dict[write..DICT_SIZE) (the ROM refuses a span whose end is not a
 * power of two from the start) and back-references read the bytes behind write. So the dictionary
 * is tinfl's alone, and what a call produced but the caller had no room for waits in
 * dict[read, read + pending) until it is copied out; tinfl runs only once pending is 0, so it never
 * overwrites bytes the caller has not had.
 */
typedef struct {
    tinfl_decompressor tinfl;
    tinfl_status last;  /* tinfl's status after its last call (HAS_MORE_OUTPUT before the first) */
    int ended;          /* DONE or CORRUPT was returned: further decodes are refused */
    size_t write;       /* where tinfl writes next */
    size_t read;        /* first byte not yet copied to the caller */
    size_t pending;     /* bytes from read on not yet copied */
    uint8_t dict[TINFL_LZ_DICT_SIZE];
} inflate_context;

typedef struct {
    int32_t handle; /* 0 = free */
    inflate_context *context;
} inflate_slot;

static inflate_slot slots[OVMSOTA_INFLATE_SLOTS];
static int32_t generation;

static inflate_slot *find(int32_t handle)
{
    int32_t index = ovmsota_handle_slot(handle, OVMSOTA_INFLATE_SLOTS);
    return index >= 0 && slots[index].handle == handle ? &slots[index] : NULL;
}

esp_err_t ovmsota_inflate_begin(int32_t *handle)
{
    if (handle == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    for (int32_t i = 0; i < OVMSOTA_INFLATE_SLOTS; i++) {
        inflate_slot *slot = &slots[i];
        if (slot->handle != 0) {
            continue;
        }
        /* Zeroed: a corrupt stream's distance before the first byte reads zeros on the ROM (which checks
         * distances only for a non-wrapping buffer), never another stream's leftovers. */
        inflate_context *context = calloc(1, sizeof(inflate_context));
        if (context == NULL) {
            return ESP_ERR_NO_MEM;
        }
        tinfl_init(&context->tinfl);
        context->last = TINFL_STATUS_HAS_MORE_OUTPUT;
        slot->context = context;
        slot->handle = ovmsota_handle_open(&generation, OVMSOTA_INFLATE_SLOTS, i);
        *handle = slot->handle;
        return ESP_OK;
    }
    return ESP_ERR_NO_MEM;
}

/* Copies what the dictionary holds for the caller into out[*out_at..out_len). */
static void hand_over(inflate_context *context, uint8_t *out, size_t out_len, size_t *out_at)
{
    size_t n = context->pending < out_len - *out_at ? context->pending : out_len - *out_at;
    if (n > 0) {
        memcpy(out + *out_at, context->dict + context->read, n);
    }
    context->read += n;
    context->pending -= n;
    *out_at += n;
}

/*
 * Input bytes tinfl took past the end of the deflate data. miniz before 2.0 (the ROM's is 1.15, an
 * assumption not checked on a chip) reads up to a few bytes ahead into its bit buffer and does not
 * put them back at the end; m_num_bits counts the bits it holds unused, so whole bytes among them
 * belong to whatever follows (a gzip trailer). Only bytes of this call can be given back.
 */
static size_t read_ahead(const inflate_context *context, size_t taken)
{
    size_t unused = (size_t)(context->tinfl.m_num_bits >> 3);
    return unused < taken ? unused : taken;
}

/* One call of tinfl on in[*in_at..in_len) into the dictionary; the new bytes become pending. */
static void run_tinfl(inflate_context *context, const uint8_t *in, size_t in_len, size_t *in_at)
{
    size_t in_size = in_len - *in_at;
    size_t out_size = DICT_SIZE - context->write;
    context->last = tinfl_decompress(&context->tinfl, in == NULL ? NULL : in + *in_at, &in_size, context->dict,
                                     context->dict + context->write, &out_size, TINFL_FLAG_HAS_MORE_INPUT);
    if (context->last == TINFL_STATUS_DONE) {
        in_size -= read_ahead(context, in_size);
    }
    *in_at += in_size;
    context->read = context->write;
    context->pending = out_size;
    context->write = (context->write + out_size) & (DICT_SIZE - 1);
}

int32_t ovmsota_inflate_decode(int32_t handle, const uint8_t *in, int32_t in_len, int32_t *consumed,
                               uint8_t *out, int32_t out_len, int32_t *produced)
{
    inflate_slot *slot = find(handle);
    if (slot == NULL || slot->context->ended) {
        return ESP_ERR_INVALID_STATE;
    }
    if (consumed == NULL || produced == NULL || (in == NULL && in_len != 0) || (out == NULL && out_len != 0)) {
        return ESP_ERR_INVALID_ARG;
    }
    if (in_len < 0 || out_len < 0) {
        return ESP_ERR_INVALID_SIZE;
    }
    inflate_context *context = slot->context;
    size_t in_at = 0;
    size_t out_at = 0;
    int32_t status;
    for (;;) {
        hand_over(context, out, (size_t)out_len, &out_at);
        if (context->pending > 0) {
            status = OVMSOTA_INFLATE_HAS_MORE_OUTPUT;
            break;
        }
        if (context->last == TINFL_STATUS_DONE) {
            status = OVMSOTA_INFLATE_DONE;
            break;
        }
        if (context->last == TINFL_STATUS_NEEDS_MORE_INPUT && in_at == (size_t)in_len) {
            status = OVMSOTA_INFLATE_NEEDS_INPUT;
            break;
        }
        if (out_at == (size_t)out_len) {
            status = OVMSOTA_INFLATE_HAS_MORE_OUTPUT;
            break;
        }
        run_tinfl(context, in, (size_t)in_len, &in_at);
        if (context->last < 0) { /* FAILED, or BAD_PARAM (a bug here, not in the data): either way unusable */
            status = OVMSOTA_INFLATE_CORRUPT;
            break;
        }
    }
    context->ended = status == OVMSOTA_INFLATE_DONE || status == OVMSOTA_INFLATE_CORRUPT;
    *consumed = (int32_t)in_at;
    *produced = (int32_t)out_at;
    return status;
}

esp_err_t ovmsota_inflate_end(int32_t handle)
{
    inflate_slot *slot = find(handle);
    if (slot == NULL) {
        return ESP_ERR_INVALID_STATE;
    }
    free(slot->context);
    slot->context = NULL;
    slot->handle = 0;
    return ESP_OK;
}

int32_t ovmsota_inflate_open_count(void)
{
    int32_t open = 0;
    for (int32_t i = 0; i < OVMSOTA_INFLATE_SLOTS; i++) {
        open += slots[i].handle != 0;
    }
    return open;
}
