// ovmsota_rsa_pss_verify against the espsecure-signed vector (../shared/reference/vectors/signing/):
// block 0 of esp32-app-minimal.signed-A.bin over the SHA-256 of the image part verifies with the key
// stored in it (key A); a changed signature, digest or key does not.
#include <gtest/gtest.h>
#include <mbedtls/sha256.h>
#include <mbedtls/version.h>
#include <vector>

#include "ovmsota_rsa.h"
#include "shared_files.h"

namespace {

const size_t kSector = 0x11000;

struct Vector {
    std::vector<uint8_t> block;
    std::vector<uint8_t> digest;
};

Vector load()
{
    Vector v;
    std::vector<uint8_t> file = read_file_bytes(shared_dir() + "/reference/vectors/signing/esp32-app-minimal.signed-A.bin");
    if (file.size() != 73728) {
        ADD_FAILURE() << "signed vector: " << file.size() << " bytes";
        return v;
    }
    v.block.assign(file.begin() + kSector, file.begin() + kSector + OVMSOTA_SIG_BLOCK_SIZE);
    v.digest.resize(OVMSOTA_SIG_DIGEST_SIZE);
#if MBEDTLS_VERSION_NUMBER < 0x03000000
    mbedtls_sha256_ret(file.data(), kSector, v.digest.data(), 0);
#else
    mbedtls_sha256(file.data(), kSector, v.digest.data(), 0);
#endif
    return v;
}

TEST(RsaPssVerify, TheVectorVerifiesWithTheKeyStoredInItsBlock)
{
    Vector v = load();
    ASSERT_EQ(OVMSOTA_SIG_BLOCK_SIZE, v.block.size());
    // The image digest field (block bytes 4..35) is what we hashed: the layout and the hash agree.
    EXPECT_TRUE(std::equal(v.digest.begin(), v.digest.end(), v.block.begin() + 4));
    EXPECT_EQ(ESP_OK, ovmsota_rsa_pss_verify(v.block.data(), v.digest.data()));
}

TEST(RsaPssVerify, AChangedSignatureDigestOrKeyFails)
{
    Vector v = load();
    ASSERT_EQ(OVMSOTA_SIG_BLOCK_SIZE, v.block.size());
    for (size_t at : {size_t(812), size_t(1000), size_t(1195)}) {
        std::vector<uint8_t> forged = v.block;
        forged[at] ^= 0x01;
        EXPECT_NE(ESP_OK, ovmsota_rsa_pss_verify(forged.data(), v.digest.data())) << "signature byte " << at;
    }
    for (size_t at : {size_t(0), size_t(31)}) {
        std::vector<uint8_t> digest = v.digest;
        digest[at] ^= 0x80;
        EXPECT_EQ(ESP_ERR_INVALID_MAC, ovmsota_rsa_pss_verify(v.block.data(), digest.data())) << "digest byte " << at;
    }
    std::vector<uint8_t> other_key = v.block;
    other_key[36 + 100] ^= 0x10; // another modulus: the signature no longer verifies
    EXPECT_NE(ESP_OK, ovmsota_rsa_pss_verify(other_key.data(), v.digest.data()));
}

TEST(RsaPssVerify, AnUnusableKeyOrNullIsRefused)
{
    Vector v = load();
    ASSERT_EQ(OVMSOTA_SIG_BLOCK_SIZE, v.block.size());
    std::vector<uint8_t> no_exponent = v.block;
    std::fill(no_exponent.begin() + 420, no_exponent.begin() + 424, 0);
    EXPECT_EQ(ESP_ERR_INVALID_VERSION, ovmsota_rsa_pss_verify(no_exponent.data(), v.digest.data()));
    std::vector<uint8_t> short_modulus = v.block;
    std::fill(short_modulus.begin() + 36 + 383, short_modulus.begin() + 36 + 384, 0); // top byte 0: 3064 bits
    EXPECT_EQ(ESP_ERR_INVALID_VERSION, ovmsota_rsa_pss_verify(short_modulus.data(), v.digest.data()));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_rsa_pss_verify(nullptr, v.digest.data()));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_rsa_pss_verify(v.block.data(), nullptr));
}

} // namespace
