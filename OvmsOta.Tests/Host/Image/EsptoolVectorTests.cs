using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Tests.Host.Sim;
using OvmsOta.Image;
using OvmsOta.Simulator;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Image;

/// <summary>The esptool-made image in ../shared/reference/vectors, through the engine and through `ovmsota image info`.</summary>
[TestClass]
public class EsptoolVectorTests
{
    static byte[] Minimal() => File.ReadAllBytes(RepositoryPaths.Vector("esp32-app-minimal.bin"));
    static byte[] Corrupt() => File.ReadAllBytes(RepositoryPaths.Vector("esp32-app-minimal-corrupt.bin"));

    static ImageInfo Describe(byte[] image)
    {
        var validator = new ImageValidator();
        validator.Begin(0x700000);
        validator.Feed(image, 0, image.Length);
        return validator.Describe();
    }

    [TestMethod]
    public void VectorPassesWithTheFieldsOfTheReference()
    {
        ImageInfo info = Describe(Minimal());
        info.ThrowIfInvalid();
        Assert.AreEqual(0x10060, info.ImageLength);
        Assert.AreEqual(0x1003F, info.ChecksumOffset);
        Assert.AreEqual((byte)0x94, info.StoredChecksum);
        Assert.AreEqual("6918edcb1adc29dd148b835b2f66928a3c0c20b40f97bdf465084cb2c3e35236", Hex.Digest(info.StoredHash, 0, 32));

        ImageHeader h = info.Header;
        Assert.AreEqual(5, h.SegmentCount);
        Assert.AreEqual((byte)2, h.SpiMode);
        Assert.AreEqual((byte)4, h.SpiSize);
        Assert.AreEqual((byte)0, h.SpiSpeed);
        Assert.AreEqual(0x40080400u, h.EntryAddress);
        Assert.AreEqual((ushort)399, h.MaxChipRevFull);
        Assert.IsTrue(h.HashAppended);

        var expected = new (int Length, uint Load, int HeaderAt, string Type)[]
        {
            (0x128, 0x3F400020, 0x18, "DROM"), (0xC, 0x3FFB0000, 0x148, "BYTE_ACCESSIBLE, DRAM"), (0x4, 0x40080400, 0x15C, "IRAM"),
            (0xFEA8, 0x00000000, 0x168, "PADDING"), (0x10, 0x400D0020, 0x10018, "IROM"),
        };
        CollectionAssert.AreEqual(expected, info.Segments.Select(s => (s.Length, s.LoadAddress, s.HeaderOffset, s.MemoryTypes)).ToArray());

        AppDescription d = info.AppDescription;
        Assert.AreEqual("ovmsota-vector-1", d.Version);
        Assert.AreEqual("ovmsota_vector", d.ProjectName);
        Assert.AreEqual("12:00:00", d.Time);
        Assert.AreEqual("Jan  1 2025", d.Date);
        Assert.AreEqual("v5.5.5-synthetic", d.IdfVersion);
        Assert.AreEqual("9fbdd1a48a23b3b3fdf04f812eaf850828be2930181ec52674e8cbf9b1890085", Hex.Digest(d.ElfSha256, 0, 32));
        Assert.AreEqual((byte)16, d.MmuPageSizeLog2);
        Assert.AreEqual((byte)3, d.SpiFlashMode);
        Assert.AreEqual(0u, d.SecureVersion);
    }

    [TestMethod]
    public void CorruptVectorFailsChecksumAndHash()
    {
        ImageInfo info = Describe(Corrupt());
        Assert.IsFalse(info.ChecksumValid);
        Assert.AreEqual((byte)0x95, info.CalculatedChecksum);
        Assert.IsFalse(info.HashValid);
        Assert.AreEqual("d7690cf8589b10b3245db1262007d0bcecf9346c5243abb5916b8769d2a6e9ea", Hex.Digest(info.CalculatedHash, 0, 32));
        var e = Assert.ThrowsExactly<ImageException>(info.ThrowIfInvalid);
        Assert.AreSame(ImageError.ChecksumMismatch, e.Reason);
        Assert.AreEqual("Checksum failed: expected 0x95 (calculated), found 0x94 at offset 0x1003F", e.Message);
    }

