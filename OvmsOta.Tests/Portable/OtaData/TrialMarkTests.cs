#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.OtaData;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>
    /// The commit watchdog's marks in an otadata label, byte for byte, and when one counts: only the three kinds, only
    /// with "OVOT", a good CRC and the seq it was written for (a label ESP-IDF carried into a later entry is stale).
    /// </summary>
    [TestClass]
    public class TrialMarkTests
    {
        [TestMethod]
        public void AMarkIsOvotKindSlotTrialSeqAndSelfSeqWithTheRestErased()
        {
            byte[] label = TrialMark.Label(TrialMark.Armed, 1, 0x01020304, 0x0A0B0C0D);

            Assert.AreEqual(OtaEntry.LabelSize, label.Length);
            Assert.AreEqual("4f564f54" + "41" + "01" + "04030201" + "0d0c0b0a" + "ffffffffffff", OvmsOta.Image.Hex.Digest(label, 0, label.Length));
        }

        [TestMethod]
        [DataRow(0, 0xFFFFFFFFu)]
        [DataRow(-5, 0xFFFFFFFFu)]
        [DataRow(1, 1u)]
        [DataRow(3600, 3600u)]
        public void AnUpdatersMarkCarriesACommitTimeoutOnlyWhenOneWasAskedFor(int seconds, uint stored)
        {
            byte[] label = TrialMark.FromLabel(OtaSelection.FactorySlot, 7, seconds);

            Assert.AreEqual(stored, LittleEndian.ReadUInt32(label, 14));
            TrialMark mark = TrialMark.Read(OtaEntry.Create(7, OtaState.New, label));
            Assert.AreEqual(TrialMark.From, mark.Kind);
            Assert.AreEqual(OtaSelection.FactorySlot, mark.TrialSlot, "slot byte 0xFF reads as factory");
            Assert.AreEqual(7u, mark.TrialSeq);
            Assert.AreEqual(seconds > 0 ? seconds : 0, mark.CommitTimeoutSeconds);
        }

        [TestMethod]
        [DataRow(2147483u, 2147483)]
        [DataRow(2147484u, 0)]
        [DataRow(0xFFFFFFFEu, 0)]
        public void ACommitTimeoutThatWouldOverflowMillisecondsCountsAsNone(uint stored, int seconds)
        {
            byte[] label = TrialMark.FromLabel(0, 3, 1);
            LittleEndian.WriteUInt32(label, 14, stored);

            Assert.AreEqual(seconds, TrialMark.Read(OtaEntry.Create(3, OtaState.New, label)).CommitTimeoutSeconds);
        }

        [TestMethod]
        [DataRow(0x41)] // 'A'
        [DataRow(0x52)] // 'R'
        public void OnlyTheUpdatersMarkCarriesACommitTimeout(int kind)
        {
            byte[] label = TrialMark.Label((byte)kind, 0, 3, 3);
            LittleEndian.WriteUInt32(label, 14, 60);

            TrialMark mark = TrialMark.Read(OtaEntry.Create(3, OtaState.Valid, label));

            Assert.AreEqual((byte)kind, mark.Kind);
            Assert.AreEqual(0, mark.CommitTimeoutSeconds);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void ALabelWithoutTheFullMagicIsNoMark(int index)
        {
            byte[] label = TrialMark.Label(TrialMark.Armed, 0, 3, 3);
            label[index] ^= 0x20;

            Assert.IsNull(TrialMark.Read(OtaEntry.Create(3, OtaState.Valid, label)));
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x42)]
        [DataRow(0xFF)]
        public void AnUnknownKindIsNoMark(int kind)
        {
            Assert.IsNull(TrialMark.Read(OtaEntry.Create(3, OtaState.Valid, TrialMark.Label((byte)kind, 0, 3, 3))));
        }

        [TestMethod]
        public void AMarkCountsOnlyOnAGoodEntryWithTheSeqItWasWrittenFor()
        {
            byte[] label = TrialMark.Label(TrialMark.RolledBack, 1, 2, 3);

            Assert.IsNotNull(TrialMark.Read(OtaEntry.Create(3, OtaState.Aborted, label)));
            Assert.IsNull(TrialMark.Read(OtaEntry.Create(4, OtaState.Aborted, label)), "carried into a later entry");
            Assert.IsNull(TrialMark.Read(OtaEntry.Read(BadCrc(OtaEntry.Create(3, OtaState.Aborted, label)), 0)), "bad CRC");
            byte[] blankLabel = TrialMark.Label(TrialMark.RolledBack, 1, 2, OtaEntry.BlankSeq);
            Assert.IsNull(TrialMark.Read(OtaEntry.Create(OtaEntry.BlankSeq, OtaState.Aborted, blankLabel)), "blank seq, even with its CRC");
        }

        [TestMethod]
        public void MarksMatchesKindSlotAndTrialSeq()
        {
            OtaEntry entry = OtaEntry.Create(5, OtaState.Aborted, TrialMark.Label(TrialMark.RolledBack, 1, 4, 5));

            Assert.IsTrue(TrialMark.Marks(entry, TrialMark.RolledBack, 1, 4));
            Assert.IsFalse(TrialMark.Marks(entry, TrialMark.Armed, 1, 4), "kind");
            Assert.IsFalse(TrialMark.Marks(entry, TrialMark.RolledBack, 0, 4), "slot");
            Assert.IsFalse(TrialMark.Marks(entry, TrialMark.RolledBack, 1, 5), "trial seq");
            Assert.IsFalse(TrialMark.Marks(OtaEntry.Create(5, OtaState.Aborted, null), TrialMark.RolledBack, 1, 4), "no mark");
        }

        private static byte[] BadCrc(OtaEntry entry)
        {
            byte[] bytes = entry.ToBytes();
            bytes[28] ^= 1;
            return bytes;
        }
    }
}
