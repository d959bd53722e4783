#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Image;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>
    /// What the validator refuses before it looks at an image (missing digest work, a capacity outside 1 byte to
    /// 16 MB, a range outside the buffer, a call out of order), each with its own message, and the chip revision
    /// check ESP-IDF's bootloader makes on the header (min_chip_rev, min_chip_rev_full, max_chip_rev_full).
    /// </summary>
    [TestClass]
    public class ImageValidatorGuardTests
    {
        [TestMethod]
        public void TheConstructorNamesMissingDigestWork()
        {
            var noSha = (ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), () => new ImageValidator(null, new ManagedChecksumFold()));
            var noFold = (ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), () => new ImageValidator(new ManagedSha256(), null));

            Assert.AreEqual("sha", noSha.ParamName);
            Assert.AreEqual("fold", noFold.ParamName);
        }

        [TestMethod]
        [DataRow(0, "partition size 0x0 invalid: expected 1 byte to 16 MB")]
        [DataRow(-1, "invalid: expected 1 byte to 16 MB")]
        [DataRow(0x1000001, "partition size 0x1000001 invalid: expected 1 byte to 16 MB")]
        public void ACapacityOutsideOneByteTo16MegabytesIsRefused(int capacity, string message)
        {
            ImageValidator validator = new ImageValidator();

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => validator.Begin(capacity));

            Expect.Contains(message, e.Message);
            Assert.AreEqual("capacity", ((ArgumentException)e).ParamName);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(0x1000000)]
        public void CapacitiesOfOneByteAnd16MegabytesAreTaken(int capacity)
        {
            ImageValidator validator = new ImageValidator();

            validator.Begin(capacity);

            Assert.AreEqual(0, validator.Position);
            Assert.AreEqual(-1, validator.ImageLength);
            Assert.IsFalse(validator.IsComplete);
        }

        [TestMethod]
        [DataRow(-1, 4)]
        [DataRow(0, -1)]
        [DataRow(1, 24)]
        public void FeedRefusesARangeOutsideItsBuffer(int offset, int count)
        {
            byte[] image = ImageSamples.Cut(ImageSamples.Small(), 24);
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => validator.Feed(image, offset, count));
            Assert.AreEqual("count", ((ArgumentException)e).ParamName);
            validator.Feed(image, 0, 0);
            var noBuffer = (ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), () => validator.Feed(null, 0, 0));

            Assert.AreEqual("buffer", noBuffer.ParamName);
            Assert.AreEqual(0, validator.Position, "nothing was taken");
            validator.Feed(image, 0, 24);
            Assert.AreEqual(24, validator.Position, "a range ending at the buffer's end is taken");
        }

        [TestMethod]
        public void EachCallOutOfOrderSaysWhatMustComeFirst()
        {
            byte[] image = ImageSamples.Small();
            ImageValidator validator = new ImageValidator();

            Expect.Contains("Begin(capacity) must come before Feed",
                Expect.Throws(typeof(InvalidOperationException), () => validator.Feed(image, 0, 4)).Message);
            Expect.Contains("Begin(capacity) must come before Finish",
                Expect.Throws(typeof(InvalidOperationException), () => validator.Describe()).Message);

            image[0] = 0;
            validator.Begin(ImageSamples.Capacity);
            Expect.Throws(typeof(ImageException), () => validator.Feed(image, 0, 24));
            Expect.Contains("the image was rejected; Begin again for another",
                Expect.Throws(typeof(InvalidOperationException), () => validator.Feed(image, 24, 4)).Message);
            Expect.Contains("the image was rejected; there is nothing to describe",
                Expect.Throws(typeof(InvalidOperationException), () => validator.Describe()).Message);
        }

        /// <summary>The header of the sample image with the three revision fields set, fed with the module's revision.</summary>
        private static int FeedHeader(int chipRevision, byte minChipRev, int minChipRevFull, int maxChipRevFull)
        {
            byte[] header = ImageSamples.Cut(ImageSamples.Small(), ImageFormat.HeaderSize);
            header[ImageFormat.MinChipRevOffset] = minChipRev;
            header[ImageFormat.MinChipRevFullOffset] = (byte)minChipRevFull;
            header[ImageFormat.MinChipRevFullOffset + 1] = (byte)(minChipRevFull >> 8);
            header[ImageFormat.MaxChipRevFullOffset] = (byte)maxChipRevFull;
            header[ImageFormat.MaxChipRevFullOffset + 1] = (byte)(maxChipRevFull >> 8);
            ImageValidator validator = new ImageValidator();
            validator.ChipRevision = chipRevision;
            validator.Begin(ImageSamples.Capacity);
            validator.Feed(header, 0, header.Length);
            return validator.Position;
        }

        private static void ExpectRevisionError(int chipRevision, byte minChipRev, int minChipRevFull, int maxChipRevFull, int offset, string message)
        {
            var e = (ImageException)Expect.Throws(typeof(ImageException), () => FeedHeader(chipRevision, minChipRev, minChipRevFull, maxChipRevFull));
            Assert.IsTrue(e.Reason == ImageError.ChipRevision, e.Message);
            Assert.AreEqual(offset, e.Offset, e.Message);
            Assert.AreEqual(message, e.Message);
        }

        [TestMethod]
        public void AnImageNeedingALaterChipIsRefusedByTheFieldThatAsksForIt()
        {
            ExpectRevisionError(300, 4, 0, 0, ImageFormat.MinChipRevOffset,
                "chip revision check failed. Required >= v4.0, found v3.0 (the image's header at offset 0xE)");
            ExpectRevisionError(300, 3, 301, 0, ImageFormat.MinChipRevFullOffset,
                "chip revision check failed. Required >= v3.1, found v3.0 (the image's header at offset 0xF)");
            // min_chip_rev_full equal to the legacy byte's revision: the legacy field is the one reported.
            ExpectRevisionError(201, 3, 300, 0, ImageFormat.MinChipRevOffset,
                "chip revision check failed. Required >= v3.0, found v2.1 (the image's header at offset 0xE)");
        }

        [TestMethod]
        public void ARevisionZeroChipIsCheckedAndUnknownByDefault()
        {
            Assert.AreEqual(ImageValidator.UnknownChipRevision, new ImageValidator().ChipRevision);
            ExpectRevisionError(0, 1, 0, 0, ImageFormat.MinChipRevOffset,
                "chip revision check failed. Required >= v1.0, found v0.0 (the image's header at offset 0xE)");
        }

        [TestMethod]
        public void AValidatorBegunAgainValidatesTheNextImageAfresh()
        {
            byte[] image = ImageSamples.Small();
            byte[] bad = ImageSamples.Cut(image, image.Length);
            bad[bad.Length - 1] ^= 1;
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);
            validator.Feed(bad, 0, bad.Length);

            Expect.Throws(typeof(ImageException), () => validator.Finish());

            validator.Begin(ImageSamples.Capacity);
            validator.Feed(image, 0, image.Length);
            Assert.AreEqual(image.Length, validator.Finish().ImageLength);
        }

        [TestMethod]
        public void AnImageAllowingOnlyEarlierChipsIsRefused()
        {
            ExpectRevisionError(301, 0, 0, 300, ImageFormat.MaxChipRevFullOffset,
                "chip revision check failed. Required <= v3.0, found v3.1 (the image's header at offset 0x11)");
        }

        [TestMethod]
        [DataRow(ImageValidator.UnknownChipRevision, 4, 0, 1)]
        [DataRow(300, 3, 300, 300)]
        [DataRow(301, 3, 301, 0)]
        [DataRow(399, 0, 0, 0xFFFF)]
        [DataRow(0, 0, 0, 0)]
        public void AnImageWithinTheChipsRangeOrAnUnknownChipPasses(int chipRevision, int minChipRev, int minChipRevFull, int maxChipRevFull)
        {
            Assert.AreEqual(ImageFormat.HeaderSize, FeedHeader(chipRevision, (byte)minChipRev, minChipRevFull, maxChipRevFull));
        }

        [TestMethod]
        [DataRow(0, "v0.0")]
        [DataRow(1, "v0.1")]
        [DataRow(301, "v3.1")]
        [DataRow(1200, "v12.0")]
        public void RevisionsPrintAsEspIdfPrintsThem(int full, string text)
        {
            Assert.AreEqual(text, ImageValidator.RevisionText(full));
        }
    }
}
