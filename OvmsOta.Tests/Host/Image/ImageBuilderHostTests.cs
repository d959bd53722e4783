using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Image;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Host.Image;

/// <summary>ImageBuilder.Build sizes its array up front (no growing stream on the device); it must equal what Write streams.</summary>
[TestClass]
public class ImageBuilderHostTests
{
    [TestMethod]
    [DataRow(0)]
    [DataRow(0x11000)]
    [DataRow(450000)]
    [DataRow(1500000)]
    public void BuildGivesExactlyTheBytesWriteStreams(int size)
    {
        var builder = new ImageBuilder("3.3.006-1-gabcdef0") { Size = size };
        using var streamed = new MemoryStream();

        int length = builder.Write(streamed);
        byte[] built = builder.Build();

        Assert.AreEqual(length, built.Length);
        CollectionAssert.AreEqual(streamed.ToArray(), built);
    }
}
