using System;
using OvmsOta.Flash;

namespace OvmsOta.Partitions
{
    /// <summary>
    /// MD5 (RFC 1321), managed, because nanoFramework has none and the partition table's 0xEBEB record holds
    /// the MD5 of its entries. One-shot over at most a few KB, so no streaming state is kept.
    /// </summary>
    public static class Md5
    {
        public const int DigestSize = 16;

        private static readonly int[] Shifts =
        {
            7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
            5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
            4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
            6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
        };

        // floor(abs(sin(i + 1)) * 2^32), the RFC's table T.
        private static readonly uint[] Sines =
        {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        };

        /// <summary>The 16-byte MD5 digest of data[offset..offset+count).</summary>
        public static byte[] Compute(byte[] data, int offset, int count)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            uint[] state = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
            uint[] words = new uint[16];
            int full = count / 64;
            for (int block = 0; block < full; block++)
            {
                LoadWords(data, offset + block * 64, words);
                Transform(state, words);
            }

            // Final one or two blocks: the rest, 0x80, zeros, then the bit length (little-endian u64).
            byte[] tail = new byte[128];
            int rest = count - full * 64;
            Array.Copy(data, offset + full * 64, tail, 0, rest);
            tail[rest] = 0x80;
            int tailLength = rest < 56 ? 64 : 128;
            ulong bits = (ulong)count * 8;
            for (int i = 0; i < 8; i++)
                tail[tailLength - 8 + i] = (byte)(bits >> (8 * i));
            for (int block = 0; block < tailLength; block += 64)
            {
                LoadWords(tail, block, words);
                Transform(state, words);
            }

            byte[] digest = new byte[DigestSize];
            for (int i = 0; i < 4; i++)
                LittleEndian.WriteUInt32(digest, i * 4, state[i]);
            return digest;
        }

        /// <summary>Lower-case hex of bytes, as md5sum prints a digest.</summary>
        public static string ToHex(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count * 2];
            const string digits = "0123456789abcdef";
            for (int i = 0; i < count; i++)
            {
                int b = bytes[offset + i];
                chars[2 * i] = digits[b >> 4];
                chars[2 * i + 1] = digits[b & 0xF];
            }
            return new string(chars);
        }

        private static void Transform(uint[] state, uint[] m)
        {
            uint a = state[0], b = state[1], c = state[2], d = state[3];
            for (int i = 0; i < 64; i++)
            {
                uint f;
                int g;
                if (i < 16) { f = (b & c) | (~b & d); g = i; }
                else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
                else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
                else { f = c ^ (b | ~d); g = (7 * i) & 15; }
                uint sum = a + f + Sines[i] + m[g];
                int s = Shifts[i];
                a = d;
                d = c;
                c = b;
                b = b + ((sum << s) | (sum >> (32 - s)));
            }
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
        }

        private static void LoadWords(byte[] data, int offset, uint[] words)
        {
            for (int i = 0; i < 16; i++)
                words[i] = LittleEndian.ReadUInt32(data, offset + 4 * i);
        }
    }
}
