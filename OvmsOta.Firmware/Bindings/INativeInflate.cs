namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The seam over OvmsOta.Native.NativeInflate, so host tests can run the deflate binding on a fake. A null array
    /// throws ArgumentNullException (nanoCLR's marshaller would throw NullReferenceException before the native runs).
    /// </summary>
    public interface INativeInflate
    {
        /// <summary>Opens a stream and returns its handle. Both slots open, or no memory for the 32 KB dictionary:
        /// OutOfMemoryException (the glue's CLR_E_OUT_OF_MEMORY).</summary>
        int InflateBegin();

        /// <summary>A DeflateStatus value (-1..2) with counts[0] = consumed, counts[1] = produced; or an esp_err_t
        /// (0x101 and up) for a refused call, which takes and writes nothing.</summary>
        int InflateDecode(int handle, byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount, int[] counts);

        int InflateEnd(int handle);
    }
}
