#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using OvmsOta.Boot;
using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>
    /// What the watchdog refuses: a missing collaborator or a timeout that is not positive when it is built, and any
    /// commit after it gave a trial up. nanoCLR's reboot call returns and the engine runs on until the restart (the
    /// engine's reboot gate stops its entry points; the watchdog must not depend on that), so a commit or a tick in
    /// that window must keep the rollback it just wrote.
    /// </summary>
    [TestClass]
    public class CommitWatchdogGuardTests
    {
        [TestMethod]
        public void TheConstructorNamesEachMissingArgument()
        {
            ModuleOnDesk m = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry running = m.Running;
            int timeout = ModuleOnDesk.Timeout;

            Assert.AreEqual("flash", Missing(() => new CommitWatchdog(null, m.Table, m.Images, running, m.Clock, m.Reboots, null, timeout)));
            Assert.AreEqual("table", Missing(() => new CommitWatchdog(m.Flash, null, m.Images, running, m.Clock, m.Reboots, null, timeout)));
            Assert.AreEqual("images", Missing(() => new CommitWatchdog(m.Flash, m.Table, null, running, m.Clock, m.Reboots, null, timeout)));
            Assert.AreEqual("running", Missing(() => new CommitWatchdog(m.Flash, m.Table, m.Images, null, m.Clock, m.Reboots, null, timeout)));
            Assert.AreEqual("clock", Missing(() => new CommitWatchdog(m.Flash, m.Table, m.Images, running, null, m.Reboots, null, timeout)));
            Assert.AreEqual("reboot", Missing(() => new CommitWatchdog(m.Flash, m.Table, m.Images, running, m.Clock, null, null, timeout)));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        public void TheConstructorRefusesACommitTimeoutThatIsNotPositive(int timeout)
        {
            ModuleOnDesk m = new ModuleOnDesk(false, false, 0, 1);

            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException),
                () => new CommitWatchdog(m.Flash, m.Table, m.Images, m.Running, m.Clock, m.Reboots, null, timeout));

            Expect.Contains("the commit timeout must be positive, got " + timeout.ToString() + " ms", e.Message);
            Assert.AreEqual("commitTimeoutMs", ((ArgumentException)e).ParamName);
            Assert.IsFalse(new CommitWatchdog(m.Flash, m.Table, m.Images, m.Running, m.Clock, m.Reboots, null, 1).IsOnTrial, "1 ms is accepted");
        }

        [TestMethod]
        public void AfterRevertNothingCommitsTheRevertedImageWhileTheRebootIsUnderWay()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();
            module.Reboots.Returns = true;

            watchdog.Revert();

            Assert.AreEqual(1, module.Reboots.Count);
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.IsFalse(watchdog.Commit(), "nothing is on trial any more");
            module.Clock.Advance(ModuleOnDesk.Timeout);
            Assert.IsFalse(watchdog.Tick());
            Assert.AreEqual(1, module.Reboots.Count, "no second rollback");
            Assert.AreEqual(OtaState.Invalid, module.Entry(module.EntryFor(target.OtaIndex)).State);
            module.Reboots.Returns = false;
            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
        }

        [TestMethod]
        public void AfterTheDeadlineNothingCommitsTheExpiredImageWhileTheRebootIsUnderWay()
        {
            ModuleOnDesk module = new ModuleOnDesk(false, false, 0, 1);
            PartitionEntry old = module.Running;
            PartitionEntry target = module.Update(ModuleOnDesk.NewVersion);
            CommitWatchdog watchdog = module.BootAndStart();
            module.Reboots.Returns = true;
            module.Clock.Advance(ModuleOnDesk.Timeout);

            Assert.IsFalse(watchdog.Tick());

            Assert.AreEqual(1, module.Reboots.Count);
            Expect.Contains("was not confirmed within 600 s: rolling back", module.Reboots.LastReason);
            Assert.IsFalse(watchdog.IsOnTrial);
            Assert.IsFalse(watchdog.Commit(), "nothing is on trial any more");
            Assert.IsFalse(watchdog.Tick());
            Assert.AreEqual(1, module.Reboots.Count, "no second rollback");
            Assert.AreEqual(OtaState.Aborted, module.Entry(module.EntryFor(target.OtaIndex)).State);
            module.Reboots.Returns = false;
            module.BootAndStart();
            Assert.AreEqual(old.Label, module.Running.Label);
        }

        private static string Missing(Action build)
        {
            return ((ArgumentNullException)Expect.Throws(typeof(ArgumentNullException), build)).ParamName;
        }
    }
}
