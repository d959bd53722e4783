#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.IO;
using OvmsOta.Boot;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// What the watchdog tells `ota status` and the log while a trial runs and when it ends: the time left to the
    /// millisecond, what guards the trial (armed otadata naming the slot, or the rollback-on bootloader), the deadline
    /// exactly at the commit timeout (or the push's own commit_timeout), and the notes of a revert or an expiry.
    /// </summary>
    [TestClass]
    public class CommitWatchdogStatusTests
    {
        [TestMethod]
        public void ACommittedImageHasNoTrialToRevertConfirmOrTime()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            CommitWatchdog watchdog = module.Watchdog;

            Exception e = Expect.Throws(typeof(InvalidOperationException), () => watchdog.Revert());

            Assert.AreEqual("no image is on trial: ota_0 is committed, nothing to revert", e.Message);
            Assert.IsFalse(watchdog.Commit());
            Assert.IsFalse(watchdog.Tick());
            TrialStatus status = watchdog.Status;
            Assert.IsFalse(status.OnTrial);
            Assert.AreEqual("ota_0", status.Slot);
            Assert.AreEqual(0L, status.MillisecondsLeft);
            Assert.IsNull(status.Guard);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void TheTrialsTimeLeftCountsDownToTheDeadlineAndStopsAtZero()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();

            Assert.AreEqual((long)ModuleOnDesk.Timeout, watchdog.Status.MillisecondsLeft);
            Assert.AreEqual("otadata armed: ota_0 boots on any reset", watchdog.Status.Guard);
            Assert.AreEqual("ota_1", watchdog.Status.Slot);
            module.Clock.Advance(ModuleOnDesk.Timeout - 1);
            Assert.AreEqual(1L, watchdog.Status.MillisecondsLeft);
            Assert.IsFalse(watchdog.Tick(), "one millisecond before the deadline: still on trial");
            Assert.IsTrue(watchdog.IsOnTrial);
            Assert.AreEqual(0, module.Reboots.Count);
            module.Clock.Advance(2);
            Assert.AreEqual(0L, watchdog.Status.MillisecondsLeft, "past the deadline, before the tick that rolls back");
            Assert.IsTrue(watchdog.Status.OnTrial);
        }

        [TestMethod]
        public void AConfirmedTrialHasNoTimeLeft()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();

            Assert.IsTrue(watchdog.Commit());

            Assert.IsFalse(watchdog.Status.OnTrial);
            Assert.AreEqual(0L, watchdog.Status.MillisecondsLeft, "the old deadline no longer counts");
            Assert.IsNull(watchdog.Status.Guard);
        }

        [TestMethod]
        public void AnExpiredTrialSaysWhichImageWasNotConfirmedInHowLong()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();
            module.Reboots.Returns = true;
            module.Clock.Advance(ModuleOnDesk.Timeout);

            watchdog.Tick();

            Assert.AreEqual("3.3.006 on ota_1 was not confirmed within 600 s", watchdog.Note);
            Assert.AreEqual("3.3.006 on ota_1 was not confirmed within 600 s: rolling back", module.Reboots.LastReason);
            Assert.IsFalse(watchdog.Status.OnTrial);
            Assert.IsNull(watchdog.Status.Guard, "no guard once the trial is over");
        }

        [TestMethod]
        public void ARevertSaysWhatItRevertedAndWhy()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();
            module.Reboots.Returns = true;

            watchdog.Revert();

            Assert.AreEqual("reverted 3.3.006 on ota_1", watchdog.Note);
            Assert.AreEqual("ota revert: back to the previous image", module.Reboots.LastReason);
            OtaEntry trial = module.Entry(module.EntryFor(target.OtaIndex));
            Assert.IsTrue(TrialMark.Marks(trial, TrialMark.RolledBack, target.OtaIndex, trial.Seq), "recorded as reported: no rollback report at the next start");
        }

        [TestMethod]
        [DataRow(120)]
        [DataRow(3600)]
        public void APushsCommitTimeoutSetsThisTrialsDeadline(int seconds)
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            byte[] image = new ImageBuilder(ModuleOnDesk.NewVersion).Build();
            UpdateSession session = new OtaUpdater(module.Flash, module.Table, module.Running).Begin(image.Length);
            session.Write(image, 0, image.Length);
            session.End(seconds);
            CommitWatchdog watchdog = module.BootAndStart();
            module.Reboots.Returns = true;

            Assert.AreEqual(seconds * 1000L, watchdog.Status.MillisecondsLeft);
            module.Clock.Advance(seconds * 1000L - 1);
            Assert.IsFalse(watchdog.Tick());
            Assert.AreEqual(0, module.Reboots.Count);
            module.Clock.Advance(1);
            watchdog.Tick();
            Assert.AreEqual(1, module.Reboots.Count);
            Assert.AreEqual("3.3.006 on ota_1 was not confirmed within " + seconds.ToString() + " s", watchdog.Note);
        }

        [TestMethod]
        public void WithTheRollbackOnBootloaderATrialIsGuardedWithoutAnyOtaDataWrite()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, true, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootOnly();
            byte[] before = OtaDataBytes(module);
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock,
                module.Reboots, null, ModuleOnDesk.Timeout);
            watchdog.Start();

            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.AreEqual(OtaState.PendingVerify, module.Entry(module.EntryFor(target.OtaIndex)).State);
            Assert.IsTrue(watchdog.IsOnTrial);
            Assert.AreEqual("the bootloader aborts it on any reset", watchdog.Status.Guard);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
            TestBytes.AssertEqual(before, OtaDataBytes(module), "otadata");
        }

        [TestMethod]
        public void AnUpdateFromTheFactoryAppArmsByMarkingTheTrialEntryInvalid()
        {
            ModuleOnDesk module = new ModuleOnDesk(true, false, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);

            CommitWatchdog watchdog = module.BootAndStart();

            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.AreEqual("otadata armed: factory boots on any reset", watchdog.Status.Guard);
            int trialIndex = module.EntryFor(target.OtaIndex);
            OtaEntry trial = module.Entry(trialIndex);
            Assert.AreEqual(OtaState.Invalid, trial.State);
            Assert.IsTrue(TrialMark.Marks(trial, TrialMark.Armed, target.OtaIndex, trial.Seq));
            Assert.AreEqual(OtaEntry.BlankSeq, module.Entry(1 - trialIndex).Seq, "the other sector is left alone");
            module.BootAndStart();
            Assert.AreEqual("factory", module.Running.Label);
        }

        [TestMethod]
        public void WithoutOtaDataOrOtaSlotsStartHasNothingToSettle()
        {
            ModuleOnDesk module = new ModuleOnDesk(true, false, 0, 1);
            PartitionTable factoryOnly = new PartitionTable(new PartitionEntry[] { module.Table.Factory });
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, factoryOnly, module.Images, module.Table.Factory, module.Clock,
                module.Reboots, null, ModuleOnDesk.Timeout);

            Assert.IsNull(watchdog.Start());
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void AnImageWithoutAVersionIsNamedByItsSlotAlone()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            ImageBuilder builder = new ImageBuilder("");
            builder.OvmsMarker = false;
            byte[] image = builder.Build();
            new OtaUpdater(module.Flash, module.Table, module.Running).Install(new MemoryStream(image), image.Length);
            CommitWatchdog watchdog = module.BootAndStart();

            Assert.IsTrue(watchdog.Commit());

            Assert.AreEqual("confirmed ota_1", watchdog.Note);
        }

        [TestMethod]
        public void ARolledBackUpdateWhoseSlotNoLongerHoldsAnImageIsReportedBySlot()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootAndStart();
            module.PassDeadline();
            module.Flash.EraseSector(target.Offset);

            module.BootAndStart();

            Assert.AreEqual("ota_0", module.Running.Label);
            Assert.AreEqual("update to ota_1 was not confirmed and rolled back", module.LastReport);
        }

        private static byte[] OtaDataBytes(ModuleOnDesk module)
        {
            byte[] bytes = new byte[0x2000];
            module.Flash.Read(module.Table.OtaData.Offset, bytes, 0, bytes.Length);
            return bytes;
        }
    }
}
