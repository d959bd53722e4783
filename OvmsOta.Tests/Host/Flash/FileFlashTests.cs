using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Flash;

namespace OvmsOta.Tests.Host.Flash;

[TestClass]
public class FileFlashTests
{
    private static string TempImage() => Path.Combine(Path.GetTempPath(), "ovmsota-flash-" + Guid.NewGuid().ToString("N") + ".img");

    [TestMethod]
    public void ANewImageIs16MBOfErasedFlash()
    {
        string path = TempImage();
        try
        {
            using (FileSectorStore.Create(path)) { }
            byte[] bytes = File.ReadAllBytes(path);
            Assert.AreEqual(FlashGeometry.DeviceSize, bytes.Length);
            Assert.IsTrue(Array.TrueForAll(bytes, b => b == 0xFF));
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void TheFileFlashKeepsNorRulesAndItsContentAcrossReopen()
    {
        string path = TempImage();
        try
        {
            using (var store = FileSectorStore.Create(path))
            {
                var flash = new SimulatedFlash(store, 1);
                flash.Write(0x10FFE, new byte[] { 0x12, 0x34, 0x56, 0x78 }, 0, 4);
                var e = Assert.ThrowsExactly<FlashException>(() => flash.Write(0x10FFF, new byte[] { 0xFF, 0x57 }, 0, 2));
                StringAssert.Contains(e.Message, "write at 0x10fff");
                Assert.ThrowsExactly<FlashException>(() => flash.EraseSector(0x10800));
                flash.ArmPowerCut(1, PowerCutKind.Done);
                Assert.ThrowsExactly<PowerLossException>(() => flash.EraseSector(0x10000));
            }
            using (var store = FileSectorStore.Open(path))
            {
                var flash = new SimulatedFlash(store, 1);
                Assert.AreEqual(FlashGeometry.DeviceSize, flash.Size);
                var back = new byte[4];
                flash.Read(0x10FFE, back, 0, 4);
                CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0x56, 0x78 }, back);
            }
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void AFileThatIsNotWholeSectorsIsRefused()
    {
        string path = TempImage();
        try
        {
            File.WriteAllBytes(path, new byte[100]);
            Assert.ThrowsExactly<InvalidDataException>(() => FileSectorStore.Open(path));
        }
        finally { File.Delete(path); }
    }
}
