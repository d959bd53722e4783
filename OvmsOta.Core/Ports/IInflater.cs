using System.IO;

namespace OvmsOta.Ports
{
    /// <summary>
    /// Inflates a gzip stream (RFC 1952: one member, deflate inside, CRC-32 and length checked at its end) as it is
    /// read, with a fixed window (32 KB) whatever the size: the module fetches `ovms3.bin.gz` through it. The host
    /// binds System.IO.Compression; the device binds the ESP32 ROM's miniz inflater (tinfl) through OvmsOta.Native.
    /// </summary>
    public interface IInflater
    {
        /// <summary>
        /// A stream of the inflated bytes of compressed. Its Read returns 0 only at the end of the gzip member (or when
        /// compressed ended early: the caller's length check reports that); corrupt input throws (any exception type,
        /// reported as a corrupt compressed image). Disposing it does not dispose compressed.
        /// </summary>
        Stream Open(Stream compressed);
    }
}
