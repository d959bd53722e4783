#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Config;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.OtaData;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>
    /// A blank 16 MB simulated flash with an OVMS partition table, and the config objects over it as firmware makes
    /// them at boot (table read from 0x8000, region = the last two sectors of store). Each call makes new objects:
    /// a "reboot" is just calling again on the same flash.
    /// </summary>
    public static class ConfigFlash
    {
        public static SimulatedFlash New(uint seed)
        {
            return OtaDataVectors.FlashWithTable(false, seed);
        }

        public static ConfigRegion Region(IFlash flash)
        {
            return ConfigRegion.InStore(flash, PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset));
        }

        public static ConfigStore Store(IFlash flash)
        {
            return new ConfigStore(Region(flash));
        }

        public static ConfigCommand Command(IFlash flash)
        {
            return new ConfigCommand(Store(flash));
        }

        /// <summary>Runs "config ..." lines separated by ';' on store, asserting each is accepted.</summary>
        public static void Apply(ConfigStore store, string commands)
        {
            if (commands.Length == 0)
                return;
            var command = new ConfigCommand(store);
            foreach (string line in commands.Split(new char[] { ';' }))
            {
                string output = command.ExecuteLine("config " + line);
                Assert.IsTrue(output.IndexOf("Error") < 0, "config " + line + ": " + output);
            }
        }

        /// <summary>Overwrites the region's sectors with pseudo-random bytes (foreign data or a torn erase).</summary>
        public static void Garble(SimulatedFlash flash, ConfigRegion region, int copy, uint seed)
        {
            var random = new XorShift32(seed);
            var data = new byte[region.CopySize];
            random.Fill(data, 0, data.Length);
            int address = region.CopyAddress(copy);
            flash.EraseSector(address);
            flash.Write(address, data, 0, data.Length);
        }
    }
}
