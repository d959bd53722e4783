#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// How a session ends: once ended (by End, Abort or a failure) nothing more reaches flash or otadata, an Abort
    /// after a successful End leaves the new image alone, and Write refuses a range outside its buffer before it
    /// touches anything.
    /// </summary>
    [TestClass]
    public class UpdateSessionEndingTests
    {
        private const int Chunk = 4096;

        [TestMethod]
        public void EndAfterAbortActivatesNothing()
        {
            // Every byte arrived, so only the session's own state stands between End and an otadata switch.
            UpdateRig rig = UpdateRig.Create();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);
            for (int offset = 0; offset < image.Length; offset += Chunk)
                session.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
            session.Abort();

            Exception e = Expect.Throws(typeof(InvalidOperationException), () => session.End());

            Expect.Contains("the update of ota_1 has ended", e.Message);
            Assert.IsNull(session.Image);
            rig.AssertUntouched(otaDataBefore, runningBefore, "End after Abort");
        }

        [TestMethod]
        public void AbortAfterEndLeavesTheSelectedImageIntact()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);
            UpdateRig.Push(session, image, image.Length, Chunk);
            rig.Flash.Counters.Clear();

            session.Abort();

            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "Abort after End changes no flash");
            Assert.AreEqual("ota_1", rig.BootPartition().Label);
            Assert.IsTrue(rig.Check().HasValidImage(rig.Ota1), "the new image still verifies");
            Assert.AreEqual("ota_1", rig.BootsAfterReset().Label);
        }

        [TestMethod]
        public void AbortBeforeAnyWriteLeavesAnOldImageInTheTargetUnbootable()
        {
            // Nothing was erased yet: the slot still holds the image of an earlier update, byte 0 = 0xE9.
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            UpdateSession session = rig.Updater().Begin(0x11000);

            session.Abort();

            Assert.IsFalse(session.IsOpen);
            Assert.AreEqual(1, rig.Flash.Counters.Range("ota_1").SectorErases, "the target's first sector, once");
            rig.AssertUntouched(otaDataBefore, runningBefore, "Abort before any write");
        }

        [TestMethod]
        public void AbortOnABlankTargetErasesNothing()
        {
            UpdateRig rig = UpdateRig.Create();
            UpdateSession session = rig.Updater().Begin(0x11000);

            session.Abort();
            session.Abort();

            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "byte 0 is already erased");
        }

        [TestMethod]
        [DataRow(-1, 10, "offset -1 + count 10 lies outside a buffer of 100")]
        [DataRow(0, -1, "offset 0 + count -1 lies outside a buffer of 100")]
        [DataRow(91, 10, "offset 91 + count 10 lies outside a buffer of 100")]
        [DataRow(101, 0, "offset 101 + count 0 lies outside a buffer of 100")]
        public void WriteRefusesARangeOutsideItsBufferBeforeTouchingFlash(int offset, int count, string message)
        {
            UpdateRig rig = UpdateRig.Create();
            UpdateSession session = rig.Updater().Begin(0x11000);
            byte[] buffer = new byte[100];

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), () => session.Write(buffer, offset, count));

            Expect.Contains(message, e.Message);
            Assert.AreEqual("count", ((ArgumentException)e).ParamName);
            Assert.AreEqual(0, session.BytesWritten);
            Assert.IsTrue(session.IsOpen, "a caller's mistake does not end the session");
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void WriteRefusesANullBufferAndTakesARangeEndingAtTheBuffersEnd()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            UpdateSession session = rig.Updater().Begin(image.Length);

            Exception e = Expect.Throws(typeof(ArgumentNullException), () => session.Write(null, 0, 0));
            Assert.AreEqual("buffer", ((ArgumentException)e).ParamName);
            session.Write(image, image.Length, 0);
            Assert.AreEqual(0, session.BytesWritten);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "an empty write changes nothing");

            session.Write(image, 0, image.Length);
            Assert.AreEqual(image.Length, session.BytesWritten);
            Assert.AreEqual("ota_1", session.End().Label);
        }
    }
}
