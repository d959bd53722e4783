using System;

namespace OvmsOta.Flash
{
    /// <summary>The erased byte pattern (0xFF) as block operations: fill by Array.Copy from one shared erased sector.</summary>
    public static class Erased
    {
        private static readonly byte[] Sector = MakeSector();

        /// <summary>Sets buffer[offset..offset+count) to 0xFF.</summary>
        public static void Fill(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int chunk = count < Sector.Length ? count : Sector.Length;
                Array.Copy(Sector, 0, buffer, offset, chunk);
                offset += chunk;
                count -= chunk;
            }
        }

        /// <summary>A new array of count bytes, all 0xFF.</summary>
        public static byte[] NewBuffer(int count)
        {
            var buffer = new byte[count];
            Fill(buffer, 0, count);
            return buffer;
        }

        /// <summary>True when every byte of buffer[offset..offset+count) is 0xFF.</summary>
        public static bool IsErased(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
                if (buffer[i] != FlashGeometry.Erased)
                    return false;
            return true;
        }

        private static byte[] MakeSector()
        {
            var sector = new byte[FlashGeometry.SectorSize];
            for (int i = 0; i < sector.Length; i++)
                sector[i] = FlashGeometry.Erased;
            return sector;
        }
    }
}
