namespace OvmsOta.Ports
{
    /// <summary>
    /// Raw deflate (RFC 1951) decoding shaped like miniz's tinfl, the inflater the ESP32 ROM carries: the caller feeds
    /// compressed bytes in and takes inflated bytes out, and learns how many input bytes each call took. So what follows
    /// the deflate data (a gzip trailer, the next ZIP entry) stays the caller's, which a pull stream that reads ahead
    /// (.NET's DeflateStream) cannot give. The window is fixed (32 KB) whatever the stream's size.
    /// Device: the ROM's tinfl through OvmsOta.Native; host: SharpZipLib's Inflater.
    /// </summary>
    public interface IDeflateDecoder
    {
        /// <summary>Starts a new deflate stream, forgetting any earlier one.</summary>
        void Reset();

        /// <summary>
        /// Decodes input[inOffset, inOffset + inCount) into output[outOffset, outOffset + outCount). consumed: the input
        /// bytes taken (all of them unless the output filled or the stream ended); produced: the bytes written.
        /// Returns <see cref="DeflateStatus.Done"/> once the final block ended (consumed then stops at its last byte),
        /// <see cref="DeflateStatus.Corrupt"/> for data no deflate encoder makes; further calls after either are refused
        /// until <see cref="Reset"/>.
        /// </summary>
        DeflateStatus Decode(byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount,
            out int consumed, out int produced);

        /// <summary>Frees what a stream holds (the device's native window); <see cref="Reset"/> starts again.</summary>
        void Release();
    }
}
