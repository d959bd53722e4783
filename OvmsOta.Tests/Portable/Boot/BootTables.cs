#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>Partition tables built in code for the boot tests: OVMS v3-35 (ota_0, ota_1) and v3-30 (factory, ota_0, ota_1).</summary>
    public static class BootTables
    {
        public const int OtaDataOffset = 0xd000;

        public static PartitionTable Make(bool factory, bool test)
        {
            var entries = new System.Collections.ArrayList();
            entries.Add(new PartitionEntry("nvs", PartitionTypes.Data, PartitionTypes.DataNvs, 0x9000, 0x4000, 0));
            entries.Add(new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, OtaDataOffset, 0x2000, 0));
            entries.Add(new PartitionEntry("phy_init", PartitionTypes.Data, PartitionTypes.DataPhy, 0xf000, 0x1000, 0));
            int next = 0x10000;
            if (factory)
            {
                entries.Add(new PartitionEntry("factory", PartitionTypes.App, PartitionTypes.AppFactory, next, 0x400000, 0));
                next += 0x400000;
            }
            entries.Add(new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, next, 0x400000, 0));
            entries.Add(new PartitionEntry("ota_1", PartitionTypes.App, PartitionTypes.AppOtaMin + 1, next + 0x400000, 0x400000, 0));
            if (test)
                entries.Add(new PartitionEntry("test", PartitionTypes.App, PartitionTypes.AppTest, next + 0x800000, 0x100000, 0));
            return new PartitionTable((PartitionEntry[])entries.ToArray(typeof(PartitionEntry)));
        }

        /// <summary>A 64 KB flash: enough for otadata at 0xd000 when images are not read from flash.</summary>
        public static SimulatedFlash SmallFlash()
        {
            return new SimulatedFlash(0x10000);
        }
    }
}
