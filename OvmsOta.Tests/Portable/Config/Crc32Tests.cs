#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Flash;
using OvmsOta.OtaData;

namespace OvmsOta.Tests.Portable.Config
{
    [TestClass]
    public class Crc32Tests
    {
        // Known answers of the standard CRC-32 (zlib.crc32).
        [TestMethod]
        [DataRow("", 0x00000000u)]
        [DataRow("123456789", 0xCBF43926u)]
        [DataRow("a", 0xE8B7BE43u)]
        [DataRow("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void TheStandardCrcMatchesKnownAnswers(string text, uint expected)
        {
            byte[] data = Encoding.UTF8.GetBytes(text);
            Assert.AreEqual(expected, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void FeedingInPiecesEqualsFeedingAtOnce()
        {
            byte[] data = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
            uint register = Crc32.Update(Crc32.StandardInit, data, 0, 10);
            register = Crc32.Update(register, data, 10, data.Length - 10);
            Assert.AreEqual(Crc32.Compute(data, 0, data.Length), ~register);
        }

        // One table serves the otadata CRC too: the ROM CRC of le32(seq) is the register started at 0, inverted.
        [TestMethod]
        [DataRow(1u)]
        [DataRow(2u)]
        [DataRow(3u)]
        [DataRow(0x12345678u)]
        [DataRow(0xFFFFFFFEu)]
        public void TheOtadataCrcIsTheSameTableWithARegisterStartingAtZero(uint seq)
        {
            var bytes = new byte[4];
            LittleEndian.WriteUInt32(bytes, 0, seq);
            Assert.AreEqual(OtaCrc.OfSeq(seq), ~Crc32.Update(0, bytes, 0, 4));
        }

        [TestMethod]
        public void TheOtadataVectorCrcComesOutOfTheSharedTable()
        {
            // Seq1 vector: CRC bytes 9a 98 43 47 = 0x4743989A.
            var bytes = new byte[] { 1, 0, 0, 0 };
            Assert.AreEqual(0x4743989Au, ~Crc32.Update(0, bytes, 0, 4));
        }
    }
}
