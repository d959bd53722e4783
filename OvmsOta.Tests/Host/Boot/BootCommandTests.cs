using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;
using OvmsOta.Tests.Host.Partitions;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Boot;

[TestClass]
public class BootCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => PartitionsCommandTests.Run(args);

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), "ovmsota-boot-" + Guid.NewGuid().ToString("N") + extension);

    /// <summary>A 16 MB image with OVMS's v3-35 table and builder images in the given slots; otadata blank unless set.</summary>
    private static string SlotImage(bool ota0, bool ota1, Action<BootSlots>? otadata = null)
    {
        string path = TempFile(".img");
        using var store = FileSectorStore.Create(path);
        var flash = new SimulatedFlash(store, 1);
        PartitionCsv.Parse(File.ReadAllText(RepositoryPaths.Vector("ovms-partitions.csv")), FlashGeometry.DeviceSize).WriteTo(flash, PartitionTable.DefaultOffset);
        var table = PartitionTable.ReadFrom(flash, PartitionTable.DefaultOffset);
        if (ota0)
            WriteImage(flash, table.OtaSlot(0), "3.3.005");
        if (ota1)
            WriteImage(flash, table.OtaSlot(1), "3.3.006");
        otadata?.Invoke(new BootSlots(flash, table));
        return path;
    }

    private static void WriteImage(SimulatedFlash flash, PartitionEntry slot, string version)
    {
        byte[] image = new ImageBuilder(version).Build();
        flash.Write(slot.Offset, image, 0, image.Length);
    }

    private static byte[] OtaDataOf(string imagePath)
    {
        var data = new byte[0x2000];
        using var file = File.OpenRead(imagePath);
        file.Position = 0xd000;
        file.ReadExactly(data, 0, data.Length);
        return data;
    }

    [TestMethod]
    public void BlankOtaDataBootsOta0AndWritesTheEntryTheRealBootloaderWrites()
    {
        string image = SlotImage(true, true);
        try
        {
            var (code, output, error) = Run("boot", image);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "Bootloader: rollback off");
            StringAssert.Contains(output, "Boots: ota_0 at 0x00010000 (size 0x00700000)");
            StringAssert.Contains(output, "Why: otadata is blank");
            StringAssert.Contains(output, "otadata write: entry 0: seq 1, state VALID (first entry, was blank)");
            CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.Vector("otadata-bootloader-initial-ota_0.bin")), OtaDataOf(image));

            (code, output, _) = Run("boot", image);
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "otadata writes: none");
        }
        finally { File.Delete(image); }
    }

    [TestMethod]
    public void WithRollbackANewImageIsPendingThenAbortedAndTheOldOneBoots()
    {
        string image = SlotImage(true, true, slots =>
        {
            slots.OtaData.SetBootSlot(0, 2, OtaState.Valid);
            Assert.AreEqual(EspError.Ok, slots.SetBootPartition(slots.Table.OtaSlot(1), new AlwaysValid(), true));
        });
        try
        {
            var (code, output, error) = Run("boot", image, "--rollback");
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "Boots: ota_1");
            StringAssert.Contains(output, "otadata write: entry 1: seq 2, state NEW -> PENDING_VERIFY");

            (code, output, _) = Run("boot", image, "--rollback");
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "otadata write: entry 1: seq 2, state PENDING_VERIFY -> ABORTED");
            StringAssert.Contains(output, "Boots: ota_0");

            // The same state under the rollback-off bootloader OVMS modules have: ABORTED is still skipped.
            (code, output, _) = Run("boot", image);
            StringAssert.Contains(output, "Boots: ota_0");
        }
        finally { File.Delete(image); }
    }

    [TestMethod]
    public void ACorruptSelectedSlotFallsBackAndSaysWhy()
    {
        string image = SlotImage(true, false, slots => slots.OtaData.SetBootSlot(1, 2, OtaState.Undefined));
        try
        {
            var (code, output, error) = Run("boot", image);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "selects ota_1; ota_1 holds no valid image; ota_0 loads");
            StringAssert.Contains(output, "otadata writes: none");
        }
        finally { File.Delete(image); }
    }

    [TestMethod]
    public void AnOtaDataDumpWithATableAssumesValidSlotsAndIsWrittenBack()
    {
        string dump = TempFile(".bin");
        try
        {
            File.Copy(RepositoryPaths.Vector("otadata-after-set-ota_0-then-ota_1-rollback.bin"), dump);
            var (code, output, error) = Run("boot", dump, "--rollback", "--partitions", RepositoryPaths.Vector("ovms-partitions.csv"));
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "Boots: ota_1");
            StringAssert.Contains(output, "state NEW -> PENDING_VERIFY");
            byte[] written = File.ReadAllBytes(dump);
            Assert.AreEqual(OtaState.PendingVerify, BitConverter.ToUInt32(written, 0x1000 + 24));

            (code, output, _) = Run("boot", dump, "--partitions", RepositoryPaths.Vector("ovms-partitions.bin"));
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "Boots: ota_1");
        }
        finally { File.Delete(dump); }
    }

    [TestMethod]
    public void NoBootableImageExitsTwoWithAClearMessage()
    {
        string image = SlotImage(false, false);
        try
        {
            var (code, output, error) = Run("boot", image);
            Assert.AreEqual(2, code);
            StringAssert.Contains(output, "Boots: nothing");
            StringAssert.Contains(output, "No bootable app partitions in the partition table");
            StringAssert.Contains(error, "no bootable image");
            CollectionAssert.AreEqual(Erased.NewBuffer(0x2000), OtaDataOf(image), "nothing loaded: nothing written");
        }
        finally { File.Delete(image); }
    }

    [TestMethod]
    public void BadInputExitsOneWithOneLine()
    {
        string file = TempFile(".bin");
        try
        {
            File.WriteAllBytes(file, new byte[100]);
            var (code, _, error) = Run("boot", file);
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "expected a 16777216-byte flash image");

            (code, _, error) = Run("boot", file, "--partitions", RepositoryPaths.Vector("ovms-partitions.csv"));
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "expected a 8192-byte otadata dump");
            Assert.AreEqual(1, error.Trim().Split('\n').Length);
        }
        finally { File.Delete(file); }
    }

    private sealed class AlwaysValid : IAppImageCheck
    {
        public bool HasValidImage(PartitionEntry slot) => true;
    }
}
