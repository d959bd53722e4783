using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;

namespace OvmsOta.Tests.Host.Flash;

/// <summary>RegionSnapshot (a portable test helper) must see a change in any of its pieces and nothing outside its region.</summary>
[TestClass]
public class RegionSnapshotTests
{
    private const int Region = 0x1000;
    private const int Length = 0x2A000; // two whole 64 KB pieces and a partial third

    private static SimulatedFlash FlashWithPattern()
    {
        var flash = new SimulatedFlash(new MemorySectorStore(0x40000), 1);
        var pattern = new byte[0x18000];
        for (int i = 0; i < pattern.Length; i++)
            pattern[i] = (byte)(i * 7 + 1);
        flash.Write(Region, pattern, 0, pattern.Length);
        return flash;
    }

    [TestMethod]
    public void AnUnchangedRegionPassesAndAChangeOutsideItIsNotItsBusiness()
    {
        var flash = FlashWithPattern();
        var snapshot = new RegionSnapshot(flash, Region, Length);

        flash.Write(Region + Length, new byte[] { 0 }, 0, 1);

        Assert.AreEqual(Length, snapshot.Length);
        snapshot.AssertUnchanged(flash, "untouched region");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(0x10000)]
    [DataRow(Length - 1)]
    public void AChangedByteInAnyPieceFailsNamingItsAddress(int offset)
    {
        var flash = FlashWithPattern();
        var snapshot = new RegionSnapshot(flash, Region, Length);

        flash.Write(Region + offset, new byte[] { 0 }, 0, 1); // the bytes there are 0x01 (pattern) or 0xFF (erased)

        var e = Assert.ThrowsExactly<AssertFailedException>(() => snapshot.AssertUnchanged(flash, "the region"));
        StringAssert.Contains(e.Message, "the region: byte at 0x" + (Region + offset).ToString("x"));
    }
}
