using OvmsOta.Image;

namespace OvmsOta.Ports
{
    /// <summary>
    /// Incremental SHA-256, the per-byte work of image validation. The device swaps in its hardware
    /// SHA (mbedtls) through the native interop library; ManagedSha256 is the portable fallback.
    /// </summary>
    public interface ISha256
    {
        /// <summary>Starts a new digest.</summary>
        void Reset();

        /// <summary>Hashes count bytes of buffer from offset.</summary>
        void Update(byte[] buffer, int offset, int count);

        /// <summary>Writes the 32-byte digest to output[offset..] and starts a new digest.</summary>
        void Final(byte[] output, int offset);
    }
}