    [TestMethod]
    public void VectorFlippedInTheSlotTailStillPasses()
    {
        byte[] slot = new byte[0x20000];
        Array.Fill(slot, (byte)0xFF);
        Minimal().CopyTo(slot, 0);
        ImageInfo info = Describe(slot);
        info.ThrowIfInvalid();
        Assert.AreEqual(0x10060, info.ImageLength);
    }

    [TestMethod]
    [DataRow("esp32-app-minimal")]
    [DataRow("esp32-app-minimal-corrupt")]
    public void ImageInfoPrintsEveryLineEsptoolPrinted(string vector)
    {
        var (code, output, error) = Cli.Run("image", "info", RepositoryPaths.Vector(vector + ".bin"));
        string[] ours = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string[] esptool = File.ReadAllLines(RepositoryPaths.Vector(vector + ".image-info.txt"));
        // The first line is esptool's own version banner; every other line must appear as it is.
        foreach (string line in esptool.Skip(1).Where(l => l.Length > 0))
            Assert.IsTrue(ours.Contains(line), $"missing line \"{line}\" in:\n{output}");
        if (vector.EndsWith("corrupt"))
        {
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "checksum and SHA-256 both invalid");
            StringAssert.Contains(error, "expected 0x95 (calculated), found 0x94 at offset 0x1003F");
        }
        else
        {
            Assert.AreEqual(0, code, error);
        }
    }

    [TestMethod]
    public void ImageMakeOutputPassesImageInfo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ovmsota-image-{Guid.NewGuid():N}.bin");
        try
        {
            var (made, madeText, madeError) = Cli.Run("image", "make", "--version", "3.3.005-925-g3e67d4e6d", "--project", "ovms3", "--size", "300K", "-o", path);
            Assert.AreEqual(0, made, madeError);
            StringAssert.Contains(madeText, "307200 bytes");
            Assert.AreEqual(300 * 1024, new FileInfo(path).Length);
            var (code, output, error) = Cli.Run("image", "info", "--partition-size", "7M", path);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(output, "Checksum: 0x");
            StringAssert.Contains(output, "(valid)\n");
            StringAssert.Contains(output, "App version: 3.3.005-925-g3e67d4e6d");
            StringAssert.Contains(output, "OVMS version: 3.3.005-925-g3e67d4e6d");
            StringAssert.Contains(output, "      4  0x");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DataRow(0, 0x47, "bad-magic", "Image magic: expected 0xE9, found 0x47 at offset 0x0")]
    [DataRow(12, 0x09, "wrong-chip", "expected 0 (ESP32), found 9 at offset 0xC")]
    [DataRow(0x14C, 0x0D, "bad-segment-length", "Invalid segment 1 length")]
    public void ImageInfoExitsNonZeroWithTheReason(int offset, int value, string reason, string message)
    {
        byte[] image = Minimal();
        image[offset] = (byte)value;
        string path = Path.Combine(Path.GetTempPath(), $"ovmsota-image-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, image);
        try
        {
            var (code, _, error) = Cli.Run("image", "info", path);
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "(" + reason + ")");
            StringAssert.Contains(error, message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ImageInfoReportsATruncatedFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ovmsota-image-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, Minimal().AsSpan(0, 0x8000).ToArray());
        try
        {
            var (code, _, error) = Cli.Run("image", "info", path);
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "(truncated): Image truncated: expected more bytes, found the end of the stream at offset 0x8000, in segment 3 data");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ImageInfoRefusesAnImageLargerThanThePartition()
    {
        var (code, _, error) = Cli.Run("image", "info", "--partition-size", "0x10000", RepositoryPaths.Vector("esp32-app-minimal.bin"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "Segment 3 runs past the partition: expected an end at most 0x10000 (the partition size), found 0x10018 at offset 0x16C");
    }
}
