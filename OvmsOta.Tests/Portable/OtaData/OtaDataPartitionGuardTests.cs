#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Update;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>
    /// What the otadata partition refuses (a missing flash or partition, one too small or off a sector boundary, an
    /// entry index other than 0 and 1, a slot the table lacks), each with a message that names the problem, and the
    /// order EraseAll erases in: the active entry's sector last, so a cut in between leaves the old selection.
    /// </summary>
    [TestClass]
    public class OtaDataPartitionGuardTests
    {
        private static PartitionEntry OtaDataAt(int offset, int size)
        {
            return new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, offset, size, 0);
        }

        [TestMethod]
        public void TheConstructorNamesAMissingFlashOrPartition()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);

            var noFlash = (ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), () => new OtaDataPartition(null, OtaDataAt(0xd000, 0x2000)));
            var noPartition = (ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), () => new OtaDataPartition(flash, null));

            Assert.AreEqual("flash", noFlash.ParamName);
            Assert.AreEqual("otadata", noPartition.ParamName);
            Expect.Contains("the partition table has no otadata (data/ota) partition", noPartition.Message);
        }

        [TestMethod]
        public void APartitionOfTwoSectorsOnASectorBoundaryIsTheSmallestAccepted()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);

            Expect.Contains("ota_info partition size 8191 is too small (minimum 8192 bytes)",
                Expect.Throws(typeof(ArgumentException), () => new OtaDataPartition(flash, OtaDataAt(0xd000, 0x1FFF))).Message);
            Expect.Contains("otadata at 0xd800 is not aligned to 0x1000",
                Expect.Throws(typeof(ArgumentException), () => new OtaDataPartition(flash, OtaDataAt(0xd800, 0x2000))).Message);
            Assert.AreEqual(0xd000, new OtaDataPartition(flash, OtaDataAt(0xd000, 0x2000)).Offset);
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(2)]
        public void OnlyEntriesZeroAndOneExist(int index)
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            var otadata = new OtaDataPartition(flash, OtaDataAt(0xd000, 0x2000));

            Exception read = Expect.Throws(typeof(ArgumentOutOfRangeException), () => otadata.ReadEntry(index));
            Exception write = Expect.Throws(typeof(ArgumentOutOfRangeException),
                () => otadata.WriteEntry(index, OtaEntry.Create(1, OtaState.Valid, null)));

            Assert.AreEqual("index", ((ArgumentOutOfRangeException)read).ParamName);
            Expect.Contains("otadata has entries 0 and 1, not " + index.ToString(), read.Message);
            Expect.Contains("otadata has entries 0 and 1, not " + index.ToString(), write.Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ASwitchToASlotTheTableLacksSaysHowManyItHas()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            var otadata = new OtaDataPartition(flash, OtaDataAt(0xd000, 0x2000));

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => otadata.SeqForSwitch(2, 2));

            Assert.AreEqual("slot", ((ArgumentOutOfRangeException)e).ParamName);
            Expect.Contains("OTA slot 2 does not exist: the table has 2 OTA slots", e.Message);
            Assert.AreEqual(2u, otadata.SeqForSwitch(1, 2), "from blank otadata, seq = slot + 1");
        }

        [TestMethod]
        public void ASwitchWithALabelWritesThatLabelInsteadOfKeepingTheSectors()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            var otadata = new OtaDataPartition(flash, OtaDataAt(0xd000, 0x2000));
            otadata.SetBootSlot(0, 2, OtaState.Undefined);
            byte[] label = TrialMark.FromLabel(0, otadata.SeqForSwitch(1, 2), 0);

            otadata.SetBootSlot(1, 2, OtaState.New, label);

            OtaEntry entry = otadata.ReadEntry(1);
            Assert.AreEqual(2u, entry.Seq);
            CollectionAssert.AreEqual(label, entry.Label);
            Assert.AreEqual(TrialMark.From, TrialMark.Read(entry).Kind);
        }

        [TestMethod]
        public void SetActiveStateRewritesEntryZeroWhenItIsTheActiveOne()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            var otadata = new OtaDataPartition(flash, OtaDataAt(0xd000, 0x2000));
            otadata.SetBootSlot(1, 2, OtaState.New);

            Assert.IsTrue(otadata.SetActiveState(OtaState.Valid));

            OtaEntry entry = otadata.ReadEntry(0);
            Assert.AreEqual(2u, entry.Seq);
            Assert.AreEqual(OtaState.Valid, entry.State);
            Assert.AreEqual(OtaEntry.BlankSeq, otadata.ReadEntry(1).Seq);
        }

        [TestMethod]
        [DataRow(-1, "Sd000 Sf000 Se000")]
        [DataRow(0, "Se000 Sf000 Sd000")]
        [DataRow(1, "Sd000 Sf000 Se000")]
        public void EraseAllErasesEverySectorOnceAndTheActiveOneLast(int active, string erases)
        {
            // A three-sector otadata: the loop covers the whole partition, not just the two entries; with no active
            // entry sector 1 goes last.
            var recording = new RecordingFlash(OtaDataVectors.FlashWithTable(false, 1));
            var otadata = new OtaDataPartition(recording, OtaDataAt(0xd000, 0x3000));
            if (active >= 0)
                otadata.WriteEntry(active, OtaEntry.Create(1, OtaState.Valid, null));
            recording.Count = 0;

            otadata.EraseAll();

            string order = "";
            for (int i = 0; i < recording.Count; i++)
                order += (i == 0 ? "" : " ") + recording.Kinds[i].ToString() + recording.Addresses[i].ToString("x");
            Assert.AreEqual(erases, order);
            Assert.AreEqual(OtaSelection.NoEntry, otadata.ActiveEntry());
        }
    }
}
