#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Ports;
using OvmsOta.Signing;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Signing;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// Flash faults at the end of an update and in its clean-up: a read-back or an otadata erase that fails ends the
    /// update with what failed and the running image still selected, and a clean-up that fails too is named in the
    /// same message (the owner then knows the target may still hold a loadable image).
    /// </summary>
    [TestClass]
    public class UpdateSessionFlashFaultTests
    {
        private const int Chunk = 4096;

        /// <summary>Fails reads or erases in [From, To) once armed, with a FlashException as the device driver raises.</summary>
        private sealed class BreakingFlash : IFlash
        {
            private readonly IFlash _inner;
            public int From;
            public int To;
            public bool FailReads;
            public bool FailErases;

            public BreakingFlash(IFlash inner) { _inner = inner; }

            public int Size { get { return _inner.Size; } }

            public void Read(int address, byte[] buffer, int offset, int count)
            {
                if (FailReads && address < To && address + count > From)
                    throw new FlashException("read fault at 0x" + address.ToString("x"));
                _inner.Read(address, buffer, offset, count);
            }

            public void Write(int address, byte[] buffer, int offset, int count) { _inner.Write(address, buffer, offset, count); }

            public void EraseSector(int address)
            {
                if (FailErases && address < To && address >= From)
                    throw new FlashException("erase fault at 0x" + address.ToString("x"));
                _inner.EraseSector(address);
            }

            public void EraseBlock(int address) { _inner.EraseBlock(address); }
        }

        private static UpdateSession Streamed(UpdateRig rig, BreakingFlash flash, byte[] image)
        {
            UpdateSession session = rig.Updater(flash, Chunk).Begin(image.Length);
            for (int offset = 0; offset < image.Length; offset += Chunk)
                session.Write(image, offset, image.Length - offset < Chunk ? image.Length - offset : Chunk);
            return session;
        }

        [TestMethod]
        public void AReadBackThatCannotReadTheTargetFailsAndSaysTheCleanUpFailedToo()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            var flash = new BreakingFlash(rig.Flash);
            UpdateSession session = Streamed(rig, flash, image);
            flash.From = rig.Ota1.Offset;
            flash.To = rig.Ota1.End;
            flash.FailReads = true;

            Exception e = Expect.Throws(typeof(UpdateException), () => session.End());

            Assert.AreEqual("Reading back ota_1 failed: read fault at 0x80000 (making ota_1 unbootable failed too: read fault at 0x80000)", e.Message);
            Assert.IsTrue(e.InnerException is FlashException, "the driver's exception is the cause");
            Assert.IsFalse(session.IsOpen);
            CollectionAssert.AreEqual(otaDataBefore, rig.OtaDataBytes());
            Assert.AreEqual("ota_0", rig.BootPartition().Label);
        }

        [TestMethod]
        public void ASignatureCheckThatCannotReadTheTargetFailsBeforeByteZeroIsWritten()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] otaDataBefore = rig.OtaDataBytes();
            var signer = new FakeBlockSigner(1);
            byte[] file = SignedImages.Sign(new ImageBuilder(UpdateRig.NewVersion).Build(), signer);
            var policy = new SigningPolicy(KeyList.Parse(SignedImages.KeyHex(signer)), KeyList.Empty, true, 0);
            var flash = new BreakingFlash(rig.Flash);
            OtaUpdater updater = rig.Updater(flash, Chunk);
            updater.Signing = new SignatureCheck(flash, new ManagedSha256(), new FakeSignatureVerifier(), new FixedPolicy(policy));
            UpdateSession session = updater.Begin(file.Length);
            for (int offset = 0; offset < file.Length; offset += Chunk)
                session.Write(file, offset, file.Length - offset < Chunk ? file.Length - offset : Chunk);
            flash.From = rig.Ota1.Offset + 1;
            flash.To = rig.Ota1.End;
            flash.FailReads = true;

            Exception e = Expect.Throws(typeof(UpdateException), () => session.End());

            Expect.Contains("Reading ota_1 for the signature check failed: read fault at 0x", e.Message);
            Assert.IsTrue(e.InnerException is FlashException, "the driver's exception is the cause");
            Assert.AreEqual(FlashGeometry.Erased, rig.Read(rig.Ota1.Offset, 1)[0], "byte 0 never written");
            CollectionAssert.AreEqual(otaDataBefore, rig.OtaDataBytes());
        }

        [TestMethod]
        public void AnOtaDataEraseThatFailsEndsTheUpdateWithTheTargetUnbootableAgain()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] otaDataBefore = rig.OtaDataBytes();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            var flash = new BreakingFlash(rig.Flash);
            UpdateSession session = Streamed(rig, flash, image);
            flash.From = UpdateRig.OtaDataOffset;
            flash.To = UpdateRig.OtaDataOffset + 0x2000;
            flash.FailErases = true;

            string message = UpdateRig.Rejected(() => session.End());

            Assert.AreEqual("Setting boot partition ota_1 failed (error " + EspError.FlashOpFail.ToString() + "): Error: Flash erase/write failed", message);
            Assert.IsNull(session.Image);
            rig.AssertUntouched(otaDataBefore, runningBefore, "otadata erase failed");
        }

        [TestMethod]
        public void ACleanUpEraseThatFailsIsNamedWithTheFailure()
        {
            UpdateRig rig = UpdateRig.Create();
            rig.PutPreviousImageInTarget();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            var flash = new BreakingFlash(rig.Flash);
            flash.From = rig.Ota1.Offset;
            flash.To = rig.Ota1.End;
            flash.FailErases = true;
            UpdateSession session = rig.Updater(flash, Chunk).Begin(Chunk);

            string message = UpdateRig.Rejected(() => session.Write(image, 0, Chunk + 1));

            Assert.AreEqual("Download firmware is bigger than expected: 4097 bytes received, 4096 expected (Content-Length or file size)"
                + " (making ota_1 unbootable failed too: erase fault at 0x80000)", message);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "nothing was written before the size check");
        }
    }
}
