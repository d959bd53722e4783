#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>Images from ImageBuilder pass the validator, carry what they were given, and are reproducible.</summary>
    [TestClass]
    public class ImageBuilderTests
    {
        [TestMethod]
        public void SmallImageIsValidAndCarriesItsAppDescription()
        {
            ImageBuilder builder = new ImageBuilder("3.3.006-1-gabcdef0");
            builder.ProjectName = "ovms3";
            builder.IdfVersion = "v3.3.4-854-g9063c8662c";
            builder.Date = "May 13 2026";
            builder.Time = "20:13:48";
            builder.SecureVersion = 2;
            byte[] image = builder.Build();
            ImageInfo info = ImageSamples.Verify(image, ImageSamples.Capacity, image.Length);
            Assert.AreEqual(image.Length, info.ImageLength);
            Assert.AreEqual(3, info.Segments.Length);
            AppDescription d = info.AppDescription;
            Assert.AreEqual(ImageFormat.AppDescriptionMagic, d.Magic);
            Assert.AreEqual("3.3.006-1-gabcdef0", d.Version);
            Assert.AreEqual("ovms3", d.ProjectName);
            Assert.AreEqual("v3.3.4-854-g9063c8662c", d.IdfVersion);
            Assert.AreEqual("May 13 2026", d.Date);
            Assert.AreEqual("20:13:48", d.Time);
            Assert.AreEqual((uint)2, d.SecureVersion);
            Assert.AreEqual((byte)16, d.MmuPageSizeLog2);
        }

        [TestMethod]
        public void HeaderMatchesWhatEsptoolWritesForOvms()
        {
            ImageHeader h = ImageSamples.Layout(ImageSamples.Small()).Header;
            Assert.AreEqual((byte)2, h.SpiMode); // DIO
            Assert.AreEqual((byte)4, h.SpiSize); // 16 MB
            Assert.AreEqual((byte)0, h.SpiSpeed); // 40 MHz
            Assert.AreEqual(ImageBuilder.IramAddress, h.EntryAddress);
            Assert.AreEqual((byte)0xEE, h.WpPin);
            Assert.AreEqual((ushort)0, h.ChipId);
            Assert.AreEqual((ushort)399, h.MaxChipRevFull);
            Assert.IsTrue(h.HashAppended);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2000)]
        [DataRow(60000)]
        [DataRow(0x10100)]
        [DataRow(70000)]
        [DataRow(140000)]
        public void SizeTargetIsMetWithAValidImage(int size)
        {
            ImageBuilder builder = new ImageBuilder(ImageSamples.Version);
            builder.Size = size;
            byte[] image = builder.Build();
            ImageInfo info = ImageSamples.Verify(image, ImageSamples.Capacity, 4096);
            Assert.AreEqual(image.Length, info.ImageLength);
            if (size > 0)
                Assert.IsTrue(image.Length > size - 64 && image.Length < size + 64, "asked for " + size.ToString() + " bytes, got " + image.Length.ToString());
            else
                Assert.IsTrue(image.Length < 1024, "minimal image is " + image.Length.ToString() + " bytes");
        }

        [TestMethod]
        public void MappedLayoutFollowsEsptool()
        {
            ImageInfo info = ImageSamples.Layout(ImageSamples.Mapped());
            Assert.AreEqual(5, info.Segments.Length);
            Assert.AreEqual(ImageBuilder.DromAddress, info.Segments[0].LoadAddress);
            Assert.AreEqual(0x20, info.Segments[0].DataOffset);
            Assert.AreEqual("PADDING", info.Segments[3].MemoryTypes);
            Assert.AreEqual((uint)0, info.Segments[3].LoadAddress);
            ImageSegment irom = info.Segments[4];
            Assert.AreEqual("IROM", irom.MemoryTypes);
            Assert.AreEqual(0x10020, irom.DataOffset);
            Assert.AreEqual(irom.LoadAddress & 0xFFFF, (uint)irom.DataOffset & 0xFFFF);
        }

        [TestMethod]
        public void SameInputsGiveTheSameBytes()
        {
            ImageBuilder a = new ImageBuilder("1.2.3");
            a.Size = 70000;
            ImageBuilder b = new ImageBuilder("1.2.3");
            b.Size = 70000;
            CollectionAssert.AreEqual(a.Build(), b.Build());
        }

        [TestMethod]
        public void DifferentVersionsGiveDifferentHashes()
        {
            ImageInfo a = ImageSamples.Layout(new ImageBuilder("1.2.3").Build());
            ImageInfo b = ImageSamples.Layout(new ImageBuilder("1.2.4").Build());
            Assert.AreNotEqual(Hex.Digest(a.StoredHash, 0, 32), Hex.Digest(b.StoredHash, 0, 32));
        }

        [TestMethod]
        public void VersionTooLongForTheAppDescriptionIsRefused()
        {
            ImageBuilder builder = new ImageBuilder("0123456789012345678901234567890123");
            System.Exception e = Expect.Throws(typeof(System.ArgumentException), () => builder.Build());
            Expect.Contains("at most 31", e.Message);
        }
    }
}
