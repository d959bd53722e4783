#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable;

namespace OvmsOta.Tests.Portable.Flash
{
    [TestClass]
    public class SimulatedFlashTests
    {
        private const int Sector = FlashGeometry.SectorSize;

        [TestMethod]
        public void ANewFlashReadsErasedEverywhereAndCostsNoSectors()
        {
            var flash = new SimulatedFlash(FlashGeometry.DeviceSize);
            var buffer = new byte[64];
            flash.Read(FlashGeometry.DeviceSize - 64, buffer, 0, 64);
            TestBytes.AssertEqual(TestBytes.Filled(64, 0xFF), buffer, "last bytes of a new 16 MB flash");
            Assert.AreEqual(FlashGeometry.DeviceSize, flash.Size);
        }

        [TestMethod]
        public void AWriteAcrossASectorBoundaryReadsBack()
        {
            var flash = new SimulatedFlash(4 * Sector);
            byte[] data = { 1, 2, 3, 4, 5, 6 };
            flash.Write(Sector - 3, data, 0, 6);
            var back = new byte[8];
            flash.Read(Sector - 4, back, 0, 8);
            TestBytes.AssertEqual(new byte[] { 0xFF, 1, 2, 3, 4, 5, 6, 0xFF }, back, "read back");
        }

        [TestMethod]
        public void WritingMoreZerosOverWrittenDataIsAllowed()
        {
            var flash = new SimulatedFlash(Sector);
            flash.Write(0, new byte[] { 0x0F }, 0, 1);
            flash.Write(0, new byte[] { 0x0E }, 0, 1);
            var back = new byte[1];
            flash.Read(0, back, 0, 1);
            Assert.AreEqual((byte)0x0E, back[0]);
        }

        [TestMethod]
        public void SettingABitWithoutEraseIsRejectedAndWritesNothing()
        {
            var flash = new SimulatedFlash(2 * Sector);
            flash.Write(Sector + 2, new byte[] { 0x00 }, 0, 1);
            flash.Counters.Clear();
            // The first bytes alone would be fine; the whole write must still be refused.
            Exception e = Expect.Throws(typeof(FlashException), () => flash.Write(Sector, new byte[] { 0x11, 0x22, 0x01 }, 0, 3));
            Expect.Contains("0x1002", e.Message);
            Expect.Contains("holds 0x00", e.Message);
            Expect.Contains("wants 0x01", e.Message);
            var back = new byte[3];
            flash.Read(Sector, back, 0, 3);
            TestBytes.AssertEqual(new byte[] { 0xFF, 0xFF, 0x00 }, back, "after the refused write");
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        [DataRow(0x800, false)]
        [DataRow(0x1000, true)]
        [DataRow(0x1001, false)]
        public void SectorErasesMustBeAligned(int address, bool accepted)
        {
            var flash = new SimulatedFlash(4 * Sector);
            if (accepted)
                flash.EraseSector(address);
            else
                Expect.Contains("not aligned to 0x1000", Expect.Throws(typeof(FlashException), () => flash.EraseSector(address)).Message);
        }

        [TestMethod]
        public void BlockErasesMustBeAlignedTo64K()
        {
            var flash = new SimulatedFlash(2 * FlashGeometry.BlockSize);
            Expect.Contains("not aligned to 0x10000", Expect.Throws(typeof(FlashException), () => flash.EraseBlock(Sector)).Message);
            flash.Write(FlashGeometry.BlockSize + 5 * Sector, new byte[] { 0 }, 0, 1);
            flash.EraseBlock(FlashGeometry.BlockSize);
            var back = new byte[1];
            flash.Read(FlashGeometry.BlockSize + 5 * Sector, back, 0, 1);
            Assert.AreEqual((byte)0xFF, back[0]);
        }

        [TestMethod]
        [DataRow(-1, 1)]
        [DataRow(0x3FFF, 2)]
        [DataRow(0x4000, 1)]
        [DataRow(0, -1)]
        public void AccessOutsideTheDeviceIsRejected(int address, int count)
        {
            var flash = new SimulatedFlash(4 * Sector);
            var buffer = new byte[4];
            Expect.Contains("outside the flash", Expect.Throws(typeof(FlashException), () => flash.Read(address, buffer, 0, count)).Message);
            Expect.Contains("outside the flash", Expect.Throws(typeof(FlashException), () => flash.Write(address, buffer, 0, count)).Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes + flash.Counters.Total.Reads);
        }

        [TestMethod]
        public void EraseOutsideTheDeviceIsRejected()
        {
            var flash = new SimulatedFlash(4 * Sector);
            Expect.Throws(typeof(FlashException), () => flash.EraseSector(4 * Sector));
            Expect.Throws(typeof(FlashException), () => flash.EraseBlock(0));
        }

        [TestMethod]
        public void CountersCountTotalsAndNamedRanges()
        {
            var flash = new SimulatedFlash(32 * Sector);
            FlashOpCounts slot = flash.Counters.AddRange("slot", 0x10000, 0x10000);
            flash.EraseSector(0x0000);
            flash.Write(0x0FFE, new byte[4], 0, 4);           // below the slot
            flash.EraseBlock(0x10000);
            flash.Write(0x10000 - 2, new byte[6], 0, 6);      // overlaps the slot by 4 bytes
            var buffer = new byte[0x100];
            flash.Read(0x10080, buffer, 0, 0x100);
            FlashOpCounts total = flash.Counters.Total;
            Assert.AreEqual(2, total.Writes);
            Assert.AreEqual(10L, total.WriteBytes);
            Assert.AreEqual(1, total.SectorErases);
            Assert.AreEqual(1, total.BlockErases);
            Assert.AreEqual((long)(Sector + FlashGeometry.BlockSize), total.ErasedBytes);
            Assert.AreEqual(1, total.Reads);
            Assert.AreEqual(4, total.Changes);
            Assert.AreEqual(1, slot.Writes);
            Assert.AreEqual(4L, slot.WriteBytes);
            Assert.AreEqual(1, slot.BlockErases);
            Assert.AreEqual(0, slot.SectorErases);
            Assert.AreEqual(0x100L, slot.ReadBytes);
            Assert.IsTrue(flash.Counters.Range("slot") == slot);
            Assert.IsNull(flash.Counters.Range("other"));
            flash.Counters.Clear();
            Assert.AreEqual(0, total.Changes + slot.Changes + total.Reads);
        }
    }
}
