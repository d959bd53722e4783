/* Secure Boot V2 block verification: see ovmsota_rsa.h. */
#include <string.h>
#include "mbedtls/rsa.h"
#include "mbedtls/md.h"
#include "mbedtls/version.h"
#include "ovmsota_rsa.h"

#define RSA_BYTES 384
#define MODULUS_OFFSET 36
#define EXPONENT_OFFSET 420
#define SIGNATURE_OFFSET 812

/* Big-endian copies for mbedtls; static so the 772 bytes stay off the interpreter's stack. */
static uint8_t modulus_be[RSA_BYTES];
static uint8_t signature_be[RSA_BYTES];
static uint8_t exponent_be[4];

static void reverse_copy(uint8_t *to, const uint8_t *from, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        to[count - 1 - i] = from[i];
    }
}

/*
 * mbedtls 3.x (ESP-IDF 5) sets the padding after init and dropped the RNG/mode arguments of the
 * verify call; mbedtls 2.x (Debian bookworm, the host tests) takes them.
 */
static void rsa_init(mbedtls_rsa_context *rsa)
{
#if MBEDTLS_VERSION_NUMBER < 0x03000000
    mbedtls_rsa_init(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
#else
    mbedtls_rsa_init(rsa);
    mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
#endif
}

static int pss_verify(mbedtls_rsa_context *rsa, const uint8_t *digest)
{
#if MBEDTLS_VERSION_NUMBER < 0x03000000
    return mbedtls_rsa_rsassa_pss_verify_ext(rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256, OVMSOTA_SIG_DIGEST_SIZE,
                                             digest, MBEDTLS_MD_SHA256, MBEDTLS_RSA_SALT_LEN_ANY, signature_be);
#else
    return mbedtls_rsa_rsassa_pss_verify_ext(rsa, MBEDTLS_MD_SHA256, OVMSOTA_SIG_DIGEST_SIZE, digest, MBEDTLS_MD_SHA256,
                                             MBEDTLS_RSA_SALT_LEN_ANY, signature_be);
#endif
}

esp_err_t ovmsota_rsa_pss_verify(const uint8_t *block, const uint8_t *digest)
{
    if (block == NULL || digest == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    reverse_copy(modulus_be, block + MODULUS_OFFSET, RSA_BYTES);
    reverse_copy(exponent_be, block + EXPONENT_OFFSET, sizeof exponent_be);
    reverse_copy(signature_be, block + SIGNATURE_OFFSET, RSA_BYTES);

    mbedtls_rsa_context rsa;
    rsa_init(&rsa);
    esp_err_t result = ESP_ERR_INVALID_VERSION;
    if (mbedtls_rsa_import_raw(&rsa, modulus_be, RSA_BYTES, NULL, 0, NULL, 0, NULL, 0, exponent_be, sizeof exponent_be) == 0
        && mbedtls_rsa_complete(&rsa) == 0
        && mbedtls_rsa_check_pubkey(&rsa) == 0
        && mbedtls_rsa_get_len(&rsa) == RSA_BYTES) {
        result = pss_verify(&rsa, digest) == 0 ? ESP_OK : ESP_ERR_INVALID_MAC;
    }
    mbedtls_rsa_free(&rsa);
    return result;
}
