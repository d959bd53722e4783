using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Tests.Portable.Update;

namespace OvmsOta.Tests.Host.Update;

/// <summary>
/// The done-when sweep at full size: a power cut at every flash change of a whole update of a few hundred KB,
/// in each cut kind, boots the old image or (after the switch) the new one, never an invalid one or none; a retried
/// update succeeds. Prints the number of cut points.
/// </summary>
[TestClass]
public class UpdatePowerCutHostTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(300 * 1024, 4096, 2)]
    [DataRow(120 * 1024, 1500, 3)]
    public void APowerCutAtAnyChangeOfALargeUpdateLeavesABootableModule(int size, int chunk, int tornSeeds)
    {
        byte[] oldImage = UpdateRig.Image(UpdateRig.OldVersion, 0x11000);
        byte[] newImage = UpdateRig.Image(UpdateRig.NewVersion, size);

        int changes = UpdatePowerCutSweep.Measure(oldImage, newImage, chunk);
        int cuts = UpdatePowerCutSweep.Run(oldImage, newImage, chunk, tornSeeds);

        string line = $"update of {newImage.Length} bytes in {chunk}-byte chunks: {changes} flash changes, "
            + $"{cuts} cut points (done, not done, torn x {tornSeeds}), all boot old or (after the switch) new";
        Console.WriteLine(line);
        TestContext.WriteLine(line);
        Assert.AreEqual(changes * (2 + tornSeeds), cuts);
    }
}
