using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Partitions;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Partitions;

[TestClass]
public class PartitionVectorFileTests
{
    [TestMethod]
    [DataRow("ovms-v3-35.csv", "ovms-v3-35.bin", "ovms-partitions.bin")]
    [DataRow("ovms-v3-30-factory.csv", "ovms-v3-30-factory.bin", "ovms-partitions16M-factory.bin")]
    public void TheProjectsLayoutsAndTheirBinariesEqualTheVectors(string csv, string bin, string vector)
    {
        byte[] expected = File.ReadAllBytes(RepositoryPaths.Vector(vector));
        byte[] made = PartitionCsv.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PartitionsFolder, csv)), FlashGeometry.DeviceSize).ToBinary();
        CollectionAssert.AreEqual(expected, made, "binary made from partitions/" + csv);
        CollectionAssert.AreEqual(expected, File.ReadAllBytes(Path.Combine(RepositoryPaths.PartitionsFolder, bin)), "partitions/" + bin);
    }

    [TestMethod]
    [DataRow("ovms-partitions")]
    [DataRow("ovms-partitions16M-factory")]
    [DataRow("esp-idf-partitions_two_ota")]
    public void EveryVectorParsesBackToTheSameTableAndBytes(string vector)
    {
        byte[] binary = File.ReadAllBytes(RepositoryPaths.Vector(vector + ".bin"));
        PartitionTable parsed = PartitionTable.FromBinary(binary, 0, binary.Length, FlashGeometry.DeviceSize);
        PartitionTable fromCsv = PartitionCsv.Parse(File.ReadAllText(RepositoryPaths.Vector(vector + ".csv")), FlashGeometry.DeviceSize);
        Assert.AreEqual(fromCsv.Count, parsed.Count);
        for (int i = 0; i < parsed.Count; i++)
            Assert.IsTrue(fromCsv[i].SameAs(parsed[i]), parsed[i].ToString());
        CollectionAssert.AreEqual(binary, parsed.ToBinary());
        CollectionAssert.AreEqual(binary, fromCsv.ToBinary());
    }

    [TestMethod]
    public void TheCopiesEmbeddedInPortableTestsMatchTheVectorFiles()
    {
        CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.Vector("ovms-partitions.bin")), PartitionVectors.Binary(PartitionVectors.OvmsHex));
        CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.Vector("ovms-partitions16M-factory.bin")), PartitionVectors.Binary(PartitionVectors.FactoryHex));
        CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.Vector("esp-idf-partitions_two_ota.bin")), PartitionVectors.Binary(PartitionVectors.TwoOtaHex));
        Assert.AreEqual(PartitionVectors.OvmsCsv, File.ReadAllText(RepositoryPaths.Vector("ovms-partitions.csv")));
        Assert.AreEqual(PartitionVectors.FactoryCsv, File.ReadAllText(RepositoryPaths.Vector("ovms-partitions16M-factory.csv")));
        Assert.AreEqual(PartitionVectors.TwoOtaCsv, File.ReadAllText(RepositoryPaths.Vector("esp-idf-partitions_two_ota.csv")));
    }

    [TestMethod]
    public void ManagedMd5EqualsDotNetsForEveryLengthUpTo300()
    {
        var random = new System.Random(1321);
        for (int length = 0; length <= 300; length++)
        {
            byte[] data = new byte[length + 7];
            random.NextBytes(data);
            CollectionAssert.AreEqual(MD5.HashData(data.AsSpan(3, length)), Md5.Compute(data, 3, length), "length " + length);
        }
    }
}
