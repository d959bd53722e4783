#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.OtaData
{
    [TestClass]
    public class BootSlotsTests
    {
        private static BootSlots SlotsOn(SimulatedFlash flash)
        {
            return new BootSlots(flash, PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset));
        }

        [TestMethod]
        public void OtaBootPrintsOvmsTextsAndSwitches()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            BootSlots slots = SlotsOn(flash);
            Assert.AreEqual("ota_0", slots.BootPartition().Label);
            Assert.AreEqual("Boot from ota_1 at 0x00710000 (size 0x00700000)", slots.Boot("ota_1", new FakeImageCheck(null)));
            Assert.AreEqual("ota_1", slots.BootPartition().Label);
            Assert.AreEqual("Boot from ota_0 at 0x00010000 (size 0x00700000)", slots.Boot("ota_0", new FakeImageCheck(null)));
            Assert.AreEqual("ota_0", slots.BootPartition().Label);
        }

        [TestMethod]
        public void OtaBootRefusesAnInvalidImageAndWritesNothing()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            BootSlots slots = SlotsOn(flash);
            Assert.AreEqual("Error: partition contained invalid app image, or signature validation failed", slots.Boot("ota_1", new FakeImageCheck("ota_1")));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
            Assert.AreEqual("ota_0", slots.BootPartition().Label);
        }

        [TestMethod]
        public void OtaBootOfAMissingPartitionPrintsNothingAndWritesNothing()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            BootSlots slots = SlotsOn(flash);
            Assert.IsNull(slots.Boot("factory", new FakeImageCheck(null)));
            Assert.IsNull(slots.Boot("ota_2", new FakeImageCheck(null)));
            Assert.IsNull(slots.Boot("nvs", new FakeImageCheck(null)));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void OtaBootFactoryErasesOtaData()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(true, 1);
            BootSlots slots = SlotsOn(flash);
            Assert.AreEqual("factory", slots.BootPartition().Label);
            Assert.AreEqual("Boot from ota_0 at 0x00410000 (size 0x00400000)", slots.Boot("ota_0", new FakeImageCheck(null)));
            Assert.AreEqual("ota_0", slots.BootPartition().Label);
            flash.Counters.Clear();
            Assert.AreEqual("Boot from factory at 0x00010000 (size 0x00400000)", slots.Boot("factory", new FakeImageCheck(null)));
            Assert.AreEqual(2, flash.Counters.Total.SectorErases);
            Assert.AreEqual(0, flash.Counters.Total.Writes);
            Assert.AreEqual("factory", slots.BootPartition().Label);
        }

        [TestMethod]
        public void SetBootPartitionReportsEspErrorsBeforeAnyChange()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            BootSlots slots = SlotsOn(flash);
            var images = new FakeImageCheck(null);
            Assert.AreEqual(EspError.InvalidArg, slots.SetBootPartition(slots.Table.Find("nvs"), images, false));
            Assert.AreEqual(EspError.InvalidArg, slots.SetBootPartition(null, images, false));
            var noOtaData = new BootSlots(flash, new PartitionTable(new PartitionEntry[] { slots.Table.OtaSlot(0), slots.Table.OtaSlot(1) }));
            Assert.AreEqual(EspError.NotFound, noOtaData.SetBootPartition(slots.Table.OtaSlot(1), images, false));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
            Assert.AreEqual("Error: partition argument didn't point to a valid OTA partition of type 'app'", BootSlots.BootText(EspError.InvalidArg, null));
            Assert.AreEqual("Error: OTA partition not found", BootSlots.BootText(EspError.NotFound, null));
            Assert.AreEqual("Error: Flash erase/write failed", BootSlots.BootText(EspError.FlashOpFail, null));
            Assert.AreEqual("Error: cannot set OTA boot partition (error 42)", BootSlots.BootText(42, null));
        }

        [TestMethod]
        public void RollbackOnWritesStateNew()
        {
            SimulatedFlash flash = OtaDataVectors.FlashWithTable(false, 1);
            BootSlots slots = SlotsOn(flash);
            Assert.AreEqual(EspError.Ok, slots.SetBootPartition(slots.Table.OtaSlot(1), new FakeImageCheck(null), true));
            Assert.AreEqual(OtaState.New, slots.OtaData.ReadEntry(0).State);
        }

        [TestMethod]
        [DataRow(true, "factory", "ota_0")]
        [DataRow(true, "ota_0", "ota_1")]
        [DataRow(true, "ota_1", "ota_0")]
        [DataRow(false, "ota_0", "ota_1")]
        [DataRow(false, "ota_1", "ota_0")]
        [DataRow(false, "", "ota_0")]
        public void TheNextUpdateSlotFollowsTheRunningOne(bool factoryLayout, string running, string next)
        {
            BootSlots slots = SlotsOn(OtaDataVectors.FlashWithTable(factoryLayout, 1));
            Assert.AreEqual(next, slots.NextUpdatePartition(slots.Table.Find(running)).Label);
        }
    }
}
