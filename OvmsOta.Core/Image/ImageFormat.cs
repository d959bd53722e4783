namespace OvmsOta.Image
{
    /// <summary>
    /// Layout constants of an ESP32 app image (esp_image_header_t, segment headers, checksum,
    /// appended SHA-256, esp_app_desc_t), as ESP-IDF's bootloader_support and esptool define them.
    /// </summary>
    public static class ImageFormat
    {
        public const byte Magic = 0xE9;
        public const int HeaderSize = 24;
        public const int SegmentHeaderSize = 8;
        public const int MaxSegments = 16;
        /// <summary>A segment of 16 MB or more is invalid ("invalid segment length").</summary>
        public const int MaxSegmentLength = 16 * 1024 * 1024;
        public const ushort ChipIdEsp32 = 0;
        public const byte ChecksumSeed = 0xEF;
        public const int HashSize = 32;

        // Header field offsets.
        public const int SegmentCountOffset = 1;
        public const int SpiModeOffset = 2;
        public const int SpiSpeedSizeOffset = 3;
        public const int EntryOffset = 4;
        public const int WpPinOffset = 8;
        public const int SpiPinDrvOffset = 9;
        public const int ChipIdOffset = 12;
        public const int MinChipRevOffset = 14;
        public const int MinChipRevFullOffset = 15;
        public const int MaxChipRevFullOffset = 17;
        public const int HashAppendedOffset = 23;

        /// <summary>esp_app_desc_t sits at the start of segment 0's data.</summary>
        public const int AppDescriptionOffset = 0x20;
        public const int AppDescriptionSize = 256;
        public const uint AppDescriptionMagic = 0xABCD5432;

        /// <summary>Flash-mapped segments must sit at a file offset equal to their address modulo the MMU page.</summary>
        public const int MmuPageSize = 0x10000;

        /// <summary>P = align16(U + 1): the checksum byte is the last byte before the 16-byte boundary.</summary>
        public static int PaddedEnd(int segmentsEnd)
        {
            return (segmentsEnd + 1 + 15) & ~15;
        }
    }
}
