#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>The validator gives the same answer whatever the block size, and reads only the image's own length.</summary>
    [TestClass]
    public class ImageValidatorStreamingTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(512)]
        [DataRow(4096)]
        [DataRow(0)] // 0 = the whole image in one block
        public void EveryBlockSizeGivesTheSameResult(int blockSize)
        {
            byte[] image = ImageSamples.Mapped();
            ImageInfo whole = ImageSamples.Verify(image, ImageSamples.Capacity, image.Length);
            ImageInfo streamed = ImageSamples.Verify(image, ImageSamples.Capacity, blockSize == 0 ? image.Length : blockSize);
            AssertSame(whole, streamed);
            Assert.AreEqual(image.Length, streamed.ImageLength);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(512)]
        [DataRow(4096)]
        public void EveryBlockSizeFindsTheSameCorruption(int blockSize)
        {
            byte[] image = ImageSamples.Mapped();
            image[0x40] ^= 0x04;
            ImageInfo whole = ImageSamples.Describe(image, image.Length, ImageSamples.Capacity, image.Length);
            ImageInfo streamed = ImageSamples.Describe(image, image.Length, ImageSamples.Capacity, blockSize);
            AssertSame(whole, streamed);
            Assert.IsFalse(streamed.ChecksumValid);
            Assert.IsFalse(streamed.HashValid);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(512)]
        public void EveryBlockSizeReportsTheSameStructuralError(int blockSize)
        {
            byte[] image = ImageSamples.Mapped();
            ImageSegment irom = ImageSamples.Layout(image).Segments[4];
            ImageSamples.WriteUInt32(image, irom.HeaderOffset + 4, 0x7);
            ImageException expected = ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.BadSegmentLength, irom.HeaderOffset + 4, "found 0x7");
            ImageException e = (ImageException)Expect.Throws(typeof(ImageException),
                () => ImageSamples.Describe(image, image.Length, ImageSamples.Capacity, blockSize));
            Assert.AreEqual(expected.Message, e.Message);
        }

        [TestMethod]
        [DataRow(0xFF)]
        [DataRow(0x5A)]
        public void BytesAfterTheImageAreIgnored(int fill)
        {
            byte[] image = ImageSamples.Small();
            byte[] slot = ImageSamples.WithTail(image, 5000, (byte)fill);
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);
            for (int offset = 0; offset < slot.Length; offset += 512)
                validator.Feed(slot, offset, slot.Length - offset < 512 ? slot.Length - offset : 512);
            Assert.IsTrue(validator.IsComplete);
            Assert.AreEqual(image.Length, validator.Position);
            ImageInfo info = validator.Finish();
            Assert.AreEqual(image.Length, info.ImageLength);
            AssertSame(ImageSamples.Layout(image), info);
        }

        [TestMethod]
        public void ImageLengthIsKnownOnceTheLastSegmentHeaderIsRead()
        {
            byte[] image = ImageSamples.Mapped();
            ImageSegment irom = ImageSamples.Layout(image).Segments[4];
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);
            validator.Feed(image, 0, irom.DataOffset - 1);
            Assert.AreEqual(-1, validator.ImageLength);
            validator.Feed(image, irom.DataOffset - 1, 1);
            Assert.AreEqual(image.Length, validator.ImageLength);
            Assert.IsFalse(validator.IsComplete);
        }

        [TestMethod]
        public void OneValidatorCanBeReused()
        {
            byte[] corrupt = ImageSamples.Small();
            corrupt[0] = 0;
            byte[] good = ImageSamples.Mapped();
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);
            Expect.Throws(typeof(ImageException), () => validator.Feed(corrupt, 0, corrupt.Length));
            validator.Begin(ImageSamples.Capacity);
            validator.Feed(good, 0, good.Length);
            AssertSame(ImageSamples.Layout(good), validator.Finish());
        }

        [TestMethod]
        public void RejectedImageTakesNoMoreBytes()
        {
            byte[] image = ImageSamples.Small();
            image[0] = 0;
            ImageValidator validator = new ImageValidator();
            validator.Begin(ImageSamples.Capacity);
            Expect.Throws(typeof(ImageException), () => validator.Feed(image, 0, 100));
            Expect.Throws(typeof(System.InvalidOperationException), () => validator.Feed(image, 100, 100));
            Expect.Throws(typeof(System.InvalidOperationException), () => validator.Finish());
        }

        [TestMethod]
        public void ImageWithoutAppendedHashEndsAtItsChecksum()
        {
            byte[] image = ImageSamples.Small();
            ImageInfo hashed = ImageSamples.Layout(image);
            // hash_appended is in the header, which the checksum does not cover: the old digest becomes slot tail.
            image[ImageFormat.HashAppendedOffset] = 0;
            ImageInfo info = ImageSamples.Verify(image, ImageSamples.Capacity, 7);
            Assert.AreEqual(hashed.ImageLength - 32, info.ImageLength);
            Assert.IsNull(info.StoredHash);
            Assert.IsTrue(info.HashValid);
            Assert.AreEqual(hashed.StoredChecksum, info.StoredChecksum);
        }

        [TestMethod]
        public void FeedBeforeBeginIsRefused()
        {
            ImageValidator validator = new ImageValidator();
            byte[] image = ImageSamples.Small();
            Expect.Throws(typeof(System.InvalidOperationException), () => validator.Feed(image, 0, 4));
        }

        static void AssertSame(ImageInfo expected, ImageInfo actual)
        {
            Assert.AreEqual(expected.ImageLength, actual.ImageLength);
            Assert.AreEqual(expected.Segments.Length, actual.Segments.Length);
            for (int i = 0; i < expected.Segments.Length; i++)
            {
                Assert.AreEqual(expected.Segments[i].HeaderOffset, actual.Segments[i].HeaderOffset);
                Assert.AreEqual(expected.Segments[i].LoadAddress, actual.Segments[i].LoadAddress);
                Assert.AreEqual(expected.Segments[i].Length, actual.Segments[i].Length);
            }
            Assert.AreEqual(expected.StoredChecksum, actual.StoredChecksum);
            Assert.AreEqual(expected.CalculatedChecksum, actual.CalculatedChecksum);
            CollectionAssert.AreEqual(expected.StoredHash, actual.StoredHash);
            CollectionAssert.AreEqual(expected.CalculatedHash, actual.CalculatedHash);
            Assert.AreEqual(expected.AppDescription.Version, actual.AppDescription.Version);
            Assert.AreEqual(expected.AppDescription.ProjectName, actual.AppDescription.ProjectName);
        }
    }
}
