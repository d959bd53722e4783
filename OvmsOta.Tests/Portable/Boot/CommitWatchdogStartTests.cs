#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Boot;
using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// The rarer shapes <see cref="CommitWatchdog.Start"/> meets: a trial whose entry lost the updater's 'F' mark or
    /// names a slot that no longer verifies, a fallback boot past an entry that is not an armed rollback, an armed
    /// rollback in either sector, and a rejected image recorded in either entry or on the factory layout.
    /// </summary>
    [TestClass]
    public class CommitWatchdogStartTests
    {
        private const uint Blank = OtaEntry.BlankSeq;

        /// <summary>Replaces the trial entry by the same seq and state without a mark, and blanks the other entry.</summary>
        private static void OnlyTheTrialEntry(ModuleOnDesk module, PartitionEntry target, bool keepMark)
        {
            int trialIndex = module.EntryFor(target.OtaIndex);
            OtaEntry trial = module.Entry(trialIndex);
            if (!keepMark)
                module.OtaData.WriteEntry(trialIndex, OtaEntry.Create(trial.Seq, trial.State, null));
            module.OtaData.WriteEntry(1 - trialIndex, OtaEntry.Create(Blank, OtaState.Undefined, null));
        }

        [TestMethod]
        [DataRow(false, "ota_0")]
        [DataRow(true, "factory")]
        public void ATrialWithoutTheUpdatersMarkAndNoPreviousEntryArmsAnyOtherBootableImage(bool factory, string previous)
        {
            // factory first, as ESP-IDF's rollback check does; on v3-35 the other OTA slot.
            ModuleOnDesk module = new ModuleOnDesk(factory, false, factory ? 1 : 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            OnlyTheTrialEntry(module, target, false);

            CommitWatchdog watchdog = module.BootAndStart();

            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.IsTrue(watchdog.IsOnTrial);
            Expect.Contains(previous + " boots on any reset", watchdog.Status.Guard);
            module.BootAndStart();
            Assert.AreEqual(previous, module.Running.Label);
        }

        [TestMethod]
        [DataRow(false, "ota_0")]
        [DataRow(true, "factory")]
        public void TheUpdatersMarkIsFollowedOnlyWhileTheSlotItNamesStillVerifies(bool corrupt, string previous)
        {
            // v3-30 running ota_0, updated to ota_1: the 'F' mark names ota_0, factory is the other candidate.
            ModuleOnDesk module = new ModuleOnDesk(true, false, 1, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            OnlyTheTrialEntry(module, target, true);
            if (corrupt)
                module.Flash.EraseSector(old.Offset);

            CommitWatchdog watchdog = module.BootAndStart();

            Assert.IsTrue(watchdog.IsOnTrial);
            Expect.Contains(previous + " boots on any reset", watchdog.Status.Guard);
            module.BootAndStart();
            Assert.AreEqual(previous, module.Running.Label);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void WhenTheArmedRollbackDoesNotLoadTheTrialIsKeptInTheOtherSector(int updatesBefore)
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, updatesBefore, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootAndStart();
            int armed = module.OtaData.ActiveEntry();
            Assert.AreEqual(updatesBefore == 0 ? 0 : 1, armed, "the rows cover an armed entry in each sector");
            OtaEntry armedEntry = module.Entry(armed);
            module.Flash.EraseSector(old.Offset);

            module.BootAndStart();

            Assert.AreEqual(target.Label, module.Running.Label);
            Expect.Contains("the previous image on " + old.Label + " did not load: kept", module.LastReport);
            Assert.AreEqual(1 - armed, module.OtaData.ActiveEntry(), "kept in the sector that was not armed");
            Assert.AreEqual(target.OtaIndex, OtaSelection.SlotOf(module.Entry(1 - armed).Seq, module.Table.OtaSlotCount));
            Assert.AreEqual(armedEntry.Seq, module.Entry(armed).Seq, "the armed entry is left as it was");
            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.IsNull(module.LastReport);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void AFallbackBootPastAnEntryThatIsNotAnArmedRollbackWritesNothing(bool trial)
        {
            // The selected slot does not load and the bootloader falls back to ota_0. The selected entry is either a
            // committed update without a mark or an update's NEW entry, whose 'F' mark names the running slot.
            ModuleOnDesk module = new ModuleOnDesk(false, false, trial ? 0 : 1, 1);
            PartitionEntry selected = trial ? module.Update(ModuleOnDesk.NewVersion) : module.Running;
            module.Flash.EraseSector(selected.Offset);
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = module.BootAndStart();

            Assert.AreEqual("ota_0", module.Running.Label);
            Assert.AreEqual(selected.OtaIndex, OtaSelection.SlotOf(module.Entry(module.OtaData.ActiveEntry()).Seq, module.Table.OtaSlotCount));
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.IsNull(module.LastReport);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        [DataRow(false, 0)]
        [DataRow(false, 1)]
        [DataRow(true, 0)]
        [DataRow(true, 1)]
        public void ARejectedRunningImageWithNothingActiveGoesToAnotherValidSlot(bool factory, int rejecting)
        {
            // ota_0 runs although its only entry turned it down (the factory image, if any, does not load).
            ModuleOnDesk module = new ModuleOnDesk(factory, true, factory ? 1 : 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            if (factory)
                module.Flash.EraseSector(module.Table.Factory.Offset);
            module.OtaData.WriteEntry(rejecting, OtaEntry.Create(1, OtaState.Invalid, null));
            module.OtaData.WriteEntry(1 - rejecting, OtaEntry.Create(Blank, OtaState.Undefined, null));
            module.BootOnly();
            Assert.AreEqual("ota_0", module.Running.Label);

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock, module.Reboots, null, ModuleOnDesk.Timeout);
            Expect.Throws(typeof(RebootRequested), () => watchdog.Start());

            Expect.Contains("was rejected (INVALID): going back to " + target.Label, watchdog.Note);
            Assert.AreEqual(1 - rejecting, module.OtaData.ActiveEntry(), "the switch goes into the other sector");
            Assert.AreEqual(OtaState.Invalid, module.Entry(rejecting).State, "the rejecting entry is left as it was");
            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void ARejectedRunningImageWithNothingElseToBootIsKept(int rejecting)
        {
            ModuleOnDesk module = new ModuleOnDesk(false, true, 0, 1);
            module.OtaData.WriteEntry(rejecting, OtaEntry.Create(1, OtaState.Aborted, null));
            module.OtaData.WriteEntry(1 - rejecting, OtaEntry.Create(Blank, OtaState.Undefined, null));

            module.BootAndStart();

            Assert.AreEqual("ota_0", module.Running.Label);
            Assert.AreEqual(0, module.Reboots.Count);
            Expect.Contains("ota_0 was rejected (ABORTED) but nothing else boots: kept", module.LastReport);
            Assert.AreEqual(rejecting, module.OtaData.ActiveEntry());
            Assert.AreEqual(OtaState.Valid, module.Entry(rejecting).State);
            module.BootAndStart();
            Assert.AreEqual("ota_0", module.Running.Label);
            Assert.IsNull(module.LastReport);
        }

        [TestMethod]
        public void BlankOtaDataWhileAnOtaImageRunsIsLeftAlone()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            module.OtaData.EraseAll();
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock,
                module.Reboots, null, ModuleOnDesk.Timeout);

            Assert.IsNull(watchdog.Start());
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.AreEqual(0, module.Reboots.Count);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void OtaDataWithoutAnyOtaSlotIsNotRead()
        {
            ModuleOnDesk module = new ModuleOnDesk(true, false, 0, 1);
            module.OtaData.WriteEntry(0, OtaEntry.Create(1, OtaState.Aborted, null));
            PartitionTable noSlots = new PartitionTable(new PartitionEntry[] { module.Table.Factory, module.Table.OtaData });
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, noSlots, module.Images, module.Table.Factory, module.Clock,
                module.Reboots, null, ModuleOnDesk.Timeout);

            Assert.IsNull(watchdog.Start());
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ATurnedDownEntryOlderThanTheActiveOneIsNotReported()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 1, 1);
            Assert.AreEqual("ota_1", module.Running.Label);
            int active = module.EntryFor(1);
            uint seq = module.Entry(active).Seq;
            module.OtaData.WriteEntry(1 - active, OtaEntry.Create(seq - 1, OtaState.Aborted, null));
            module.Flash.Counters.Clear();

            module.BootAndStart();

            Assert.AreEqual("ota_1", module.Running.Label);
            Assert.IsNull(module.LastReport);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        [DataRow(1, "ota_0")]
        [DataRow(2, "ota_1")]
        [DataRow(3, "ota_0")]
        public void ATrialWithoutTheUpdatersMarkGoesBackToTheSlotTheOtherEntrySelects(int updatesBefore, string previous)
        {
            ModuleOnDesk module = new ModuleOnDesk(true, false, updatesBefore, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            int trialIndex = module.EntryFor(target.OtaIndex);
            OtaEntry trial = module.Entry(trialIndex);
            module.OtaData.WriteEntry(trialIndex, OtaEntry.Create(trial.Seq, trial.State, null));

            CommitWatchdog watchdog = module.BootAndStart();

            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.AreEqual("otadata armed: " + previous + " boots on any reset", watchdog.Status.Guard, "not factory, which also verifies");
        }

        /// <summary>Writes into sector index an entry of seq and state whose CRC is off by one, as a cut mid-write can leave it.</summary>
        private static void WriteTornEntry(ModuleOnDesk module, int index, uint seq, uint state)
        {
            byte[] bytes = OtaEntry.Create(seq, state, null).ToBytes();
            bytes[28] ^= 1;
            int address = module.Table.OtaData.Offset + index * 0x1000;
            module.Flash.EraseSector(address);
            module.Flash.Write(address, bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void ATornEntryRejectingTheRunningImageIsIgnored()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            module.OtaData.EraseAll();
            WriteTornEntry(module, 0, 1, OtaState.Aborted);
            Assert.IsFalse(module.Entry(0).HasValidCrc);
            module.Flash.Counters.Clear();

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock,
                module.Reboots, null, ModuleOnDesk.Timeout);

            Assert.IsNull(watchdog.Start());
            Assert.AreEqual(0, module.Reboots.Count);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ATornNewerEntryForAnotherSlotIsNotReportedAsARollback()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            int active = module.EntryFor(0);
            WriteTornEntry(module, 1 - active, module.Entry(active).Seq + 1, OtaState.Aborted);
            module.Flash.Counters.Clear();

            module.BootAndStart();

            Assert.AreEqual("ota_0", module.Running.Label);
            Assert.IsNull(module.LastReport);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
        }
    }
}
