using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.OtaData;
using OvmsOta.Tests.Host.Partitions;
using OvmsOta.Tests.Portable.OtaData;

using OvmsOta.Tests.Host;


namespace OvmsOta.Tests.Host.OtaData;

[TestClass]
public class OtaDataVectorFileTests
{
    [TestMethod]
    [DataRow("otadata-after-set-ota_0.bin", OtaDataVectors.Seq1, OtaDataVectors.Blank)]
    [DataRow("otadata-after-set-ota_0-then-ota_1.bin", OtaDataVectors.Seq1, OtaDataVectors.Seq2)]
    [DataRow("otadata-after-set-ota_0-rollback.bin", OtaDataVectors.Seq1New, OtaDataVectors.Blank)]
    [DataRow("otadata-after-set-ota_0-then-ota_1-rollback.bin", OtaDataVectors.Seq1New, OtaDataVectors.Seq2New)]
    [DataRow("otadata-bootloader-initial-ota_0.bin", OtaDataVectors.Seq1Valid, OtaDataVectors.Blank)]
    public void TheEmbeddedImagesEqualTheVectorFilesAndParse(string file, string entry0, string entry1)
    {
        byte[] vector = File.ReadAllBytes(RepositoryPaths.Vector(file));
        CollectionAssert.AreEqual(vector, OtaDataVectors.Image(entry0, entry1));
        OtaEntry first = OtaEntry.Read(vector, 0);
        Assert.IsTrue(OtaSelection.IsValid(first));
        CollectionAssert.AreEqual(vector.AsSpan(0, 32).ToArray(), first.ToBytes());
    }

    [TestMethod]
    public void TheRomCrcIsZlibCrc32SeededWithAllOnes()
    {
        // zlib.crc32(data, 0xFFFFFFFF) == ~crc32_update(~0xFFFFFFFF = 0, data): System.IO.Hashing is not referenced, so compare
        // with a bit-by-bit reference written here from the definition.
        for (uint seq = 0; seq < 2000; seq += 7)
        {
            uint crc = 0;
            for (int i = 0; i < 4; i++)
            {
                crc ^= (seq >> (8 * i)) & 0xFF;
                for (int k = 0; k < 8; k++)
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
            Assert.AreEqual(~crc, OtaCrc.OfSeq(seq), "seq " + seq);
        }
    }

    [TestMethod]
    public void PowerCutSweepOverEverySwitchCase()
    {
        var cases = new (bool Factory, string Before, string Target)[]
        {
            (false, "", "ota_1"), (false, "ota_0", "ota_1"), (false, "ota_0,ota_1", "ota_0"), (false, "ota_0,ota_1", "ota_1"),
            (true, "", "ota_0"), (true, "ota_0", "ota_1"), (true, "ota_0", "factory"), (true, "ota_0,ota_1", "factory"), (true, "ota_0,ota_1,ota_0", "factory"),
        };
        int total = 0;
        foreach (var c in cases)
        {
            int operations = BootSwitchPowerCutTests.MeasureSwitch(c.Factory, c.Before, c.Target);
            int tried = BootSwitchPowerCutTests.Sweep(c.Factory, c.Before, c.Target);
            Console.WriteLine($"boot switch to {c.Target} after [{c.Before}] ({(c.Factory ? "v3-30" : "v3-35")}): {operations} flash operations, {tried} cut points tried, all boot the old or the new slot");
            total += tried;
        }
        Console.WriteLine($"power-cut sweep: {total} cut points tried");
        Assert.IsTrue(total > 0);
    }
}
