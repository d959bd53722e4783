using System.Runtime.CompilerServices;

namespace OvmsOta.Native
{
    /// <summary>
    /// Raw deflate on the ESP32 ROM's inflater (miniz's tinfl) in a 2-slot native table; each open stream holds a
    /// 32 KB dictionary outside the managed heap. Statuses are Core's DeflateStatus values (0 done, 1 needs input,
    /// 2 more output, -1 corrupt); argument and handle errors come back as esp_err_t values (0x101 and up).
    /// </summary>
    public static class NativeInflate
    {
        // Begin___STATIC__I4
        /// <summary>Opens a stream; returns a positive handle. Both slots open (or no memory for the dictionary):
        /// OutOfMemoryException.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Begin();

        // Decode___STATIC__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_I4
        /// <summary>Inflates input[inOffset..+inCount) into output[outOffset..+outCount); counts[0] = input bytes taken,
        /// counts[1] = bytes written. Returns the status, or 0x103 for an unknown, stale or ended handle. A span outside
        /// its array, or counts shorter than 2, throws.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Decode(int handle, byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount, int[] counts);

        // End___STATIC__I4__I4
        /// <summary>Frees the stream (call it from finally); 0x103 for an unknown or stale handle.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int End(int handle);
    }
}
