using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;
using OvmsOta.Tests.Host.Partitions;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.OtaData;

[TestClass]
public class OtaDataCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => PartitionsCommandTests.Run(args);

    [TestMethod]
    public void ABareDumpShowsBothEntriesAndTheSelectedSlot()
    {
        var (code, output, error) = Run("otadata", RepositoryPaths.Vector("otadata-after-set-ota_0-then-ota_1.bin"));
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "Entry 0: seq 1, state UNDEFINED, crc 0x4743989a [valid] -> ota_0");
        StringAssert.Contains(output, "Entry 1: seq 2, state UNDEFINED, crc 0x55f63774 [valid] -> ota_1");
        StringAssert.Contains(output, "Active entry: 1");
        StringAssert.Contains(output, "Bootloader selects: ota_1");
    }

    [TestMethod]
    public void ABlankDumpWithFactorySelectsFactory()
    {
        string dump = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            File.WriteAllBytes(dump, Erased.NewBuffer(0x2000));
            var (code, output, _) = Run("otadata", dump, "--factory");
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "Entry 0: blank [invalid]");
            StringAssert.Contains(output, "Active entry: none");
            StringAssert.Contains(output, "Bootloader selects: factory");
        }
        finally { File.Delete(dump); }
    }

    [TestMethod]
    public void AFlashImageIsReadThroughItsPartitionTable()
    {
        string image = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".img");
        try
        {
            using (var store = FileSectorStore.Create(image))
            {
                var flash = new SimulatedFlash(store, 1);
                PartitionCsv.Parse(File.ReadAllText(RepositoryPaths.Vector("ovms-partitions16M-factory.csv")), FlashGeometry.DeviceSize)
                    .WriteTo(flash, PartitionTable.DefaultOffset);
                var slots = new BootSlots(flash, PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset));
                slots.OtaData.SetBootSlot(1, 2, OtaState.Undefined);
            }
            var (code, output, error) = Run("otadata", image);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "otadata at 0x0000d000 (2 OTA slots, factory)");
            StringAssert.Contains(output, "Entry 0: seq 2, state UNDEFINED, crc 0x55f63774 [valid] -> ota_1");
            StringAssert.Contains(output, "Bootloader selects: ota_1");
        }
        finally { File.Delete(image); }
    }

    [TestMethod]
    public void BadInputExitsNonZeroWithOneLine()
    {
        string file = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            File.WriteAllBytes(file, new byte[100]);
            var (code, _, error) = Run("otadata", file);
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(error, "expected an 8192-byte otadata dump or a flash image");
            Assert.AreEqual(1, error.Trim().Split('\n').Length);

            File.WriteAllBytes(file, Erased.NewBuffer(0x10000)); // an image without a partition table
            (code, _, error) = Run("otadata", file);
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(error, "has no otadata (data/ota) partition");
        }
        finally { File.Delete(file); }
    }
}
