#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Image
{
    [TestClass]
    public class FlashImageCheckTests
    {
        static readonly PartitionEntry Slot = new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, 0x10000, 0x20000, 0);

        static SlotImageCheck CheckOver(SimulatedFlash flash)
        {
            return new SlotImageCheck(flash, new ImageValidator(), new byte[4096]);
        }

        [TestMethod]
        public void ASlotHoldingABuiltImageIsValid()
        {
            SimulatedFlash flash = new SimulatedFlash(0x40000);
            byte[] image = new ImageBuilder("3.3.006-1-gabc").Build();
            flash.Write(Slot.Offset, image, 0, image.Length);

            Assert.IsTrue(CheckOver(flash).HasValidImage(Slot));
        }

        [TestMethod]
        public void AnErasedSlotIsNotValidAndSaysWhy()
        {
            SlotImageCheck check = CheckOver(new SimulatedFlash(0x40000));

            Assert.IsFalse(check.HasValidImage(Slot));
            Expect.Contains("expected 0xE9", check.Check(Slot));
        }

        [TestMethod]
        public void OneFlippedBitMakesTheSlotInvalid()
        {
            SimulatedFlash flash = new SimulatedFlash(0x40000);
            byte[] image = new ImageBuilder("3.3.006-1-gabc").Build();
            image[image.Length / 2] ^= 0x01;
            flash.Write(Slot.Offset, image, 0, image.Length);

            Assert.IsFalse(CheckOver(flash).HasValidImage(Slot));
        }
    }
}
