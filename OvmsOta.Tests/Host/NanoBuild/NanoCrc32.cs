namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The CRC-32 of nanoFramework's metadata processor (MetadataProcessor.Shared/Utility/Crc32.cs) and of nanoCLR's
    /// SUPPORT_ComputeCRC: polynomial 0x04C11DB7, most significant bit first, no reflection, no final XOR, and the
    /// running value passed in as the seed. Seeded with 0xFFFFFFFF it is CRC-32/MPEG-2.
    /// </summary>
    public static class NanoCrc32
    {
        private const uint Polynomial = 0x04C11DB7;

        public static uint Compute(byte[] data, uint seed)
        {
            uint crc = seed;
            foreach (byte value in data)
            {
                crc ^= (uint)value << 24;
                for (int bit = 0; bit < 8; bit++)
                    crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ Polynomial : crc << 1;
            }
            return crc;
        }
    }
}
