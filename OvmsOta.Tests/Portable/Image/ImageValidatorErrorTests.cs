#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;

namespace OvmsOta.Tests.Portable.Image
{
    /// <summary>Each way an image can be wrong is rejected with its reason, offset and a message naming expected and found values.</summary>
    [TestClass]
    public class ImageValidatorErrorTests
    {
        [TestMethod]
        public void BadMagicIsRejected()
        {
            byte[] image = ImageSamples.Small();
            image[0] = 0x47;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.BadMagic, 0,
                "Image magic: expected 0xE9, found 0x47 at offset 0x0");
        }

        [TestMethod]
        public void ErasedSlotIsRejectedAsBadMagic()
        {
            byte[] image = ImageSamples.WithTail(new byte[0], 64, 0xFF);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.BadMagic, 0, "found 0xFF");
        }

        [TestMethod]
        public void OtherChipIsRejected()
        {
            byte[] image = ImageSamples.Small();
            image[ImageFormat.ChipIdOffset] = 2; // ESP32-S2
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.WrongChip, 0xC,
                "chip ID: expected 0 (ESP32), found 2 at offset 0xC");
        }

        [TestMethod]
        public void SeventeenSegmentsAreRejected()
        {
            byte[] image = ImageSamples.Small();
            image[ImageFormat.SegmentCountOffset] = 17;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.TooManySegments, 1,
                "Segment count exceeds max: expected at most 16, found 17 at offset 0x1");
        }

        [TestMethod]
        public void ZeroSegmentsHaveNoAppDescription()
        {
            byte[] image = ImageSamples.Small();
            image[ImageFormat.SegmentCountOffset] = 0;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.AppDescriptionMissing, 1, "found 0 at offset 0x1");
        }

        [TestMethod]
        public void SegmentLengthNotMultipleOfFourIsRejected()
        {
            byte[] image = ImageSamples.Small();
            ImageSegment dram = ImageSamples.Layout(image).Segments[1];
            ImageSamples.WriteUInt32(image, dram.HeaderOffset + 4, (uint)dram.Length + 2);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.BadSegmentLength, dram.HeaderOffset + 4,
                "Invalid segment 1 length: expected a multiple of 4 below 0x1000000, found " + Hex.Format(dram.Length + 2));
        }

        [TestMethod]
        public void SegmentOf16MegabytesIsRejected()
        {
            byte[] image = ImageSamples.Small();
            ImageSegment dram = ImageSamples.Layout(image).Segments[1];
            ImageSamples.WriteUInt32(image, dram.HeaderOffset + 4, 0x1000000);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.BadSegmentLength, dram.HeaderOffset + 4, "found 0x1000000");
        }

        [TestMethod]
        public void SegmentPastThePartitionIsRejectedAtItsHeader()
        {
            byte[] image = ImageSamples.Mapped();
            ImageSegment irom = ImageSamples.Layout(image).Segments[4];
            int capacity = irom.DataOffset + irom.Length - 4;
            ImageSamples.ExpectError(image, image.Length, capacity, ImageError.SegmentPastPartition, irom.HeaderOffset + 4,
                "Segment 4 runs past the partition: expected an end at most " + Hex.Format(capacity) + " (the partition size), found "
                + Hex.Format(irom.DataOffset + irom.Length));
        }

        [TestMethod]
        public void ImageLongerThanThePartitionIsRejected()
        {
            byte[] image = ImageSamples.Mapped();
            ImageSegment irom = ImageSamples.Layout(image).Segments[4];
            int capacity = image.Length - 1;
            ImageSamples.ExpectError(image, image.Length, capacity, ImageError.ImageTooLarge, 0,
                "Image length doesn't fit in partition: expected at most " + Hex.Format(capacity) + " (the partition size), found " + Hex.Format(image.Length));
            Assert.IsTrue(irom.DataOffset + irom.Length <= capacity, "the segments themselves fit");
        }

        [TestMethod]
        public void MappedSegmentAtTheWrongFileOffsetIsRejected()
        {
            byte[] image = ImageSamples.Mapped();
            ImageSegment irom = ImageSamples.Layout(image).Segments[4];
            ImageSamples.WriteUInt32(image, irom.HeaderOffset, irom.LoadAddress + 4);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.SegmentMisaligned, irom.HeaderOffset,
                "Segment 4 load address " + Hex.Format(irom.LoadAddress + 4) + " doesn't match data: expected a data offset equal to it modulo 0x10000, found "
                + Hex.Format(irom.DataOffset));
        }

        [TestMethod]
        public void Segment0TooShortForTheAppDescriptionIsRejected()
        {
            byte[] image = ImageSamples.Small();
            ImageSamples.WriteUInt32(image, 0x1C, 0x40);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.AppDescriptionMissing, 0x1C,
                "Segment 0 is too short for the app description: expected at least 0x100 bytes, found 0x40 at offset 0x1C");
        }

        [TestMethod]
        public void AppDescriptionWithBadMagicIsRejected()
        {
            byte[] image = ImageSamples.Small();
            image[0x20] = 0x33;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.AppDescriptionBadMagic, 0x20,
                "App description magic: expected 0xABCD5432, found 0xABCD5433 at offset 0x20");
        }

        [TestMethod]
        public void ChecksumByteMismatchIsRejected()
        {
            byte[] image = ImageSamples.Small();
            ImageInfo layout = ImageSamples.Layout(image);
            int at = layout.ChecksumOffset;
            byte good = image[at];
            image[at] ^= 0x01;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.ChecksumMismatch, at,
                "Checksum failed: expected " + Hex.Format((uint)good) + " (calculated), found " + Hex.Format((uint)(good ^ 1)) + " at offset " + Hex.Format(at));
        }

        [TestMethod]
        public void DataChangeThatKeepsTheChecksumFailsTheHash()
        {
            byte[] image = ImageSamples.Mapped();
            ImageInfo layout = ImageSamples.Layout(image);
            ImageSegment irom = layout.Segments[4];
            // The same bit in two data bytes: the XOR checksum cannot see it, SHA-256 must.
            image[irom.DataOffset + 5] ^= 0x10;
            image[irom.DataOffset + 9] ^= 0x10;
            ImageInfo info = ImageSamples.Describe(image, image.Length, ImageSamples.Capacity, 4096);
            Assert.IsTrue(info.ChecksumValid);
            Assert.IsFalse(info.HashValid);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.HashMismatch, layout.ChecksumOffset + 1,
                "Image hash failed - image is corrupt: expected " + Hex.Digest(info.CalculatedHash, 0, 32) + " (calculated), found "
                + Hex.Digest(layout.StoredHash, 0, 32));
        }

        [TestMethod]
        public void OneDataByteChangedFailsChecksumAndHash()
        {
            byte[] image = ImageSamples.Small();
            image[0x30] ^= 0x01; // version[0], as in the esptool corrupt vector
            ImageInfo info = ImageSamples.Describe(image, image.Length, ImageSamples.Capacity, 4096);
            Assert.IsFalse(info.ChecksumValid);
            Assert.IsFalse(info.HashValid);
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.ChecksumMismatch, info.ChecksumOffset, "Checksum failed");
        }

        [TestMethod]
        public void StoredHashChangedIsRejected()
        {
            byte[] image = ImageSamples.Small();
            image[image.Length - 1] ^= 0x80;
            ImageSamples.ExpectError(image, image.Length, ImageSamples.Capacity, ImageError.HashMismatch, image.Length - 32, "Image hash failed");
        }

        [TestMethod]
        [DataRow(0, "the image header")]
        [DataRow(10, "the image header")]
        [DataRow(0x1C, "segment 0 header")]
        [DataRow(0x21, "segment 0 data")]
        [DataRow(0x10000, "segment 3 data")]
        [DataRow(0x10019, "segment 4 header")]
        [DataRow(0x10100, "segment 4 data")]
        public void StreamEndingEarlyIsTruncated(int cut, string where)
        {
            byte[] image = ImageSamples.Mapped();
            ImageException e = ImageSamples.ExpectError(image, cut, ImageSamples.Capacity, ImageError.Truncated, cut,
                "found the end of the stream at offset " + Hex.Format(cut) + ", in " + where);
            Expect.Contains("Image truncated: expected", e.Message);
        }

        [TestMethod]
        [DataRow(-34, "the padding")]
        [DataRow(-33, "the checksum")]
        [DataRow(-32, "the SHA-256")]
        [DataRow(-1, "the SHA-256")]
        public void StreamEndingInTheFooterIsTruncated(int fromEnd, string where)
        {
            byte[] image = ImageSamples.Mapped();
            ImageInfo layout = ImageSamples.Layout(image);
            int cut = image.Length + fromEnd;
            // The checksum byte is at P - 1, the hash at P = length - 32; the padding before P - 1 is 0..15 bytes.
            if (fromEnd == -34 && layout.ChecksumOffset == layout.SegmentsEnd)
                return;
            ImageSamples.ExpectError(image, cut, ImageSamples.Capacity, ImageError.Truncated, cut,
                "Image truncated: expected " + Hex.Format(image.Length) + " bytes, found the end of the stream at offset " + Hex.Format(cut) + ", in " + where);
        }
    }
}
