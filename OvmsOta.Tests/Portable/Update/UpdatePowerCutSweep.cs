#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Signing;
using OvmsOta.Simulation;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>
    /// The power-cut sweep of a whole update (Install from a stream): measure its flash changes once, then for every
    /// change index and each cut kind (done, not done, torn with several seeds) cut the power there, reboot, and let
    /// the stand-in bootloader decide. It must boot the old image, or the new one only when the cut came after the
    /// otadata switch (the completed write of the new entry, the update's last change); never an invalid image,
    /// never none. The running slot is never changed, and an update retried from whatever booted succeeds.
    /// Used by the portable test (small image) and the host test (a few hundred KB).
    /// </summary>
    public static class UpdatePowerCutSweep
    {
        private static readonly PowerCutKind[] Kinds = { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };

        /// <summary>Runs the sweep; returns the number of cut points tried (changes x (2 + tornSeeds)).</summary>
        public static int Run(byte[] oldImage, byte[] newImage, int bufferSize, int tornSeeds)
        {
            return Run(oldImage, newImage, bufferSize, tornSeeds, null, null);
        }

        /// <summary>
        /// As <see cref="Run(byte[], byte[], int, int)"/>, with every updater (the cut one and the retry) checking
        /// signatures under policy with verifier (both null: no signature check).
        /// </summary>
        public static int Run(byte[] oldImage, byte[] newImage, int bufferSize, int tornSeeds, ISigningPolicySource policy, ISignatureVerifier verifier)
        {
            _policy = policy;
            _verifier = verifier;
            try
            {
                return Sweep(oldImage, newImage, bufferSize, tornSeeds);
            }
            finally
            {
                _policy = null;
                _verifier = null;
            }
        }

        private static ISigningPolicySource _policy;
        private static ISignatureVerifier _verifier;

        /// <summary>updater, checking signatures when the sweep runs with a policy.</summary>
        private static OtaUpdater Signed(OtaUpdater updater, IFlash flash)
        {
            if (_policy != null)
                updater.Signing = new SignatureCheck(flash, new ManagedSha256(), _verifier, _policy);
            return updater;
        }

        private static int Sweep(byte[] oldImage, byte[] newImage, int bufferSize, int tornSeeds)
        {
            int changes = Measure(oldImage, newImage, bufferSize);
            int tried = 0;
            for (int cut = 1; cut <= changes; cut++)
                foreach (PowerCutKind kind in Kinds)
                    for (int seed = 1; seed <= (kind == PowerCutKind.Torn ? tornSeeds : 1); seed++)
                    {
                        CutAndCheck(oldImage, newImage, bufferSize, cut, changes, kind, (uint)seed);
                        tried++;
                    }
            return tried;
        }

        /// <summary>
        /// The number of flash changes of the update, checking that the otadata switch (one erase, one write) comes
        /// last, after every change of the target slot.
        /// </summary>
        public static int Measure(byte[] oldImage, byte[] newImage, int bufferSize)
        {
            UpdateRig rig = UpdateRig.Create(oldImage, 1);
            var recording = new RecordingFlash(rig.Flash);
            PartitionEntry target = Signed(rig.Updater(recording, bufferSize), recording).Install(UpdateRig.Stream(newImage), newImage.Length);
            Assert.AreEqual("ota_1", target.Label);
            int changes = rig.Flash.Counters.Total.Changes;
            Assert.AreEqual(changes, recording.Count);
            Assert.AreEqual(changes - 2, recording.FirstChangeIn(UpdateRig.OtaDataOffset, 0x2000), "the otadata switch is the last two changes");
            Assert.AreEqual(RecordingFlash.SectorEraseOp, recording.Kinds[changes - 2]);
            Assert.AreEqual(RecordingFlash.WriteOp, recording.Kinds[changes - 1]);
            return changes;
        }

        private static void CutAndCheck(byte[] oldImage, byte[] newImage, int bufferSize, int cut, int changes, PowerCutKind kind, uint seed)
        {
            string what = "cut at change " + cut.ToString() + " of " + changes.ToString() + " ("
                + PowerCutKindNames.Name(kind) + ", seed " + seed.ToString() + ")";
            UpdateRig rig = UpdateRig.Create(oldImage, seed);
            rig.Flash.ArmPowerCut(cut, kind);
            bool lost = false;
            try
            {
                Signed(rig.Updater(rig.Flash, bufferSize), rig.Flash).Install(UpdateRig.Stream(newImage), newImage.Length);
            }
            catch (PowerLossException)
            {
                lost = true;
            }
            Assert.IsTrue(lost, what + ": the power was not cut");
            rig.Flash.Reboot();

            // Until the magic byte is programmed (the third change from the end, before the otadata switch) the
            // target's byte 0 stays erased: a slot the bootloader's fallback walk could find never starts with 0xE9.
            bool magicWritten = cut > changes - 2 || (cut == changes - 2 && kind != PowerCutKind.NotDone);
            if (!magicWritten)
            {
                byte[] first = new byte[1];
                rig.Flash.Read(rig.Ota1.Offset, first, 0, 1);
                Assert.AreEqual((byte)0xFF, first[0], what + ": byte 0 of the target before the magic write");
                Assert.IsFalse(rig.Check().HasValidImage(rig.Ota1), what + ": the target is not bootable");
            }

            PartitionEntry booted = rig.BootsAfterReset();
            Assert.IsNotNull(booted, what + ": nothing boots");
            bool switched = cut == changes && kind == PowerCutKind.Done;
            Assert.AreEqual(switched ? "ota_1" : "ota_0", booted.Label, what + ": booted");
            Assert.AreEqual(0, rig.Flash.Counters.Range("ota_0").Changes, what + ": the running slot was changed");

            // The same update, retried from whatever booted, goes through.
            var retry = Signed(new OtaUpdater(rig.Flash, rig.Table, booted, new OvmsOta.Image.ImageValidator(), new byte[bufferSize]), rig.Flash);
            PartitionEntry next = retry.Install(UpdateRig.Stream(newImage), newImage.Length);
            Assert.AreNotEqual(booted.Label, next.Label, what + ": retry target");
            Assert.AreEqual(next.Label, rig.BootsAfterReset().Label, what + ": boots after the retry");
        }
    }
}
