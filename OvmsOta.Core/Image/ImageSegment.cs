namespace OvmsOta.Image
{
    /// <summary>One segment of an app image: where its 8-byte header sits, where it loads, how long it is.</summary>
    public sealed class ImageSegment
    {
        public ImageSegment(int index, int headerOffset, uint loadAddress, int length)
        {
            Index = index;
            HeaderOffset = headerOffset;
            LoadAddress = loadAddress;
            Length = length;
        }

        public int Index { get; }

        /// <summary>Image offset of the segment header (esptool's "File offs").</summary>
        public int HeaderOffset { get; }

        /// <summary>Image offset of the first data byte.</summary>
        public int DataOffset
        {
            get { return HeaderOffset + ImageFormat.SegmentHeaderSize; }
        }

        public uint LoadAddress { get; }
        public int Length { get; }

        /// <summary>esptool's memory types, e.g. "DROM" or "BYTE_ACCESSIBLE, DRAM".</summary>
        public string MemoryTypes
        {
            get { return MemoryRegion.Describe(LoadAddress); }
        }
    }
}
