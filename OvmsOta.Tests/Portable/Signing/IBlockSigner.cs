namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>A key that makes signature blocks for the signing tests: RSA on the host, a test double on nanoCLR.</summary>
    public interface IBlockSigner
    {
        /// <summary>Block bytes 36-811 (n, e, R² mod n, m′).</summary>
        byte[] KeyFields { get; }

        /// <summary>The 384 signature bytes (little-endian, as stored) over the 32-byte digest.</summary>
        byte[] Sign(byte[] digest);
    }
}
