namespace OvmsOta.Bundle
{
    /// <summary>What <see cref="ZipStreamReader"/> hands each entry to, in archive order.</summary>
    public interface IZipEntrySink
    {
        /// <summary>A local header was read; its data follows through <see cref="Data"/>.</summary>
        void BeginEntry(ZipEntry entry);

        /// <summary>Next piece of the current entry's data (the buffer is the caller's: copy what you keep).</summary>
        void Data(byte[] buffer, int offset, int count);

        /// <summary>All of the entry's data came and its CRC-32 matched the header.</summary>
        void EndEntry(ZipEntry entry);
    }
}
