#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.Simulation;


namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>Validating the image stored in a partition, and reading its OVMS version, through one small buffer.</summary>
    [TestClass]
    public class FlashImageTests
    {
        const int FlashSize = 0x30000;
        const int Slot = 0x10000;
        const int SlotSize = 0x20000;

        static SimulatedFlash FlashWith(byte[] image)
        {
            SimulatedFlash flash = new SimulatedFlash(FlashSize);
            flash.Write(Slot, image, 0, image.Length);
            return flash;
        }

        [TestMethod]
        [DataRow(256)]
        [DataRow(1000)]
        [DataRow(4096)]
        public void StoredImageVerifiesAndReadsStopAtItsEnd(int bufferSize)
        {
            byte[] image = ImageSamples.Mapped();
            SimulatedFlash flash = FlashWith(image);
            ImageInfo info = SlotImage.Verify(flash, Slot, SlotSize, new byte[bufferSize]);
            Assert.AreEqual(image.Length, info.ImageLength);
            Assert.AreEqual(ImageSamples.Version, info.AppDescription.Version);
            Assert.AreEqual(image.Length, flash.Counters.Total.ReadBytes);
        }

        [TestMethod]
        public void CorruptStoredImageIsRejected()
        {
            byte[] image = ImageSamples.Mapped();
            image[0x10030] ^= 0x01;
            SimulatedFlash flash = FlashWith(image);
            ImageException e = (ImageException)Expect.Throws(typeof(ImageException), () => SlotImage.Verify(flash, Slot, SlotSize, new byte[4096]));
            Assert.IsTrue(e.Reason == ImageError.ChecksumMismatch, e.Message);
            ImageInfo info = SlotImage.Describe(flash, Slot, SlotSize, new byte[4096], new ImageValidator());
            Assert.IsFalse(info.ChecksumValid);
            Assert.IsFalse(info.HashValid);
        }

        [TestMethod]
        public void ErasedSlotHasNoImage()
        {
            SimulatedFlash flash = new SimulatedFlash(FlashSize);
            ImageException e = (ImageException)Expect.Throws(typeof(ImageException), () => SlotImage.Verify(flash, Slot, SlotSize, new byte[4096]));
            Assert.IsTrue(e.Reason == ImageError.BadMagic, e.Message);
            Assert.IsNull(OvmsVersionReader.Read(flash, Slot, SlotSize, new byte[4096]));
        }

        [TestMethod]
        public void ImageLargerThanTheSlotIsRejected()
        {
            byte[] image = ImageSamples.Mapped();
            SimulatedFlash flash = FlashWith(image);
            ImageException e = (ImageException)Expect.Throws(typeof(ImageException), () => SlotImage.Verify(flash, Slot, 0x10000, new byte[4096]));
            Assert.IsTrue(e.Reason == ImageError.SegmentPastPartition, e.Message);
        }

        [TestMethod]
        [DataRow(256)]
        [DataRow(257)]
        [DataRow(300)]
        [DataRow(333)]
        [DataRow(4096)]
        public void OvmsVersionComesFromTheMarkerWhereverReadsSplitIt(int bufferSize)
        {
            ImageBuilder builder = new ImageBuilder("3.3.005-925-g3e67d4e6d-dirty");
            builder.Size = 70000;
            SimulatedFlash flash = FlashWith(builder.Build());
            Assert.AreEqual("3.3.005-925-g3e67d4e6d-dirty", OvmsVersionReader.Read(flash, Slot, SlotSize, new byte[bufferSize]));
        }

        [TestMethod]
        public void MarkerWinsOverTheAppDescription()
        {
            ImageBuilder builder = new ImageBuilder("3.3.006");
            byte[] image = builder.Build();
            // Change the app description's version only: the reader must still report the marker's.
            image[0x30] = (byte)'9';
            SimulatedFlash flash = FlashWith(image);
            Assert.AreEqual("3.3.006", OvmsVersionReader.Read(flash, Slot, SlotSize, new byte[256]));
        }

        [TestMethod]
        public void WithoutMarkerTheAppDescriptionVersionIsUsed()
        {
            ImageBuilder builder = new ImageBuilder("esp-idf-app-1.0");
            builder.OvmsMarker = false;
            SimulatedFlash flash = FlashWith(builder.Build());
            Assert.AreEqual("esp-idf-app-1.0", OvmsVersionReader.Read(flash, Slot, SlotSize, new byte[512]));
        }

        [TestMethod]
        public void MarkerOutsideSegment0IsNotRead()
        {
            ImageBuilder builder = new ImageBuilder("app-desc-version");
            builder.OvmsMarker = false;
            byte[] image = builder.Build();
            // A marker right after the image (old bytes in the slot): OVMS searches only the first segment.
            string marker = OvmsVersionReader.Prefix + "1.0" + OvmsVersionReader.Suffix;
            byte[] slot = ImageSamples.WithTail(image, marker.Length, 0);
            for (int i = 0; i < marker.Length; i++)
                slot[image.Length + i] = (byte)marker[i];
            SimulatedFlash flash = FlashWith(slot);
            Assert.AreEqual("app-desc-version", OvmsVersionReader.Read(flash, Slot, SlotSize, new byte[256]));
        }
    }
}
