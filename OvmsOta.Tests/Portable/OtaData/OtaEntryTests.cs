#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.OtaData
{
    [TestClass]
    public class OtaEntryTests
    {
        // Reference esp-idf.md section 3: esp_rom_crc32_le(0xFFFFFFFF, &seq, 4), not the standard CRC-32.
        [TestMethod]
        [DataRow(1u, 0x4743989Au)]
        [DataRow(2u, 0x55F63774u)]
        [DataRow(3u, 0xED4A5011u)]
        [DataRow(4u, 0x709D68A8u)]
        [DataRow(5u, 0xC8210FCDu)]
        [DataRow(6u, 0xDA94A023u)]
        public void TheCrcIsTheRomCrcOfTheSequence(uint seq, uint crc)
        {
            Assert.AreEqual(crc, OtaCrc.OfSeq(seq));
            Assert.AreNotEqual(0x99F8B879u, OtaCrc.OfSeq(1));
        }

        [TestMethod]
        [DataRow(OtaDataVectors.Seq1, 1u, 0xFFFFFFFFu)]
        [DataRow(OtaDataVectors.Seq2New, 2u, 0u)]
        [DataRow(OtaDataVectors.Seq1Valid, 1u, 2u)]
        public void EntriesReadAndWriteAsEspOtaSelectEntry(string hex, uint seq, uint state)
        {
            byte[] bytes = TestBytes.FromHex(hex);
            OtaEntry entry = OtaEntry.Read(bytes, 0);
            Assert.AreEqual(seq, entry.Seq);
            Assert.AreEqual(state, entry.State);
            Assert.IsTrue(entry.HasValidCrc);
            TestBytes.AssertEqual(bytes, entry.ToBytes(), "written back");
            TestBytes.AssertEqual(bytes, OtaEntry.Create(seq, state, null).ToBytes(), "made");
        }

        [TestMethod]
        public void TheBootloadersInitialEntryIsSeq1Valid()
        {
            TestBytes.AssertEqual(TestBytes.FromHex(OtaDataVectors.Seq1Valid), OtaEntry.Create(1, OtaState.Valid, null).ToBytes(), "initial entry");
        }

        [TestMethod]
        public void LabelBytesAreKeptAsRead()
        {
            byte[] bytes = TestBytes.FromHex(OtaDataVectors.Seq1);
            bytes[5] = 0x41;
            OtaEntry entry = OtaEntry.Read(bytes, 0).WithState(OtaState.Valid);
            Assert.AreEqual((byte)0x41, entry.Label[1]);
            Assert.AreEqual((byte)0x41, entry.ToBytes()[5]);
            Assert.IsTrue(entry.HasValidCrc);
        }

        [TestMethod]
        [DataRow(0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, "blank")]
        [DataRow(1u, OtaState.Valid, 0x4743989Au, "seq 1, state VALID, crc 0x4743989a")]
        [DataRow(1u, OtaState.Valid, 0xFFFFFFFFu, "seq 1, state VALID, crc 0xffffffff (bad, expected 0x4743989a)")]
        [DataRow(0xFFFFFFFFu, OtaState.Valid, 0xFFFFFFFFu, "seq 4294967295, state VALID, crc 0xffffffff (bad, expected 0x2144df1c)")]
        [DataRow(2u, 7u, 0x55F63774u, "seq 2, state 0x00000007, crc 0x55f63774")]
        public void AnEntryDescribesItselfWithItsCrcCheckedAndOnlyAnErasedOneIsBlank(uint seq, uint state, uint crc, string text)
        {
            byte[] bytes = OtaEntry.Create(seq, state, null).ToBytes();
            LittleEndian.WriteUInt32(bytes, 28, crc);

            Assert.AreEqual(text, OtaEntry.Read(bytes, 0).ToString());
        }

        [TestMethod]
        public void StateNamesAreEspIdfs()
        {
            Assert.AreEqual("NEW", OtaState.Name(OtaState.New));
            Assert.AreEqual("PENDING_VERIFY", OtaState.Name(OtaState.PendingVerify));
            Assert.AreEqual("VALID", OtaState.Name(OtaState.Valid));
            Assert.AreEqual("INVALID", OtaState.Name(OtaState.Invalid));
            Assert.AreEqual("ABORTED", OtaState.Name(OtaState.Aborted));
            Assert.AreEqual("UNDEFINED", OtaState.Name(OtaState.Undefined));
        }
    }
}
