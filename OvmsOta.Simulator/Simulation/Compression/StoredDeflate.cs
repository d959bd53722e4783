using System;
using OvmsOta.Flash;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// Deflate data made of stored blocks (RFC 1951 3.2.4: a block header byte, LEN, NLEN, the bytes as they are), and
    /// gzip members around it. Any inflater must read it, and it needs no compressor, so the portable tests build their
    /// compressed inputs with it on nanoCLR too.
    /// </summary>
    public static class StoredDeflate
    {
        /// <summary>The most one stored block holds (LEN is 16 bits).</summary>
        public const int MaxBlock = 65535;

        /// <summary>data as stored blocks of blockSize bytes (the last one shorter, and final).</summary>
        public static byte[] Encode(byte[] data, int blockSize)
        {
            if (blockSize < 1 || blockSize > MaxBlock)
                throw new ArgumentOutOfRangeException("blockSize");
            int blocks = data.Length == 0 ? 1 : (data.Length + blockSize - 1) / blockSize;
            byte[] encoded = new byte[data.Length + 5 * blocks];
            int at = 0;
            for (int block = 0; block < blocks; block++)
            {
                int start = block * blockSize;
                int length = data.Length - start < blockSize ? data.Length - start : blockSize;
                encoded[at] = (byte)(block == blocks - 1 ? 1 : 0);   // BFINAL, BTYPE 00, padding to the byte's end
                LittleEndian.WriteUInt16(encoded, at + 1, length);
                LittleEndian.WriteUInt16(encoded, at + 3, ~length & 0xFFFF);
                Array.Copy(data, start, encoded, at + 5, length);
                at += 5 + length;
            }
            return encoded;
        }

        /// <summary>A gzip member (RFC 1952) of data: the plain 10-byte header, stored blocks, CRC-32 and length.</summary>
        public static byte[] Gzip(byte[] data, int blockSize)
        {
            return Gzip(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3 }, data, blockSize);
        }

        /// <summary>A gzip member with the header given (flags and optional fields are the caller's).</summary>
        public static byte[] Gzip(byte[] header, byte[] data, int blockSize)
        {
            byte[] body = Encode(data, blockSize);
            byte[] member = new byte[header.Length + body.Length + 8];
            Array.Copy(header, 0, member, 0, header.Length);
            Array.Copy(body, 0, member, header.Length, body.Length);
            LittleEndian.WriteUInt32(member, header.Length + body.Length, Crc32.Compute(data, 0, data.Length));
            LittleEndian.WriteUInt32(member, header.Length + body.Length + 4, (uint)data.Length);
            return member;
        }
    }
}
