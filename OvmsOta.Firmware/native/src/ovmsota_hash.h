/*
 * Per-byte work the interpreter should not do: SHA-256 through mbedtls (hardware-accelerated on
 * the ESP32 when ESP-IDF's CONFIG_MBEDTLS_HARDWARE_SHA is on) and the ESP32 image checksum.
 */
#ifndef OVMSOTA_HASH_H
#define OVMSOTA_HASH_H

#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OVMSOTA_SHA256_SIZE 32
#define OVMSOTA_SHA256_SLOTS 4       /* hashes open at once; an update needs one or two */
#define OVMSOTA_CHECKSUM_SEED 0xEF   /* ESP_ROM_CHECKSUM_INITIAL: the image checksum starts here */

/*
 * SHA-256 contexts live in a small native table, not in managed memory: nanoCLR's heap compacts,
 * and on the ESP32 an mbedtls context may hold the SHA engine until it is freed.
 * A handle is a positive int; it goes stale on finish or abort (a stale handle is refused).
 */

/* Opens a hash. ESP_ERR_NO_MEM if all slots are open; ESP_ERR_INVALID_ARG if handle is NULL. */
esp_err_t ovmsota_sha256_begin(int32_t *handle);

/* Adds count bytes. ESP_ERR_INVALID_STATE for an unknown or stale handle. */
esp_err_t ovmsota_sha256_update(int32_t handle, const uint8_t *data, int32_t count);

/* Writes the 32-byte digest and closes the handle (also when mbedtls fails). */
esp_err_t ovmsota_sha256_finish(int32_t handle, uint8_t digest[OVMSOTA_SHA256_SIZE]);

/* Closes the handle without a digest (managed code calls it from a finally block). */
esp_err_t ovmsota_sha256_abort(int32_t handle);

/* Number of open hashes (for tests and diagnostics). */
int32_t ovmsota_sha256_open_count(void);

/*
 * ESP32 image checksum: XOR of every segment data byte, seeded with OVMSOTA_CHECKSUM_SEED.
 * Returns checksum with data[0..count) folded in (0..255). Like the bootloader it XORs 32-bit
 * words and folds the word to a byte; because XOR ignores byte lanes, the result is the same for
 * any split of the data across calls, so the state between calls is just the byte returned.
 */
uint8_t ovmsota_checksum_update(uint8_t checksum, const uint8_t *data, uint32_t count);

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_HASH_H */
