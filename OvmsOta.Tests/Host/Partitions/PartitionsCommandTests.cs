using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Partitions;

[TestClass]
public class PartitionsCommandTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = OvmsOta.Simulator.Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestMethod]
    public void ACsvIsPrintedAndConvertedToTheVectorBinary()
    {
        string bin = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            var (code, output, error) = Run("partitions", Path.Combine(RepositoryPaths.PartitionsFolder, "ovms-v3-35.csv"), "-o", bin);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "ota_1            app  ota_1    0x00710000 0x00700000");
            StringAssert.Contains(output, "store            data fat      0x00e10000 0x001f0000");
            StringAssert.Contains(output, "v3-35 (ota1, ota2, no factory, maximized store)");
            CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.Vector("ovms-partitions.bin")), File.ReadAllBytes(bin));
        }
        finally { File.Delete(bin); }
    }

    [TestMethod]
    public void ABinaryIsConvertedToCsvThatMakesTheSameBinary()
    {
        string csv = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".csv");
        string bin = Path.ChangeExtension(csv, ".bin");
        try
        {
            string vector = RepositoryPaths.Vector("ovms-partitions16M-factory.bin");
            Assert.AreEqual(0, Run("partitions", vector, "-o", csv).Code);
            StringAssert.StartsWith(File.ReadAllText(csv), "# ESP-IDF Partition Table\n");
            Assert.AreEqual(0, Run("partitions", csv, "--out", bin).Code);
            CollectionAssert.AreEqual(File.ReadAllBytes(vector), File.ReadAllBytes(bin));
        }
        finally { File.Delete(csv); File.Delete(bin); }
    }

    [TestMethod]
    public void BadInputExitsNonZeroWithOneLineAndWritesNothing()
    {
        string csv = Path.Combine(Path.GetTempPath(), "ovmsota-" + Guid.NewGuid().ToString("N") + ".csv");
        string bin = Path.ChangeExtension(csv, ".bin");
        try
        {
            File.WriteAllText(csv, "ota_0,app,ota_0,0x18000,1M\n");
            var (code, output, error) = Run("partitions", csv, "-o", bin);
            Assert.AreNotEqual(0, code);
            Assert.AreEqual("ovmsota partitions: " + csv + ": Partition ota_0 invalid: Offset 0x18000 is not aligned to 0x10000" + Environment.NewLine, error);
            Assert.AreEqual("", output);
            Assert.IsFalse(File.Exists(bin));

            byte[] broken = File.ReadAllBytes(RepositoryPaths.Vector("ovms-partitions.bin"));
            broken[0x68] = 0x80;
            File.WriteAllBytes(bin, broken);
            (code, _, error) = Run("partitions", bin);
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(error, "MD5 checksums don't match!");

            (code, _, error) = Run("partitions", RepositoryPaths.Vector("ovms-partitions.csv"), "-o", csv + ".txt");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(error, "name it .bin or .csv");

            (code, _, error) = Run("partitions", csv + ".missing");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(error, "Could not find file");
        }
        finally { File.Delete(csv); File.Delete(bin); }
    }
}
