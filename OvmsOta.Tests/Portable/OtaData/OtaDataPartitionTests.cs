#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Portable.OtaData
{
    [TestClass]
    public class OtaDataPartitionTests
    {
        private static OtaDataPartition OtaDataOn(SimulatedFlash flash)
        {
            return new OtaDataPartition(flash, PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset).OtaData);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void SwitchingFromBlankToOta0ThenOta1MakesTheVectors(bool rollback)
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            uint state = rollback ? OtaState.New : OtaState.Undefined;
            otadata.SetBootSlot(0, 2, state);
            byte[] afterOta0 = OtaDataVectors.Image(rollback ? OtaDataVectors.Seq1New : OtaDataVectors.Seq1, OtaDataVectors.Blank);
            TestBytes.AssertEqual(afterOta0, OtaDataVectors.ReadOtaData(flash), "after set ota_0");
            otadata.SetBootSlot(1, 2, state);
            byte[] afterOta1 = OtaDataVectors.Image(rollback ? OtaDataVectors.Seq1New : OtaDataVectors.Seq1, rollback ? OtaDataVectors.Seq2New : OtaDataVectors.Seq2);
            TestBytes.AssertEqual(afterOta1, OtaDataVectors.ReadOtaData(flash), "after set ota_1");
        }

        [TestMethod]
        public void ASwitchErasesAndWritesOnlyTheOtherSector()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            FlashOpCounts entry0 = flash.Counters.AddRange("entry0", 0xd000, 0x1000);
            FlashOpCounts entry1 = flash.Counters.AddRange("entry1", 0xe000, 0x1000);
            OtaDataPartition otadata = OtaDataOn(flash);
            otadata.SetBootSlot(0, 2, OtaState.Undefined);
            Assert.AreEqual(2, entry0.Changes);
            Assert.AreEqual(0, entry1.Changes);
            otadata.SetBootSlot(1, 2, OtaState.Undefined);
            Assert.AreEqual(2, entry0.Changes);
            Assert.AreEqual(1, entry1.SectorErases);
            Assert.AreEqual(1, entry1.Writes);
            Assert.AreEqual(32L, entry1.WriteBytes);
        }

        [TestMethod]
        public void TheWorkedSequenceAlternatesSectorsWithSeq1To5()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            for (int step = 0; step < 5; step++)
            {
                int slot = step % 2;
                otadata.SetBootSlot(slot, 2, OtaState.Undefined);
                int active = otadata.ActiveEntry();
                Assert.AreEqual(slot, active, "step " + step.ToString());
                Assert.AreEqual((uint)(step + 1), otadata.ReadEntry(active).Seq);
                Assert.AreEqual(slot, otadata.BootSlot(2, false));
            }
        }

        [TestMethod]
        public void SwitchingToTheCurrentSlotWritesTheSameSeqIntoTheOtherSector()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            otadata.SetBootSlot(0, 2, OtaState.Undefined);
            otadata.SetBootSlot(0, 2, OtaState.Undefined);
            Assert.AreEqual(1u, otadata.ReadEntry(0).Seq);
            Assert.AreEqual(1u, otadata.ReadEntry(1).Seq);
            Assert.AreEqual(0, otadata.BootSlot(2, false));
        }

        [TestMethod]
        public void TheLabelOfTheTargetSectorIsKept()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            byte[] labelled = TestBytes.FromHex(OtaDataVectors.Seq1);
            labelled[0] = 0xFF; labelled[1] = 0xFF; labelled[2] = 0xFF; labelled[3] = 0xFF; // blank seq, label "AB"
            labelled[4] = 0x41; labelled[5] = 0x42;
            flash.Write(0xd000, labelled, 0, 32);
            OtaDataPartition otadata = OtaDataOn(flash);
            otadata.SetBootSlot(1, 2, OtaState.Undefined);
            OtaEntry entry = otadata.ReadEntry(0);
            Assert.AreEqual(2u, entry.Seq);
            Assert.AreEqual((byte)0x41, entry.Label[0]);
            Assert.AreEqual((byte)0x42, entry.Label[1]);
        }

        [TestMethod]
        public void SetActiveStateRewritesTheActiveSectorOnlyWhenTheStateChanges()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            otadata.SetBootSlot(0, 2, OtaState.New);
            otadata.SetBootSlot(1, 2, OtaState.New);
            flash.Counters.Clear();
            Assert.IsTrue(otadata.SetActiveState(OtaState.Valid));
            Assert.AreEqual(2, flash.Counters.Total.Changes);
            OtaEntry entry = otadata.ReadEntry(1);
            Assert.AreEqual(2u, entry.Seq);
            Assert.AreEqual(OtaState.Valid, entry.State);
            Assert.IsFalse(otadata.SetActiveState(OtaState.Valid));
            Assert.AreEqual(2, flash.Counters.Total.Changes);
            Assert.IsTrue(otadata.SetActiveState(OtaState.Invalid));
            Assert.AreEqual(0, otadata.ActiveEntry());
            Assert.AreEqual(0, otadata.BootSlot(2, false));
        }

        [TestMethod]
        public void BadRequestsThrowAndWriteNothing()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => otadata.SetBootSlot(2, 2, OtaState.Undefined));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => otadata.SetBootSlot(-1, 2, OtaState.Undefined));
            Expect.Contains("no valid otadata entry", Expect.Throws(typeof(InvalidOperationException), () => otadata.SetActiveState(OtaState.Valid)).Message);
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => otadata.ReadEntry(2));
            var small = new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, 0xd000, 0x1000, 0);
            Expect.Contains("ota_info partition size 4096 is too small (minimum 8192 bytes)",
                Expect.Throws(typeof(ArgumentException), () => new OtaDataPartition(flash, small)).Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void EraseAllLeavesBlankOtaData()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(true, 1);
            OtaDataPartition otadata = OtaDataOn(flash);
            otadata.SetBootSlot(0, 2, OtaState.Undefined);
            otadata.SetBootSlot(1, 2, OtaState.Undefined);
            otadata.EraseAll();
            TestBytes.AssertEqual(TestBytes.Filled(0x2000, 0xFF), OtaDataVectors.ReadOtaData(flash), "otadata");
            Assert.AreEqual(OtaSelection.FactorySlot, otadata.BootSlot(2, true));
        }
    }
}
