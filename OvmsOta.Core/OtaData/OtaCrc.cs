namespace OvmsOta.OtaData
{
    /// <summary>
    /// The otadata CRC: esp_rom_crc32_le(0xFFFFFFFF, &amp;ota_seq, 4), i.e. reflected CRC-32 (poly 0xEDB88320) whose
    /// register starts at 0 (the ROM inverts the 0xFFFFFFFF argument) with a final XOR of 0xFFFFFFFF; the same as
    /// Python zlib.crc32(le32(seq), 0xFFFFFFFF). NOT the standard CRC-32 of the four bytes (seq 1: 0x4743989A, not 0x99F8B879).
    /// </summary>
    public static class OtaCrc
    {
        private static readonly uint[] Table = MakeTable();

        public static uint OfSeq(uint seq)
        {
            uint crc = 0;
            for (int i = 0; i < 4; i++)
                crc = Table[(crc ^ (seq >> (8 * i))) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }

        private static uint[] MakeTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
