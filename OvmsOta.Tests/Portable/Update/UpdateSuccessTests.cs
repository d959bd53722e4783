#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>A good image, pushed in any chunking or pulled from a stream, becomes the next boot partition in state NEW.</summary>
    [TestClass]
    public class UpdateSuccessTests
    {
        // Image size (about; 0 = minimal) and push chunk size.
        [TestMethod]
        [DataRow(0, 7)]
        [DataRow(0, 4096)]
        [DataRow(0x11000, 512)]
        [DataRow(0x11000, 4096)]
        [DataRow(100000, 1000)]
        [DataRow(100000, 65536)]
        [DataRow(150000, 4093)]
        public void APushedImageBecomesTheBootPartitionInStateNew(int size, int chunk)
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] runningBefore = rig.RunningBytes();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, size);
            OtaUpdater updater = rig.Updater();

            UpdateSession session = updater.Begin(image.Length);
            PartitionEntry target = UpdateRig.Push(session, image, image.Length, chunk);

            AssertInstalled(rig, image, target, "ota_1");
            CollectionAssert.AreEqual(runningBefore, rig.RunningBytes(), "running slot bytes");
            Assert.AreEqual(0, rig.Flash.Counters.Range("ota_0").Changes, "running slot changes");
            Assert.AreEqual(UpdateRig.NewVersion, session.Image.AppDescription.Version);
            Assert.IsFalse(session.IsOpen);
            Assert.IsFalse(updater.IsBusy);
        }

        [TestMethod]
        [DataRow(OtaUpdater.MinimumBufferSize)]
        [DataRow(1024)]
        [DataRow(4096)]
        [DataRow(16384)]
        public void AnInstallFromAStreamSwitches(int bufferSize)
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] image = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);

            PartitionEntry target = rig.Updater(rig.Flash, bufferSize).Install(UpdateRig.Stream(image), image.Length);

            AssertInstalled(rig, image, target, "ota_1");
        }

        [TestMethod]
        public void TheNextUpdateFromOta1GoesToOta0AndLeavesOta1Alone()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] first = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            rig.Updater().Install(UpdateRig.Stream(first), first.Length);
            byte[] ota1Before = rig.Read(rig.Ota1.Offset, first.Length);
            rig.Flash.Counters.Clear();
            byte[] second = UpdateRig.Image("3.3.006-1-gnext", 30000);

            var fromOta1 = new OtaUpdater(rig.Flash, rig.Table, rig.Ota1);
            PartitionEntry target = fromOta1.Install(UpdateRig.Stream(second), second.Length);

            AssertInstalled(rig, second, target, "ota_0");
            CollectionAssert.AreEqual(ota1Before, rig.Read(rig.Ota1.Offset, first.Length), "ota_1 bytes");
            Assert.AreEqual(0, rig.Flash.Counters.Range("ota_1").Changes, "ota_1 changes");
        }

        [TestMethod]
        public void TheSwitchMarksTheNewEntryWithTheSlotTheUpdateCameFrom()
        {
            UpdateRig rig = UpdateRig.Create();
            byte[] first = UpdateRig.Image(UpdateRig.NewVersion, 0x11000);
            rig.Updater().Install(UpdateRig.Stream(first), first.Length);
            Assert.AreEqual(0, CameFrom(rig), "ota_0 to ota_1");
            byte[] second = UpdateRig.Image("3.3.006-1-gnext", 30000);

            new OtaUpdater(rig.Flash, rig.Table, rig.Ota1).Install(UpdateRig.Stream(second), second.Length);

            Assert.AreEqual(1, CameFrom(rig), "ota_1 to ota_0");
        }

        /// <summary>The slot the active otadata entry's 'F' mark names.</summary>
        private static int CameFrom(UpdateRig rig)
        {
            OtaDataPartition otadata = new BootSlots(rig.Flash, rig.Table).OtaData;
            TrialMark mark = TrialMark.Read(otadata.ReadEntry(otadata.ActiveEntry()));
            Assert.IsNotNull(mark, "the new entry carries a mark");
            Assert.AreEqual(TrialMark.From, mark.Kind);
            return mark.TrialSlot;
        }

        /// <summary>target is label, holds exactly image, verifies, is what otadata and the stand-in bootloader select, in state NEW.</summary>
        private static void AssertInstalled(UpdateRig rig, byte[] image, PartitionEntry target, string label)
        {
            Assert.AreEqual(label, target.Label);
            CollectionAssert.AreEqual(image, rig.Read(target.Offset, image.Length), "slot bytes");
            Assert.IsTrue(rig.Check().HasValidImage(target), "the slot verifies");
            Assert.AreEqual(label, rig.BootPartition().Label, "otadata selects it");
            Assert.AreEqual(OtaState.New, rig.BootState(), "state NEW: unconfirmed until committed");
            Assert.AreEqual(label, rig.BootsAfterReset().Label, "it boots");
        }
    }
}
