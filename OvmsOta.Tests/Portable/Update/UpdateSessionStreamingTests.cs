#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// How a session streams odd blocks (empty ones, a first block of one byte) without a needless flash operation,
    /// and how a gate's refusal ends it: seen in the first block, the target keeps what it held ("refused", nothing
    /// changed); seen after the first erase, the target is made unbootable ("rejected").
    /// </summary>
    [TestClass]
    public class UpdateSessionStreamingTests
    {
        private const int Chunk = 4096;

        /// <summary>Refuses every image once its app description has streamed past, as the announced-version gate does.</summary>
        private sealed class RefusingGate : IImageGate
        {
            public void Check(ImageHeader header, AppDescription description)
            {
                throw new ImageException(ImageError.NotAnnounced, ImageFormat.AppDescriptionOffset, "not the announced version");
            }
        }

        [TestMethod]
        public void AnEmptyBlockChangesNothingAnywhereInTheStream()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);

            session.Write(image, 0, 0);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "an empty first block");
            session.Write(image, 0, Chunk);
            long changes = rig.Flash.Counters.Total.Changes;
            session.Write(image, Chunk, 0);
            session.Write(image, image.Length, 0);

            Assert.AreEqual(changes, rig.Flash.Counters.Total.Changes, "empty blocks later on");
            Assert.AreEqual(Chunk, session.BytesWritten);
            for (int offset = Chunk; offset < image.Length; offset += Chunk)
                session.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
            Assert.AreEqual("ota_1", session.End().Label);
            Assert.IsTrue(rig.Check().HasValidImage(rig.Ota1));
        }

        [TestMethod]
        public void AFirstBlockOfOneByteWritesNothingUntilTheRestArrives()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);

            session.Write(image, 0, 1);

            Assert.AreEqual(0, rig.Flash.Counters.Range("ota_1").Writes, "byte 0 is held back, nothing else to write");
            Assert.AreEqual(1, session.BytesWritten);
            session.Write(image, 1, Chunk - 1);
            Assert.AreEqual(1, rig.Flash.Counters.Range("ota_1").Writes);
            Assert.AreEqual(FlashGeometry.Erased, rig.Read(rig.Ota1.Offset, 1)[0]);
            CollectionAssert.AreEqual(Slice(image, 1, Chunk - 1), rig.Read(rig.Ota1.Offset + 1, Chunk - 1));
            for (int offset = Chunk; offset < image.Length; offset += Chunk)
                session.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
            session.End();
            CollectionAssert.AreEqual(image, rig.Read(rig.Ota1.Offset, image.Length));
        }

        [TestMethod]
        public void AGateRefusalInTheFirstBlockLeavesTheTargetAsItWas()
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] targetBefore = rig.Read(rig.Ota1.Offset, 0x12000);
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length, new RefusingGate());

            var e = (UpdateException)Expect.Throws(typeof(UpdateException), () => session.Write(image, 0, Chunk));

            Assert.AreEqual("Image refused: not the announced version; ota_1 is unchanged", e.Message);
            Assert.IsTrue(e.NothingChanged);
            Assert.IsFalse(session.IsOpen);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
            CollectionAssert.AreEqual(targetBefore, rig.Read(rig.Ota1.Offset, targetBefore.Length));
            CollectionAssert.AreEqual(otaDataBefore, rig.OtaDataBytes());
        }

        [TestMethod]
        public void AGateRefusalAfterTheFirstEraseLeavesTheTargetUnbootable()
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length, new RefusingGate());
            session.Write(image, 0, ImageFormat.AppDescriptionOffset);

            var e = (UpdateException)Expect.Throws(typeof(UpdateException), () => session.Write(image, ImageFormat.AppDescriptionOffset, Chunk));

            Assert.AreEqual("Image rejected: not the announced version", e.Message);
            Assert.IsFalse(e.NothingChanged);
            Assert.IsFalse(session.IsOpen);
            rig.AssertUntouched(otaDataBefore, runningBefore, "refused after the first erase");
        }

        [TestMethod]
        public void NeitherAnEmptyBlockNorAOneByteFirstBlockCallsTheFlash()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            var recording = new RecordingFlash(rig.Flash);
            UpdateSession session = rig.Updater(recording, Chunk).Begin(image.Length);

            session.Write(image, 0, 0);
            session.Write(image, 0, 1);
            Assert.AreEqual(1, recording.Count, "only the first erase");
            Assert.AreEqual(RecordingFlash.BlockEraseOp, recording.Kinds[0], "the first 64 KB of the image");
            session.Write(image, 1, Chunk - 1);
            int calls = recording.Count;
            session.Write(image, Chunk, 0);

            Assert.AreEqual(calls, recording.Count, "an empty block after the first");
        }

        [TestMethod]
        public void AResumedUpdateErasesFromItsFirstKeptSectorToTheImagesLastOnly()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            int held = FlashGeometry.BlockSize + 0x800;
            UpdateSession cut = rig.Updater().Begin(image.Length);
            for (int offset = 0; offset < held; offset += 0x800)
                cut.Write(image, offset, 0x800);
            var recording = new RecordingFlash(rig.Flash);

            UpdateSession resumed = rig.Updater(recording, Chunk).Resume(image.Length, null, held, image, 64);
            Assert.AreEqual(FlashGeometry.BlockSize, resumed.BytesWritten, "the sector being written at the cut is written again");
            Assert.AreEqual(image.Length, resumed.ExpectedSize);
            for (int offset = resumed.BytesWritten; offset < image.Length; offset += Chunk)
                resumed.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
            resumed.End();

            int end = rig.Ota1.Offset + SlotEraser.AlignUp(image.Length, FlashGeometry.SectorSize);
            int next = rig.Ota1.Offset + FlashGeometry.BlockSize;
            for (int i = 0; i < recording.Count; i++)
            {
                if (recording.Kinds[i] == RecordingFlash.WriteOp || recording.Addresses[i] == UpdateRig.OtaDataOffset
                    || recording.Addresses[i] == UpdateRig.OtaDataOffset + FlashGeometry.SectorSize)
                    continue; // writes, and otadata's switch
                Assert.AreEqual(RecordingFlash.SectorEraseOp, recording.Kinds[i], "sectors only: the rest is less than a block");
                Assert.AreEqual(next, recording.Addresses[i], "erase " + i.ToString());
                next += FlashGeometry.SectorSize;
            }
            Assert.AreEqual(end, next, "every sector from the first kept one to the image's last, nothing past it");
            CollectionAssert.AreEqual(image, rig.Read(rig.Ota1.Offset, image.Length));
            Assert.AreEqual("ota_1", rig.BootsAfterReset().Label);
        }

        private static byte[] Slice(byte[] bytes, int offset, int count)
        {
            byte[] slice = new byte[count];
            Array.Copy(bytes, offset, slice, 0, count);
            return slice;
        }
    }
}
