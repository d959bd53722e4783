/*
 * RSA-3072-PSS verification of one ESP-IDF Secure Boot V2 signature block with the key stored in
 * the block, through mbedtls (the ESP32's RSA accelerator when ESP-IDF's CONFIG_MBEDTLS_HARDWARE_MPI
 * is on). Parsing, CRC and key trust are the managed side's business (OvmsOta.Core/Signing).
 */
#ifndef OVMSOTA_RSA_H
#define OVMSOTA_RSA_H

#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OVMSOTA_SIG_BLOCK_SIZE 1216
#define OVMSOTA_SIG_DIGEST_SIZE 32

/*
 * Verifies block's signature (bytes 812..1195, little-endian) over digest (32 bytes) with the key in
 * the block (modulus at 36, 384 bytes little-endian; exponent at 420, u32 little-endian): RSASSA-PSS,
 * SHA-256, MGF1-SHA-256, any salt length, as ESP-IDF's verify_rsa_signature_block does
 * (mbedtls_rsa_rsassa_pss_verify with PKCS_V21/SHA-256). ESP_OK: verified. ESP_ERR_INVALID_MAC:
 * does not verify. ESP_ERR_INVALID_VERSION: the stored key is not a usable RSA public key.
 * ESP_ERR_INVALID_ARG: a NULL pointer. Uses static buffers: one caller at a time (the engine
 * verifies under its install lock).
 */
esp_err_t ovmsota_rsa_pss_verify(const uint8_t *block, const uint8_t *digest);

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_RSA_H */
