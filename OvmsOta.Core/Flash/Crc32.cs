using OvmsOta.OtaData;

namespace OvmsOta.Flash
{
    /// <summary>
    /// Table-driven reflected CRC-32 (polynomial 0xEDB88320, as zlib). <see cref="Update"/> is the bare register step,
    /// so one table serves every variant: the standard CRC-32 (<see cref="Compute"/>: init and final XOR 0xFFFFFFFF,
    /// "123456789" gives 0xCBF43926) and the otadata CRC of ESP-IDF's ROM (register starting at 0, final XOR
    /// 0xFFFFFFFF: OtaCrc.OfSeq(seq) == ~Update(0, le32(seq)), which a test pins).
    /// </summary>
    public static class Crc32
    {
        public const uint Polynomial = 0xEDB88320;
        public const uint StandardInit = 0xFFFFFFFF;

        private static readonly uint[] Table = MakeTable();

        /// <summary>Feeds data[offset..offset+count) into register and returns the new register (no inversions).</summary>
        public static uint Update(uint register, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
                register = Table[(register ^ data[i]) & 0xFF] ^ (register >> 8);
            return register;
        }

        /// <summary>Feeds the four little-endian bytes of value into register (the otadata CRC covers one u32).</summary>
        public static uint UpdateLittleEndian(uint register, uint value)
        {
            for (int i = 0; i < 4; i++)
                register = Table[(register ^ (value >> (8 * i))) & 0xFF] ^ (register >> 8);
            return register;
        }

        /// <summary>The standard CRC-32 of data[offset..offset+count).</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return ~Update(StandardInit, data, offset, count);
        }

        private static uint[] MakeTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
