using System.Runtime.CompilerServices;

namespace OvmsOta.Native
{
    /// <summary>SHA-256 (mbedtls, ESP32 SHA hardware) in a 4-slot native table, and the ESP32 image checksum.</summary>
    public static class NativeHash
    {
        /// <summary>Seed of the image checksum (ESP_ROM_CHECKSUM_INITIAL).</summary>
        public const int ChecksumSeed = 0xEF;

        // Sha256Begin___STATIC__I4
        /// <summary>Opens a hash; returns a positive handle. All 4 slots open: OutOfMemoryException (after nanoCLR
        /// compacts its heap and retries the call once).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Begin();

        // Sha256Update___STATIC__I4__I4__SZARRAY_U1__I4__I4
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Update(int handle, byte[] data, int offset, int count);

        // Sha256Finish___STATIC__I4__I4__SZARRAY_U1__I4
        /// <summary>Writes 32 bytes at digest[offset] and closes the handle.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Finish(int handle, byte[] digest, int offset);

        // Sha256Abort___STATIC__I4__I4
        /// <summary>Closes the handle without a digest (call it from finally).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Sha256Abort(int handle);

        // ChecksumUpdate___STATIC__I4__I4__SZARRAY_U1__I4__I4
        /// <summary>Returns checksum (0..255) with data[offset..offset+count) XORed in; the same for any split.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int ChecksumUpdate(int checksum, byte[] data, int offset, int count);
    }
}
