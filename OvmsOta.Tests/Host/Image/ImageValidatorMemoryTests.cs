using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Image;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Host.Image;

/// <summary>Streaming validation allocates nothing per block: a 7 MB image costs what a 1 MB one does.</summary>
[TestClass]
public class ImageValidatorMemoryTests
{
    [TestMethod]
    public void AllocationDoesNotGrowWithTheImage()
    {
        long small = BytesAllocatedValidating(1024 * 1024);
        long large = BytesAllocatedValidating(7 * 1024 * 1024);
        Console.WriteLine($"validator allocations: 1 MB image {small} bytes, 7 MB image {large} bytes");
        Assert.AreEqual(small, large, "allocation must not depend on the image size");
        Assert.IsTrue(small < 4096, $"{small} bytes allocated for Begin/Feed/Finish");
    }

    static long BytesAllocatedValidating(int size)
    {
        var builder = new ImageBuilder("3.3.005") { Size = size };
        byte[] image = builder.Build();
        var validator = new ImageValidator();
        var block = new byte[4096];
        Validate(validator, image, block); // warm up: JIT and statics
        long before = GC.GetAllocatedBytesForCurrentThread();
        Validate(validator, image, block);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    static void Validate(ImageValidator validator, byte[] image, byte[] block)
    {
        validator.Begin(0x700000);
        for (int offset = 0; offset < image.Length; offset += block.Length)
        {
            int count = Math.Min(block.Length, image.Length - offset);
            Array.Copy(image, offset, block, 0, count);
            validator.Feed(block, 0, count);
        }
        validator.Finish();
    }
}
