/* SHA-256 handle table and image checksum: see ovmsota_hash.h. */
#include <string.h>
#include "mbedtls/sha256.h"
#include "mbedtls/version.h"
#include "ovmsota_handle.h"
#include "ovmsota_hash.h"

/*
 * mbedtls 3.x (ESP-IDF 5) names the int-returning calls mbedtls_sha256_starts/update/finish;
 * mbedtls 2.x (Debian bookworm, used by the host tests) calls them *_ret and keeps deprecated
 * void functions under the plain names.
 */
#if MBEDTLS_VERSION_NUMBER < 0x03000000
#define sha256_starts mbedtls_sha256_starts_ret
#define sha256_update mbedtls_sha256_update_ret
#define sha256_finish mbedtls_sha256_finish_ret
#else
#define sha256_starts mbedtls_sha256_starts
#define sha256_update mbedtls_sha256_update
#define sha256_finish mbedtls_sha256_finish
#endif

typedef struct {
    int32_t handle; /* 0 = free; else ovmsota_handle_open's value */
    mbedtls_sha256_context context;
} sha256_slot;

static sha256_slot slots[OVMSOTA_SHA256_SLOTS];
static int32_t generation;

static sha256_slot *find(int32_t handle)
{
    int32_t index = ovmsota_handle_slot(handle, OVMSOTA_SHA256_SLOTS);
    return index >= 0 && slots[index].handle == handle ? &slots[index] : NULL;
}

static void release(sha256_slot *slot)
{
    mbedtls_sha256_free(&slot->context); /* on the ESP32 this also releases the SHA engine */
    slot->handle = 0;
}

esp_err_t ovmsota_sha256_begin(int32_t *handle)
{
    if (handle == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    for (int32_t i = 0; i < OVMSOTA_SHA256_SLOTS; i++) {
        sha256_slot *slot = &slots[i];
        if (slot->handle != 0) {
            continue;
        }
        int32_t opened = ovmsota_handle_open(&generation, OVMSOTA_SHA256_SLOTS, i);
        mbedtls_sha256_init(&slot->context);
        if (sha256_starts(&slot->context, 0) != 0) { /* 0 = SHA-256, not SHA-224 */
            mbedtls_sha256_free(&slot->context);
            return ESP_FAIL;
        }
        slot->handle = opened;
        *handle = slot->handle;
        return ESP_OK;
    }
    return ESP_ERR_NO_MEM;
}

esp_err_t ovmsota_sha256_update(int32_t handle, const uint8_t *data, int32_t count)
{
    sha256_slot *slot = find(handle);
    if (slot == NULL) {
        return ESP_ERR_INVALID_STATE;
    }
    if (count < 0) {
        return ESP_ERR_INVALID_SIZE;
    }
    if (count == 0) {
        return ESP_OK;
    }
    if (data == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    return sha256_update(&slot->context, data, (size_t)count) == 0 ? ESP_OK : ESP_FAIL;
}

esp_err_t ovmsota_sha256_finish(int32_t handle, uint8_t digest[OVMSOTA_SHA256_SIZE])
{
    sha256_slot *slot = find(handle);
    if (slot == NULL) {
        return ESP_ERR_INVALID_STATE;
    }
    if (digest == NULL) {
        release(slot);
        return ESP_ERR_INVALID_ARG;
    }
    int rc = sha256_finish(&slot->context, digest);
    release(slot);
    return rc == 0 ? ESP_OK : ESP_FAIL;
}

esp_err_t ovmsota_sha256_abort(int32_t handle)
{
    sha256_slot *slot = find(handle);
    if (slot == NULL) {
        return ESP_ERR_INVALID_STATE;
    }
    release(slot);
    return ESP_OK;
}

int32_t ovmsota_sha256_open_count(void)
{
    int32_t open = 0;
    for (int32_t i = 0; i < OVMSOTA_SHA256_SLOTS; i++) {
        open += slots[i].handle != 0;
    }
    return open;
}

uint8_t ovmsota_checksum_update(uint8_t checksum, const uint8_t *data, uint32_t count)
{
    uint32_t word = checksum;
    uint32_t i = 0;
    /* Whole words through memcpy: no unaligned loads on the Xtensa core. */
    for (; i + 4 <= count; i += 4) {
        uint32_t w;
        memcpy(&w, data + i, 4);
        word ^= w;
    }
    for (; i < count; i++) {
        word ^= data[i];
    }
    word ^= word >> 16;
    word ^= word >> 8;
    return (uint8_t)word;
}
