using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// Portable XOR fold. XOR is associative, so the bytes can be folded as 32-bit words in any lane
    /// order and the four lanes folded together at the end (the bootloader does the same). That takes
    /// four bytes per interpreted step instead of one: BitConverter.ToUInt32 is one call instead of
    /// four array loads, and the loop is unrolled to 16 bytes.
    /// </summary>
    public sealed class ManagedChecksumFold : IChecksumFold
    {
        public byte Fold(byte checksum, byte[] buffer, int offset, int count)
        {
            uint words = 0;
            int i = offset;
            int end = offset + count;
            for (int last = end - 16; i <= last; i += 16)
            {
                words ^= System.BitConverter.ToUInt32(buffer, i)
                    ^ System.BitConverter.ToUInt32(buffer, i + 4)
                    ^ System.BitConverter.ToUInt32(buffer, i + 8)
                    ^ System.BitConverter.ToUInt32(buffer, i + 12);
            }
            for (int last = end - 4; i <= last; i += 4)
                words ^= System.BitConverter.ToUInt32(buffer, i);
            uint folded = checksum ^ words ^ (words >> 8) ^ (words >> 16) ^ (words >> 24);
            for (; i < end; i++)
                folded ^= buffer[i];
            return (byte)folded;
        }
    }
}
