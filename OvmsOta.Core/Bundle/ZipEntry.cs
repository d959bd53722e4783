namespace OvmsOta.Bundle
{
    /// <summary>One ZIP local file header, as <see cref="ZipStreamReader"/> met it (sizes always from the header).</summary>
    public sealed class ZipEntry
    {
        public ZipEntry(string name, int index, int method, uint crc32, int size)
        {
            Name = name;
            Index = index;
            Method = method;
            Crc32 = crc32;
            Size = size;
        }

        public string Name { get; private set; }

        /// <summary>0 for the first entry of the archive.</summary>
        public int Index { get; private set; }

        /// <summary>ZIP compression method: 0 stored (the only one read for now), 8 deflate.</summary>
        public int Method { get; private set; }

        public uint Crc32 { get; private set; }

        /// <summary>Bytes of data (stored: compressed and uncompressed sizes are equal).</summary>
        public int Size { get; private set; }
    }
}
