#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Update;
using OvmsOta.Tests.Portable.Image;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// Every way an update can fail ends in UpdateException with a message an owner can act on, and leaves otadata
    /// and the running slot byte-identical and the target unbootable (it held a valid earlier image before).
    /// </summary>
    [TestClass]
    public class UpdateRejectionTests
    {
        private const int Chunk = 4096;

        [TestMethod]
        [DataRow("magic", "Image rejected: Image magic: expected 0xE9, found 0x47 at offset 0x0")]
        [DataRow("chip", "Image rejected: Mismatch chip ID: expected 0 (ESP32), found 2 at offset 0xC")]
        [DataRow("segment-count", "Image rejected: Segment count exceeds max: expected at most 16, found 17")]
        [DataRow("checksum", "Image rejected: Checksum failed: expected ")]
        [DataRow("sha", "Image rejected: Image hash failed - image is corrupt: expected ")]
        [DataRow("truncated", "Image rejected: Image truncated: expected ")]
        [DataRow("oversize", "Image rejected: Segment 4 runs past the partition: expected an end at most 0x70000 (the partition size)")]
        [DataRow("expected-larger", "Download file size (69632) does not match expected (69648)")]
        [DataRow("expected-smaller", "Download firmware is bigger than expected: ")]
        public void ACorruptedImageOrWrongSizeIsRejectedAndChangesNothingThatBoots(string variant, string message)
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, ImageSamples.MappedSize);
            Assert.AreEqual(69632, image.Length, "the builder's mapped image");
            int expected = image.Length;
            int pushed = image.Length;
            Corrupt(variant, image, ref expected, ref pushed);
            UpdateSession session = rig.Updater().Begin(expected);

            string text = UpdateRig.Rejected(() => UpdateRig.Push(session, image, pushed, Chunk));

            Expect.Contains(message, text);
            Assert.IsFalse(session.IsOpen);
            rig.AssertUntouched(otaDataBefore, runningBefore, variant);
        }

        private static void Corrupt(string variant, byte[] image, ref int expected, ref int pushed)
        {
            ImageInfo layout = ImageSamples.Layout(image);
            switch (variant)
            {
                case "magic": image[0] = 0x47; break;
                case "chip": image[ImageFormat.ChipIdOffset] = 2; break;
                case "segment-count": image[ImageFormat.SegmentCountOffset] = 17; break;
                case "checksum": image[layout.ChecksumOffset] ^= 0x01; break;
                case "sha": image[image.Length - 1] ^= 0x80; break;
                case "truncated": expected = image.Length - 100; pushed = expected; break;
                case "oversize":
                    ImageSegment irom = layout.Segments[4];
                    LittleEndian.WriteUInt32(image, irom.HeaderOffset + 4, (uint)(UpdateRig.SlotSize - irom.DataOffset + 4));
                    break;
                case "expected-larger": expected = image.Length + 16; break;
                case "expected-smaller": expected = image.Length - 16; break;
                default: throw new System.ArgumentException("unknown variant " + variant);
            }
        }

        [TestMethod]
        [DataRow(0, "Expected download file size (0) is invalid")]
        [DataRow(-5, "Expected download file size (-5) is invalid")]
        [DataRow(UpdateRig.SlotSize + 1, "target partition too small (458752 bytes capacity) for an image of 458753 bytes")]
        public void ASizeTheSlotCannotTakeIsRefusedBeforeAnyFlashChange(int size, string message)
        {
            UpdateRig rig = UpdateRig.Create();
            OtaUpdater updater = rig.Updater();

            Expect.Contains(message, UpdateRig.Rejected(() => updater.Begin(size)));

            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
            Assert.IsFalse(updater.IsBusy);
        }

        [TestMethod]
        public void ATableWithoutASecondSlotIsRefused()
        {
            var flash = new SimulatedFlash(0x100000);
            PartitionEntry factory = new PartitionEntry("factory", PartitionTypes.App, PartitionTypes.AppFactory, 0x10000, 0x40000, 0);
            PartitionEntry ota0 = new PartitionEntry("ota_0", PartitionTypes.App, PartitionTypes.AppOtaMin, 0x50000, 0x40000, 0);
            PartitionEntry otadata = new PartitionEntry("otadata", PartitionTypes.Data, PartitionTypes.DataOta, 0xd000, 0x2000, 0);
            var factoryOnly = new PartitionTable(new PartitionEntry[] { factory });
            var oneSlot = new PartitionTable(new PartitionEntry[] { otadata, ota0 });

            Expect.Contains("Target partition cannot be determined", UpdateRig.Rejected(() => new OtaUpdater(flash, factoryOnly, factory).Begin(1000)));
            Expect.Contains("Cannot flash to running image partition", UpdateRig.Rejected(() => new OtaUpdater(flash, oneSlot, ota0).Begin(1000)));
            Expect.Contains("Current running image cannot be determined", UpdateRig.Rejected(() => new OtaUpdater(flash, oneSlot, null).Begin(1000)));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ASecondUpdateIsRefusedWhileOneIsOpenAndAllowedAfterAbort()
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            OtaUpdater updater = rig.Updater();
            UpdateSession first = updater.Begin(image.Length);
            first.Write(image, 0, 10000);

            Expect.Contains("already in progress", UpdateRig.Rejected(() => updater.Begin(image.Length)));
            first.Abort();
            Expect.Throws(typeof(System.InvalidOperationException), () => first.Write(image, 10000, 100));

            rig.AssertUntouched(otaDataBefore, runningBefore, "aborted");
            PartitionEntry target = UpdateRig.Push(updater.Begin(image.Length), image, image.Length, Chunk);
            Assert.AreEqual("ota_1", target.Label);
        }

        [TestMethod]
        [DataRow(1, "Flash erase/write failed while writing ota_1 at 0x80000")]
        [DataRow(9, "Flash erase/write failed while writing ota_1 at 0x88000")]
        [DataRow(18, "Flash write of the image magic at 0x80000 failed")]
        public void AFlashFailureFailsTheUpdateCleanly(int failingWrite, string message)
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            Assert.AreEqual(17, (image.Length + Chunk - 1) / Chunk, "17 data writes, then the magic byte");
            var faulty = new FaultyFlash(rig.Flash);
            faulty.FailingWrite = failingWrite;

            Exception e = Expect.Throws(typeof(UpdateException), () => rig.Updater(faulty, Chunk).Install(UpdateRig.Stream(image), image.Length));

            Expect.Contains(message + ": simulated program failure at 0x", e.Message);
            Assert.IsTrue(e.InnerException is FlashException, "the driver's exception is the cause");
            rig.AssertUntouched(otaDataBefore, runningBefore, "write " + failingWrite.ToString() + " failed");
        }

        [TestMethod]
        public void ABitLostOnFlashIsCaughtByTheReadBackAndTheSlotIsErasedAgain()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            int at = 0x9000;
            while (image[at] == 0)
                at++;
            var faulty = new FaultyFlash(rig.Flash);
            faulty.FlipAddress = rig.Ota1.Offset + at;

            string text = UpdateRig.Rejected(() => rig.Updater(faulty, Chunk).Install(UpdateRig.Stream(image), image.Length));

            Expect.Contains("New image failed verification after writing ota_1: ", text);
            Assert.IsTrue(text.EndsWith("; the flash may be worn, try again"), text);
            rig.AssertUntouched(otaDataBefore, runningBefore, "read-back mismatch");
            Assert.AreEqual(18, rig.Flash.Counters.Range("ota_1").Writes, "17 data writes and the magic byte");
            Assert.AreEqual(2, rig.Flash.Counters.Range("ota_1").SectorErases, "the image's last sector, then the first again after the mismatch");
        }

        [TestMethod]
        public void APowerLossPassesThroughUntouched()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            OtaUpdater updater = rig.Updater();
            rig.Flash.ArmPowerCut(3, PowerCutKind.NotDone);

            Expect.Throws(typeof(PowerLossException), () => updater.Install(UpdateRig.Stream(image), image.Length));

            Assert.IsFalse(updater.IsBusy);
        }
    }
}
