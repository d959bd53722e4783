using System.Runtime.CompilerServices;

namespace OvmsOta.Native
{
    /// <summary>
    /// Flash by partition label, offsets relative to the partition (esp_partition_*). Status methods return 0
    /// (ESP_OK) or the esp_err_t; the native side refuses any write or erase of the running app partition and its
    /// paired deployment (ESP_ERR_NOT_ALLOWED, 0x10D).
    /// </summary>
    public static class NativeFlash
    {
        /// <summary>Bytes in one partition record.</summary>
        public const int EntrySize = 32;

        // PartitionEntry___STATIC__I4__I4__SZARRAY_U1
        /// <summary>The index-th partition (table order) as a 32-byte record in the binary table layout into
        /// entry[0..32). Returns 0, or 0x105 (ESP_ERR_NOT_FOUND) past the last partition.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int PartitionEntry(int index, byte[] entry);

        // RunningPartitionEntry___STATIC__I4__SZARRAY_U1
        /// <summary>The app partition running now (esp_ota_get_running_partition), same record.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int RunningPartitionEntry(byte[] entry);

        // Read___STATIC__I4__STRING__I4__SZARRAY_U1__I4__I4
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Read(string label, int offset, byte[] buffer, int bufferOffset, int count);

        // Write___STATIC__I4__STRING__I4__SZARRAY_U1__I4__I4
        /// <summary>NOR: the range must be erased since its last write.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Write(string label, int offset, byte[] buffer, int bufferOffset, int count);

        // EraseSector___STATIC__I4__STRING__I4
        /// <summary>Erases the 4 KB sector at offset (a multiple of 4096).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int EraseSector(string label, int offset);

        // EraseBlock___STATIC__I4__STRING__I4
        /// <summary>Erases the 64 KB block at offset; the absolute address must be 64 KB-aligned.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int EraseBlock(string label, int offset);
    }
}
