/*
 * Raw deflate (RFC 1951) decoding on the ESP32 ROM's inflater (miniz's tinfl), so the device can
 * take a compressed update without carrying an inflater in flash. Streaming with a fixed 32 KB
 * window: the caller feeds compressed bytes and takes inflated bytes in pieces of any size.
 */
#ifndef OVMSOTA_INFLATE_H
#define OVMSOTA_INFLATE_H

#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OVMSOTA_INFLATE_SLOTS 2 /* streams open at once; an update inflates one */

/*
 * Statuses of ovmsota_inflate_decode: the values of Core's DeflateStatus (tinfl's own). They sit
 * below ESP_ERR_NO_MEM (0x101), so one int carries either a status or an argument error.
 */
#define OVMSOTA_INFLATE_DONE 0             /* the final block ended; consumed stops at its last byte */
#define OVMSOTA_INFLATE_NEEDS_INPUT 1      /* every input byte taken, the stream goes on: feed more */
#define OVMSOTA_INFLATE_HAS_MORE_OUTPUT 2  /* the output filled; call again with room (and the input not taken) */
#define OVMSOTA_INFLATE_CORRUPT (-1)       /* not deflate data (bad block type or code lengths, a distance past the start) */

/*
 * A stream's context (tinfl's state and its 32 KB dictionary, about 43 KB) is allocated on begin and
 * freed on end, in a small native table like the SHA-256 slots (ovmsota_handle.h): the dictionary
 * must not move, which nanoCLR's compacting heap would do to a managed buffer.
 */

/* Opens a stream. ESP_ERR_NO_MEM if all slots are open or the context cannot be allocated;
 * ESP_ERR_INVALID_ARG if handle is NULL. */
esp_err_t ovmsota_inflate_begin(int32_t *handle);

/*
 * Decodes in[0..in_len) into out[0..out_len). *consumed = input bytes taken (all of them unless the
 * output filled or the stream ended), *produced = bytes written. Inflated bytes that do not fit stay
 * in the dictionary and come first on the next call. Returns an OVMSOTA_INFLATE_* status, or:
 * ESP_ERR_INVALID_STATE for an unknown or stale handle, or a stream that already returned DONE or
 * CORRUPT (end it); ESP_ERR_INVALID_ARG for a NULL consumed/produced, or a NULL buffer with a non-zero
 * length; ESP_ERR_INVALID_SIZE for a negative length. On an error nothing is taken or written.
 */
int32_t ovmsota_inflate_decode(int32_t handle, const uint8_t *in, int32_t in_len, int32_t *consumed,
                               uint8_t *out, int32_t out_len, int32_t *produced);

/* Frees the stream's context (any state: managed code calls it from Release/Reset).
 * ESP_ERR_INVALID_STATE for an unknown or stale handle. */
esp_err_t ovmsota_inflate_end(int32_t handle);

/* Number of open streams (for tests and diagnostics). */
int32_t ovmsota_inflate_open_count(void);

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_INFLATE_H */
