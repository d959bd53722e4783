#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>The word-at-a-time fold equals the plain byte XOR for every offset, length and split.</summary>
    [TestClass]
    public class ChecksumFoldTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(5)]
        public void FoldEqualsByteXorAtEveryLength(int offset)
        {
            byte[] data = Pattern(300);
            ManagedChecksumFold fold = new ManagedChecksumFold();
            for (int count = 0; count + offset <= 100; count++)
                Assert.AreEqual(ByteXor(0xEF, data, offset, count), fold.Fold(0xEF, data, offset, count), "count " + count.ToString());
            Assert.AreEqual(ByteXor(0x12, data, offset, 300 - offset), fold.Fold(0x12, data, offset, 300 - offset));
        }

        [TestMethod]
        public void FoldsChainAcrossBlocks()
        {
            byte[] data = Pattern(1000);
            ManagedChecksumFold fold = new ManagedChecksumFold();
            byte expected = ByteXor(ImageFormat.ChecksumSeed, data, 0, data.Length);
            byte chained = ImageFormat.ChecksumSeed;
            for (int offset = 0; offset < data.Length; offset += 13)
                chained = fold.Fold(chained, data, offset, data.Length - offset < 13 ? data.Length - offset : 13);
            Assert.AreEqual(expected, chained);
        }

        static byte ByteXor(byte seed, byte[] data, int offset, int count)
        {
            byte x = seed;
            for (int i = offset; i < offset + count; i++)
                x ^= data[i];
            return x;
        }

        static byte[] Pattern(int length)
        {
            byte[] data = new byte[length];
            uint state = 0x12345678;
            for (int i = 0; i < length; i++)
            {
                state = state * 1103515245 + 12345;
                data[i] = (byte)(state >> 16);
            }
            return data;
        }
    }
}
