namespace OvmsOta.Signing
{
    /// <summary>
    /// The RSA maths of one Secure Boot V2 block: RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32 bytes, 3072-bit key, with
    /// the key stored in the block (modulus at 36 and exponent at 420, signature at 812, all little-endian). The device
    /// binds native mbedtls (OvmsOta.Native), the host .NET's RSA. Parsing, CRC and trust are not its business.
    /// </summary>
    public interface ISignatureVerifier
    {
        /// <summary>True when the block's signature verifies over digest (32 bytes) with the block's own key.</summary>
        bool Verify(byte[] block, int offset, byte[] digest);
    }
}
