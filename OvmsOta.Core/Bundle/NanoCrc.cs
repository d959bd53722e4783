namespace OvmsOta.Bundle
{
    /// <summary>
    /// The CRC-32 nanoCLR checks assembly headers and bodies with (SUPPORT_ComputeCRC): polynomial 0x04C11DB7, most
    /// significant bit first, no reflection, no final XOR, the running value passed in (0 for a new check).
    /// Table-driven: one lookup per byte.
    /// </summary>
    public static class NanoCrc
    {
        public const uint Polynomial = 0x04C11DB7;

        private static readonly uint[] Table = MakeTable();

        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
                crc = (crc << 8) ^ Table[((crc >> 24) ^ data[i]) & 0xFF];
            return crc;
        }

        private static uint[] MakeTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n << 24;
                for (int k = 0; k < 8; k++)
                    c = (c & 0x80000000) != 0 ? (c << 1) ^ Polynomial : c << 1;
                table[n] = c;
            }
            return table;
        }
    }
}
