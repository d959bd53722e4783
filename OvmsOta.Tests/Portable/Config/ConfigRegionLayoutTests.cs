#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Partitions;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>Where the config region lands in the OVMS tables: inside store, clear of every app slot and of otadata.</summary>
    [TestClass]
    public class ConfigRegionLayoutTests
    {
        [TestMethod]
        [DataRow(false, 0xffe000)]
        [DataRow(true, 0xd0e000)]
        public void TheRegionIsTheLastTwoSectorsOfStoreAndOverlapsNothingElse(bool factory, int expectedAddress)
        {
            PartitionTable table = PartitionCsv.Parse(factory ? PartitionVectors.FactoryCsv : PartitionVectors.OvmsCsv, FlashGeometry.DeviceSize);
            var flash = new SimulatedFlash(FlashGeometry.DeviceSize);
            ConfigRegion region = ConfigRegion.InStore(flash, table);
            Assert.AreEqual(expectedAddress, region.Address);
            AssertInsideStoreAndClear(table, region);
        }

        /// <summary>Shared with the host test over partitions/*.csv.</summary>
        public static void AssertInsideStoreAndClear(PartitionTable table, ConfigRegion region)
        {
            PartitionEntry store = table.Store;
            Assert.IsNotNull(store);
            int start = region.Address;
            int end = region.Address + region.Size;
            Assert.AreEqual(2 * FlashGeometry.SectorSize, region.Size);
            Assert.IsTrue(start >= store.Offset && end <= store.End, "region 0x" + start.ToString("x") + "-0x" + end.ToString("x") + " not inside " + store.ToString());
            for (int i = 0; i < table.Count; i++)
            {
                PartitionEntry p = table[i];
                if (p == store)
                    continue;
                bool overlaps = start < p.End && p.Offset < end;
                Assert.IsFalse(overlaps, "config region 0x" + start.ToString("x") + "-0x" + end.ToString("x") + " overlaps " + p.ToString());
            }
            // Explicitly: the partitions an update writes.
            Assert.IsNotNull(table.OtaData);
            Assert.IsTrue(end <= table.OtaData.Offset || start >= table.OtaData.End, "overlaps otadata");
            for (int slot = 0; slot < table.OtaSlotCount; slot++)
                Assert.IsTrue(end <= table.OtaSlot(slot).Offset || start >= table.OtaSlot(slot).End, "overlaps ota_" + slot.ToString());
        }

        [TestMethod]
        [DataRow(0x1000, 0x100000)]
        [DataRow(0x2800, 0x100000)]
        [DataRow(0x4000, 0x100800)]
        public void AStoreThatCannotHoldTwoSectorsAtItsEndIsRefused(int size, int offset)
        {
            var store = new PartitionEntry("store", PartitionTypes.Data, PartitionTypes.DataFat, offset, size, 0);

            Exception e = Expect.Throws(typeof(ArgumentException), () => ConfigRegion.DefaultAddress(store));

            Assert.AreEqual("store partition " + store.ToString() + " cannot hold two 4 KB config copies at its end", e.Message);
        }

        [TestMethod]
        public void AStoreOfExactlyTwoSectorsIsAllConfig()
        {
            var store = new PartitionEntry("store", PartitionTypes.Data, PartitionTypes.DataFat, 0x100000, 0x2000, 0);
            Assert.AreEqual(0x100000, ConfigRegion.DefaultAddress(store));
        }

        [TestMethod]
        public void ATableWithoutStoreIsRefusedWithAClearMessage()
        {
            PartitionTable table = PartitionCsv.Parse("otadata, data, ota, 0xd000, 0x2000\nota_0, app, ota_0, 0x10000, 1M\n", FlashGeometry.DeviceSize);
            var flash = new SimulatedFlash(FlashGeometry.DeviceSize);
            Exception e = Expect.Throws(typeof(ArgumentException), () => ConfigRegion.InStore(flash, table));
            Expect.Contains("no store partition", e.Message);
        }
    }
}
