using System.Runtime.CompilerServices;

namespace OvmsOta.Native
{
    /// <summary>RSA-3072-PSS verification of a Secure Boot V2 signature block (mbedtls, ESP32 RSA hardware).</summary>
    public static class NativeSignature
    {
        // RsaPssVerify___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1
        /// <summary>
        /// Verifies the 1216-byte block at block[offset] over the 32-byte digest with the key stored in the block; returns
        /// the esp_err_t: 0 verified, 0x10B (ESP_ERR_INVALID_MAC) does not verify, 0x10A (ESP_ERR_INVALID_VERSION) the
        /// stored key is not a usable RSA-3072 key. A span outside block or a digest shorter than 32 bytes throws.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int RsaPssVerify(byte[] block, int offset, byte[] digest);
    }
}
