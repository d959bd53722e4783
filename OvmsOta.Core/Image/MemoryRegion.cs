namespace OvmsOta.Image
{
    /// <summary>
    /// ESP32 address ranges a segment's load address can fall in (esptool's ESP32ROM.MEMORY_MAP),
    /// and which of them the cache maps straight from flash.
    /// </summary>
    public static class MemoryRegion
    {
        public const uint DromStart = 0x3F400000;
        public const uint DromEnd = 0x3F800000;
        public const uint IromStart = 0x400D0000;
        public const uint IromEnd = 0x40400000;

        /// <summary>True for IROM and DROM segments, whose file offset must match the address modulo 64 KB.</summary>
        public static bool IsFlashMapped(uint address)
        {
            return (address >= DromStart && address < DromEnd) || (address >= IromStart && address < IromEnd);
        }

        /// <summary>Memory types as esptool image-info names them ("DROM", "BYTE_ACCESSIBLE, DRAM", "PADDING").</summary>
        public static string Describe(uint address)
        {
            string types = null;
            for (int i = 0; i < Names.Length; i++)
            {
                if (address >= Starts[i] && address < Ends[i])
                    types = types == null ? Names[i] : types + ", " + Names[i];
            }
            return types == null ? "UNKNOWN" : types;
        }

        // esptool ESP32ROM.MEMORY_MAP, in its order (start inclusive, end exclusive).
        static readonly uint[] Starts =
        {
            0x00000000, 0x3F400000, 0x3F800000, 0x3FF80000, 0x3FF90000, 0x3FFAE000, 0x3FFE0000, 0x40000000,
            0x40070000, 0x40078000, 0x40080000, 0x400A0000, 0x400C0000, 0x400D0000, 0x50000000,
        };
        static readonly uint[] Ends =
        {
            0x00010000, 0x3F800000, 0x3FC00000, 0x3FF82000, 0x40000000, 0x40000000, 0x3FFFFFFC, 0x40070000,
            0x40078000, 0x40080000, 0x400A0000, 0x400BFFFC, 0x400C2000, 0x40400000, 0x50002000,
        };
        static readonly string[] Names =
        {
            "PADDING", "DROM", "EXTRAM_DATA", "RTC_DRAM", "BYTE_ACCESSIBLE", "DRAM", "DIRAM_DRAM", "IROM",
            "CACHE_PRO", "CACHE_APP", "IRAM", "DIRAM_IRAM", "RTC_IRAM", "IROM", "RTC_DATA",
        };
    }
}
