using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Host.Partitions;
using OvmsOta.Tests.Portable.Config;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Config;

/// <summary>The config region in the project's partition CSVs, and the power-cut sweep with its figures printed.</summary>
[TestClass]
public class ConfigHostTests
{
    [TestMethod]
    [DataRow("ovms-v3-35.csv", 0xffe000)]
    [DataRow("ovms-v3-30-factory.csv", 0xd0e000)]
    [DataRow("ovmsota-device16M.csv", 0xffe000)]
    public void TheRegionInEveryProjectLayoutIsInsideStoreAndClearOfAppSlotsAndOtadata(string csv, int expected)
    {
        PartitionTable table = PartitionCsv.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PartitionsFolder, csv)), FlashGeometry.DeviceSize);
        ConfigRegion region = ConfigRegion.InStore(new SimulatedFlash(FlashGeometry.DeviceSize), table);
        Assert.AreEqual(expected, region.Address);
        ConfigRegionLayoutTests.AssertInsideStoreAndClear(table, region);
        Console.WriteLine($"{csv}: store 0x{table.Store.Offset:x}-0x{table.Store.End:x}, config copies at 0x{region.CopyAddress(0):x} and 0x{region.CopyAddress(1):x}");
    }

    private const uint TornSeeds = 64;   // more torn variants than the portable run affords on nanoCLR

    [TestMethod]
    public void PowerCutSweepReport()
    {
        var cases = new (string Before, string Instance, string Value)[]
        {
            ("", "auto.hour", "5"),
            ("set ota auto.hour 5", "auto.hour", "7"),
            ("set ota auto.hour 5;set ota auto.hour 7", "auto.hour", "9"),
            ("set ota tag eap;set ota server https://ovms.dexters-web.de/firmware/ota", "tag", ""),
            ("set ota tag eap", "http.mru", "http://example.org/firmware/ota/v3.3/edge/" + new string('x', 3000)),
        };
        int total = 0;
        foreach (var c in cases)
        {
            int operations = ConfigPowerCutTests.Measure(c.Before, c.Instance, c.Value);
            int tried = ConfigPowerCutTests.Sweep(c.Before, c.Instance, c.Value, TornSeeds);
            total += tried;
            string change = c.Value.Length == 0 ? "rm ota " + c.Instance : "set ota " + c.Instance + " (" + c.Value.Length + " chars)";
            Console.WriteLine($"config {change} after [{c.Before}]: {operations} flash operations, {tried} cut points tried ({TornSeeds} torn seeds), all read the old or the new value");
        }
        Console.WriteLine($"config power-cut sweep: {total} cut points tried");
        Assert.AreEqual(cases.Length * 2 * (2 + (int)TornSeeds), total);
    }

    [TestMethod]
    public void ChangesFromSeveralThreadsAreSerialisedAndNoneIsLost()
    {
        SimulatedFlash flash = ConfigFlash.New(1);
        ConfigStore store = ConfigFlash.Store(flash);
        var hours = new System.Threading.Thread(() => { for (int i = 0; i < 200; i++) store.Set("ota", "auto.hour", (i % 24).ToString()); });
        var mru = new System.Threading.Thread(() => { for (int i = 0; i < 200; i++) store.Set("ota", "vfs.mru", "/sd/fw" + i + ".bin"); });
        hours.Start();
        mru.Start();
        hours.Join();
        mru.Join();
        var rebooted = new OtaConfig(ConfigFlash.Store(flash));
        Assert.AreEqual(199 % 24, rebooted.AutoHour);
        Assert.AreEqual("/sd/fw199.bin", rebooted.VfsMru);
    }
}
