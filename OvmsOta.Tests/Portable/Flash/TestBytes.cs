#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace OvmsOta.Tests.Portable.Flash
{
    /// <summary>Byte helpers for portable tests (test data is built in code: nanoCLR tests read no files).</summary>
    public static class TestBytes
    {
        public static byte[] FromHex(string hex)
        {
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            return bytes;
        }

        /// <summary>Bytes that repeat only every 251, so a shifted or dropped byte shows.</summary>
        public static byte[] Pattern(int length)
        {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
                bytes[i] = (byte)(i % 251);
            return bytes;
        }

        public static byte[] Filled(int count, byte value)
        {
            var bytes = new byte[count];
            for (int i = 0; i < count; i++)
                bytes[i] = value;
            return bytes;
        }

        /// <summary>expected padded with 0xFF to length, for images whose tail is erased.</summary>
        public static byte[] PaddedErased(byte[] expected, int length)
        {
            byte[] bytes = Filled(length, 0xFF);
            Array.Copy(expected, bytes, expected.Length);
            return bytes;
        }

        public static void AssertEqual(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(expected.Length, actual.Length, what + ": length");
            for (int i = 0; i < expected.Length; i++)
                if (expected[i] != actual[i])
                    Assert.AreEqual(expected[i], actual[i], what + ": byte at offset 0x" + i.ToString("x"));
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }
    }
}
