#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// The backbone: a power cut at every flash change of a whole update, in each cut kind, still boots the old
    /// image, or the new one only after the switch (see <see cref="UpdatePowerCutSweep"/>). Small image here, so it
    /// also runs on nanoCLR; the host test sweeps a few hundred KB.
    /// </summary>
    [TestClass]
    public class UpdatePowerCutTests
    {
        private const int Chunk = 4096;
        private const int TornSeeds = 2;

        [TestMethod]
        public void APowerCutAtAnyChangeOfAnUpdateLeavesABootableModule()
        {
            byte[] oldImage = UpdateRig.Image(UpdateRig.OldVersion, 0);
            byte[] newImage = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            int imageBytes = SlotEraser.AlignUp(newImage.Length, FlashGeometry.SectorSize);
            int erases = imageBytes / FlashGeometry.BlockSize + imageBytes % FlashGeometry.BlockSize / FlashGeometry.SectorSize;
            int writes = (newImage.Length + Chunk - 1) / Chunk + 1;
            int changes = erases + writes + 2;

            Assert.AreEqual(changes, UpdatePowerCutSweep.Measure(oldImage, newImage, Chunk), "erases + writes + magic + otadata switch");
            Assert.AreEqual(changes * (2 + TornSeeds), UpdatePowerCutSweep.Run(oldImage, newImage, Chunk, TornSeeds));
        }
    }
}
