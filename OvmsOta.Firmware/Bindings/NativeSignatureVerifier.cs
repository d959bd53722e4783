using OvmsOta.Native;
using OvmsOta.Signing;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The device's <see cref="ISignatureVerifier"/>: mbedtls RSA-PSS (SHA-256, MGF1-SHA-256, any salt length, as
    /// ESP-IDF's verify_rsa_signature_block) through OvmsOta.Native; verified only on ESP_OK.
    /// </summary>
    public sealed class NativeSignatureVerifier : ISignatureVerifier
    {
        public bool Verify(byte[] block, int offset, byte[] digest)
        {
            NativeArguments.NotNull(block, "block", "NativeSignature.RsaPssVerify");
            NativeArguments.NotNull(digest, "digest", "NativeSignature.RsaPssVerify");
            return NativeSignature.RsaPssVerify(block, offset, digest) == EspErrors.Ok;
        }
    }
}
