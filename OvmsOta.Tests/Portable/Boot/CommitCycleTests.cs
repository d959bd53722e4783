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
    /// Whole cycles through flash, otadata, the bootloader model and the commit watchdog, for both bootloader builds,
    /// on v3-35 (ota_0 -> ota_1, and a second update ota_1 -> ota_0) and v3-30 (factory -> ota_0).
    /// </summary>
    [TestClass]
    public class CommitCycleTests
    {
        // factory layout, rollback build, committed updates before this one
        [TestMethod]
        [DataRow(false, false, 0)]
        [DataRow(false, true, 0)]
        [DataRow(false, false, 1)]
        [DataRow(false, true, 1)]
        [DataRow(true, false, 0)]
        [DataRow(true, true, 0)]
        public void UpdateRebootTrialCommitRebootStillNew(bool factory, bool rollback, int before)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, before, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);

            CommitWatchdog watchdog = module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.IsTrue(watchdog.IsOnTrial);
            TrialStatus status = watchdog.Status;
            Assert.AreEqual(target.Label, status.Slot);
            Assert.AreEqual((long)ModuleOnDesk.Timeout, status.MillisecondsLeft);
            Expect.Contains(rollback ? "the bootloader aborts it" : "otadata armed: " + old.Label, status.Guard);
            Expect.Contains("on trial: rolls back in 10 min 00 s", status.ToString());
            module.Clock.Advance(60000);
            Assert.AreEqual((long)ModuleOnDesk.Timeout - 60000, watchdog.Status.MillisecondsLeft);

            Assert.IsTrue(watchdog.Commit());
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.IsFalse(watchdog.Commit(), "a second commit has nothing to do");
            Expect.Contains("confirmed 3.3.006 on " + target.Label, watchdog.Note);

            for (int boot = 0; boot < 2; boot++)
            {
                module.BootAndStart();
                Assert.AreEqual(target.Label, module.Running.Label);
                Assert.IsFalse(module.Watchdog.IsOnTrial);
                Assert.IsNull(module.LastReport);
            }
            int entry = module.EntryFor(target.OtaIndex);
            Assert.AreEqual(entry, module.OtaData.ActiveEntry());
            Assert.AreEqual(OtaState.Valid, module.Entry(entry).State);
        }

        [TestMethod]
        [DataRow(false, false, 0)]
        [DataRow(false, true, 0)]
        [DataRow(false, false, 1)]
        [DataRow(false, true, 1)]
        [DataRow(true, false, 0)]
        [DataRow(true, true, 0)]
        public void NoCommitDeadlineOldImageRunsAndOtaDataIsAsEspIdfLeavesIt(bool factory, bool rollback, int before)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, before, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootAndStart();
            module.Clock.Advance(ModuleOnDesk.Timeout - 1);
            Assert.IsFalse(module.Watchdog.Tick());
            Assert.AreEqual(0, module.Reboots.Count);

            module.PassDeadline();
            Expect.Contains("was not confirmed within 600 s", module.Reboots.LastReason);

            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
            Assert.AreEqual("update to 3.3.006 on " + target.Label + " was not confirmed and rolled back", module.LastReport);
            // As ESP-IDF leaves a rolled-back trial: the old image selected, the trial's entry ABORTED.
            int trialEntry = module.EntryFor(target.OtaIndex);
            Assert.AreEqual(OtaState.Aborted, module.Entry(trialEntry).State);
            int active = module.OtaData.ActiveEntry();
            if (factory)
                Assert.AreEqual(OtaSelection.NoEntry, active);
            else
                Assert.AreEqual(old.OtaIndex, OtaSelection.SlotOf(module.Entry(active).Seq, 2));

            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
            Assert.IsNull(module.LastReport, "reported once");
        }

        [TestMethod]
        [DataRow(false, false)]
        [DataRow(false, true)]
        [DataRow(true, false)]
        [DataRow(true, true)]
        public void AnImageThatResetsBeforeItConfirmsGoesBack(bool factory, bool rollback)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootAndStart();
            Assert.IsTrue(module.Watchdog.IsOnTrial);

            module.BootAndStart(); // it crashed: reset without a commit
            Assert.AreEqual(old.Label, module.Running.Label);
            Assert.AreEqual("update to 3.3.006 on " + target.Label + " was not confirmed and rolled back", module.LastReport);
            Assert.AreEqual(OtaState.Aborted, module.Entry(module.EntryFor(target.OtaIndex)).State);
        }

        [TestMethod]
        [DataRow(false, false)]
        [DataRow(false, true)]
        [DataRow(true, false)]
        [DataRow(true, true)]
        public void AnImageThatDiesBeforeTheEngineStartsGoesBackOnlyWithRollbackOn(bool factory, bool rollback)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootOnly();
            Assert.AreEqual(target.Label, module.Running.Label);

            module.BootOnly(); // died before the engine armed anything
            if (rollback)
            {
                Assert.AreEqual(old.Label, module.Running.Label, "PENDING_VERIFY seen again becomes ABORTED");
                return;
            }
            // The documented limit: a rollback-off bootloader keeps booting it while it never reaches the engine.
            Assert.AreEqual(target.Label, module.Running.Label);
            module.BootOnly();
            Assert.AreEqual(target.Label, module.Running.Label);
            // Once the engine does start, one more reset is all it takes.
            module.BootAndStart();
            Assert.IsTrue(module.Watchdog.IsOnTrial);
            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
        }

        [TestMethod]
        [DataRow(false, false)]
        [DataRow(false, true)]
        [DataRow(true, false)]
        public void RevertGoesBackAtOnceWithoutAReport(bool factory, bool rollback)
        {
            ModuleOnDesk module = new ModuleOnDesk(factory, rollback, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();

            Expect.Throws(typeof(RebootRequested), () => watchdog.Revert());
            Assert.AreEqual(1, module.Reboots.Count);
            Assert.AreEqual(OtaState.Invalid, module.Entry(module.EntryFor(target.OtaIndex)).State);

            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
            Assert.IsNull(module.LastReport);
            Expect.Throws(typeof(System.InvalidOperationException), () => module.Watchdog.Revert());
        }

        [TestMethod]
        public void HealthChecksConfirmAutomaticallyOnlyWhenAllPass()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootOnly();
            FixedHealth network = new FixedHealth("network", true);
            FixedHealth server = new FixedHealth("update server", false);
            AllHealthChecks all = new AllHealthChecks(new IHealthCheck[] { network, server });
            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock, module.Reboots, all, ModuleOnDesk.Timeout);
            watchdog.Start();

            Assert.IsFalse(watchdog.Tick());
            Assert.AreEqual("update server", all.Failing);
            Assert.IsTrue(watchdog.IsOnTrial);
            server.Healthy = true;
            Assert.IsTrue(watchdog.Tick());
            Assert.IsFalse(watchdog.IsOnTrial);

            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.IsFalse(module.Watchdog.IsOnTrial);
        }

        [TestMethod]
        public void CommittedImagesFromTheFieldAreLeftAlone()
        {
            // OVMS today: rollback off, entries UNDEFINED (set by `ota boot` or the OVMS updater).
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            new BootSlots(module.Flash, module.Table).SetBootPartition(module.Table.OtaSlot(0), module.Images, false);
            module.Flash.Counters.Clear();
            module.BootAndStart();
            Assert.IsFalse(module.Watchdog.IsOnTrial);
            Assert.IsNull(module.LastReport);
            Assert.AreEqual(0, module.Flash.Counters.Total.Changes);
            Expect.Contains("committed", module.Watchdog.Status.ToString());
        }

        [TestMethod]
        public void AnAbortedEntryForTheRunningImageWithNothingActiveSendsItBack()
        {
            // An odd state (e.g. left by other software): ota_0 running, its only entry ABORTED, no factory.
            ModuleOnDesk module = new ModuleOnDesk(false, true, 0, 1);
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion); // ota_1 holds a valid image
            module.OtaData.WriteEntry(0, OtaEntry.Create(1, OtaState.Aborted, null));
            module.OtaData.WriteEntry(1, OtaEntry.Create(0xFFFFFFFF, OtaState.Undefined, null));
            module.BootOnly();
            Assert.AreEqual("ota_0", module.Running.Label, "both invalid, no factory: the bootloader boots ota_0");

            CommitWatchdog watchdog = new CommitWatchdog(module.Flash, module.Table, module.Images, module.Running, module.Clock, module.Reboots, null, ModuleOnDesk.Timeout);
            Expect.Throws(typeof(RebootRequested), () => watchdog.Start());
            Expect.Contains("was rejected (ABORTED): going back to " + target.Label, watchdog.Note);
            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.IsFalse(module.Watchdog.IsOnTrial);
        }

        [TestMethod]
        public void WhenThePreviousImageDoesNotLoadTheTrialImageIsKept()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.BootAndStart();
            module.Flash.EraseSector(old.Offset); // the old image is gone
            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Expect.Contains("the previous image on " + old.Label + " did not load: kept 3.3.006 on " + target.Label, module.LastReport);
            module.BootAndStart();
            Assert.AreEqual(target.Label, module.Running.Label);
            Assert.AreEqual(module.EntryFor(target.OtaIndex), module.OtaData.ActiveEntry());
        }

        [TestMethod]
        public void ATrialWithNothingToGoBackToIsConfirmedAtOnce()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            module.Flash.EraseSector(old.Offset);
            module.OtaData.WriteEntry(1 - module.EntryFor(target.OtaIndex), OtaEntry.Create(0xFFFFFFFF, OtaState.Undefined, null));
            module.BootAndStart();
            Assert.IsFalse(module.Watchdog.IsOnTrial);
            Expect.Contains("no other bootable image to go back to", module.LastReport);
        }

        private sealed class FixedHealth : IHealthCheck
        {
            private readonly string _name;
            public bool Healthy;

            public FixedHealth(string name, bool healthy)
            {
                _name = name;
                Healthy = healthy;
            }

            public string Name { get { return _name; } }

            public bool IsHealthy() { return Healthy; }
        }
    }
}
