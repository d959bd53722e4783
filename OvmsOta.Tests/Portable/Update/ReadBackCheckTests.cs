#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Update;
using OvmsOta.Tests.Portable.Image;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// The read-back that decides whether otadata switches: it passes only for the slot just written holding exactly
    /// what was streamed, and says why it failed (the session puts that reason in front of the owner).
    /// </summary>
    [TestClass]
    public class ReadBackCheckTests
    {
        private static ReadBackCheck NewCheck(UpdateRig rig)
        {
            return new ReadBackCheck(rig.Flash, new ImageValidator(), new byte[4096]);
        }

        /// <summary>The rig with image written into ota_1 and what a stream of it found.</summary>
        private static ImageInfo WriteTarget(UpdateRig rig, byte[] image)
        {
            rig.Flash.Write(rig.Ota1.Offset, image, 0, image.Length);
            return SlotImage.Verify(rig.Flash, rig.Ota1.Offset, rig.Ota1.Size, new byte[4096], new ImageValidator());
        }

        [TestMethod]
        public void TheSlotJustWrittenHoldingWhatWasStreamedPasses()
        {
            UpdateRig rig = UpdateRig.Create();
            ImageInfo streamed = WriteTarget(rig, UpdateRig.Image(UpdateRig.NewVersion, 0x11000));
            ReadBackCheck check = NewCheck(rig);

            check.Expect(rig.Ota1, streamed);

            Assert.IsTrue(check.HasValidImage(rig.Ota1));
            Assert.IsNull(check.Failure);
        }

        [TestMethod]
        public void ACheckBeforeAnyWriteOrOfAnotherSlotFails()
        {
            UpdateRig rig = UpdateRig.Create();
            ImageInfo streamed = WriteTarget(rig, UpdateRig.Image(UpdateRig.NewVersion, 0x11000));
            ReadBackCheck check = NewCheck(rig);

            Assert.IsFalse(check.HasValidImage(rig.Ota1));
            Assert.AreEqual("asked to verify ota_1, but the slot just written is none", check.Failure);

            check.Expect(rig.Ota1, streamed);
            Assert.IsFalse(check.HasValidImage(rig.Ota0), "ota_0 holds a valid image, but it is not the slot just written");
            Assert.AreEqual("asked to verify ota_0, but the slot just written is ota_1", check.Failure);
        }

        [TestMethod]
        public void ExpectClearsTheLastFailure()
        {
            UpdateRig rig = UpdateRig.Create();
            ImageInfo streamed = WriteTarget(rig, UpdateRig.Image(UpdateRig.NewVersion, 0x11000));
            ReadBackCheck check = NewCheck(rig);
            Assert.IsFalse(check.HasValidImage(rig.Ota1));

            check.Expect(rig.Ota1, streamed);

            Assert.IsNull(check.Failure);
        }

        [TestMethod]
        public void ACorruptSlotFailsWithTheValidatorsReason()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            ImageInfo streamed = ImageSamples.Layout(image);
            image[image.Length - 1] ^= 0x80;
            rig.Flash.Write(rig.Ota1.Offset, image, 0, image.Length);
            ReadBackCheck check = NewCheck(rig);
            check.Expect(rig.Ota1, streamed);

            Assert.IsFalse(check.HasValidImage(rig.Ota1));
            Expect.Contains("Image hash failed - image is corrupt", check.Failure);
        }

        [TestMethod]
        public void AValidImageOtherThanTheStreamedOneFailsOnLength()
        {
            UpdateRig rig = UpdateRig.Create();
            ImageInfo found = WriteTarget(rig, UpdateRig.Image(UpdateRig.NewVersion, 0x11000));
            ImageInfo streamed = ImageSamples.Layout(UpdateRig.Image(UpdateRig.NewVersion, 0x12000));
            ReadBackCheck check = NewCheck(rig);
            check.Expect(rig.Ota1, streamed);

            Assert.IsFalse(check.HasValidImage(rig.Ota1));
            Assert.AreEqual("image length " + Hex.Format(found.ImageLength) + " on flash, " + Hex.Format(streamed.ImageLength) + " received",
                check.Failure);
        }

        [TestMethod]
        public void AStreamedChecksumOrDigestOtherThanTheOneOnFlashFails()
        {
            UpdateRig rig = UpdateRig.Create();
            ImageInfo found = WriteTarget(rig, UpdateRig.Image(UpdateRig.NewVersion, 0x11000));
            ReadBackCheck check = NewCheck(rig);

            byte otherChecksum = (byte)(found.CalculatedChecksum ^ 1);
            check.Expect(rig.Ota1, Streamed(found, otherChecksum, found.CalculatedHash));
            Assert.IsFalse(check.HasValidImage(rig.Ota1));
            Assert.AreEqual("checksum " + Hex.Format((uint)found.CalculatedChecksum) + " on flash, " + Hex.Format((uint)otherChecksum) + " received",
                check.Failure);

            byte[] otherHash = (byte[])found.CalculatedHash.Clone();
            otherHash[otherHash.Length - 1] ^= 1;
            check.Expect(rig.Ota1, Streamed(found, found.CalculatedChecksum, otherHash));
            Assert.IsFalse(check.HasValidImage(rig.Ota1), "a digest differing in its last byte");
            Assert.AreEqual("SHA-256 " + Hex.Digest(found.CalculatedHash, 0, 32) + " on flash, " + Hex.Digest(otherHash, 0, 32) + " received",
                check.Failure);

            check.Expect(rig.Ota1, Streamed(found, found.CalculatedChecksum, null));
            Assert.IsFalse(check.HasValidImage(rig.Ota1), "a stream without a digest against a slot with one");
            Assert.AreEqual("SHA-256 " + Hex.Digest(found.CalculatedHash, 0, 32) + " on flash, none received", check.Failure);
        }

        private static ImageInfo Streamed(ImageInfo found, byte checksum, byte[] hash)
        {
            return new ImageInfo(found.Header, found.Segments, found.AppDescription, found.StoredChecksum, checksum, found.StoredHash, hash);
        }
    }
}
