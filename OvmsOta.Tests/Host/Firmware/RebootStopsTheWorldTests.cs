using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.Ports;
using OvmsOta.Push;
using OvmsOta.Simulation;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Shell;
using OvmsOta.Firmware.Servers;
using OvmsOta.Tests.Portable.Push;
using OvmsOta.Tests.Portable.Shell;
using ClientConnection = OvmsOta.Tests.Portable.Push.PushConnection;
using DevicePushConnection = OvmsOta.Firmware.Servers.PushConnection;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// Every restart the engine asks for, with a reboot that returns as nanoCLR's Power.RebootDevice does: nothing after
    /// the request may write flash, log, notify or run a command, and the engine reports no state the next boot will
    /// not have. (On the device DeviceReboot blocks the calling thread; the other threads still reach the engine.)
    /// </summary>
    [TestClass]
    public class RebootStopsTheWorldTests
    {
        private const string Secret = "0123456789abcdef";

        private static void AssertRestartingOnly(string[] output, string command)
        {
            Assert.AreEqual(1, output.Length, command + " ran after the restart was asked for:\n  " + string.Join("\n  ", output));
            StringAssert.StartsWith(output[0], OtaShell.RestartingText + " (", command);
        }

        [TestMethod]
        public void After_ota_revert_no_further_command_runs_and_status_does_not_claim_committed()
        {
            var module = new WatchedModule().OnTrial("no");

            string[] revert = module.Rig.Run("ota revert");

            CollectionAssert.AreEqual(new[] { "Reverting the image on ota_0: restarting into the previous image..." }, revert);
            Assert.AreEqual(1, module.Reboot.Reasons.Count);
            string[] status = module.Rig.Run("ota status nocheck");
            string[] boot = module.Rig.Run("ota boot ota_0");
            string[] commit = module.Rig.Run("ota commit");
            module.Reboot.AssertNothingRanAfter();
            AssertRestartingOnly(status, "ota status nocheck");
            AssertRestartingOnly(boot, "ota boot ota_0");
            AssertRestartingOnly(commit, "ota commit");
            Assert.AreEqual("ota_1", module.NextBoot(), "the revert stands: the previous image boots next");
        }

        [TestMethod]
        public void After_the_deadline_rollback_the_same_tick_runs_no_nightly_update()
        {
            var module = new WatchedModule().OnTrial("no");
            module.Rig.WallClock.Now = new DateTime(2026, 5, 14, 2, 5, 0);   // the nightly job is due (auto.hour 2)
            module.Rig.Clock.Milliseconds += CommitWatchdog.DefaultCommitTimeoutMs;

            module.Rig.Module.Tick();

            Assert.AreEqual(1, module.Reboot.Reasons.Count, "the deadline passed: rollback");
            StringAssert.Contains(module.Reboot.Reasons[0], "was not confirmed within 600 s");
            module.Rig.Clock.Milliseconds += 60000;
            module.Rig.Module.Tick();
            module.Rig.Module.TickWatchdog();
            module.Rig.Module.AutoUpdate.Tick();
            module.Reboot.AssertNothingRanAfter();
            Assert.AreEqual(1, module.Reboot.Reasons.Count, "asked once");
            AssertRestartingOnly(module.Rig.Run("ota flash auto force"), "ota flash auto force");
            Assert.AreEqual("ota_1", module.NextBoot(), "the rollback stands");
        }

        [TestMethod]
        public void A_restart_asked_at_engine_start_ends_the_start_and_status_does_not_claim_committed()
        {
            // ota_0 runs although its only entry is ABORTED (left by other software): the engine sends it back to ota_1.
            var module = new WatchedModule();
            var otadata = new OtaDataPartition(module.Rig.Flash, module.Rig.Module.Engine.Slots.Table.OtaData);
            otadata.WriteEntry(0, OtaEntry.Create(1, OtaState.Aborted, null));
            otadata.WriteEntry(1, OtaEntry.Create(0xFFFFFFFF, OtaState.Undefined, null));
            module.Rig.Platform.RunningPartition = "ota_0";

            module.Rig.Start();

            Assert.AreEqual(1, module.Reboot.Reasons.Count);
            StringAssert.Contains(module.Reboot.Reasons[0], "was rejected (ABORTED): going back to ota_1");
            string[] status = module.Rig.Run("ota status nocheck");
            module.Rig.Module.Tick();
            module.Reboot.AssertNothingRanAfter();
            AssertRestartingOnly(status, "ota status nocheck");
            Assert.AreEqual("ota_1", module.NextBoot());
        }
        [TestMethod]
        public void A_shell_session_ends_with_ota_revert_and_runs_none_of_the_lines_after_it()
        {
            var module = new WatchedModule().OnTrial("no");
            module.Rig.Set("ota", "push.secret", Secret);
            var connection = new ClientConnection(System.Text.Encoding.UTF8.GetBytes(
                Secret + "\nota revert\nota boot ota_0\nota status nocheck\n"), 64);

            new ShellSession(module.Rig.Module).Serve(new DeadlineStream(connection, new ConnectionDeadline(module.Rig.Clock), false));

            module.Reboot.AssertNothingRanAfter();
            Assert.AreEqual(ShellSession.PasswordPrompt + ShellSession.Prompt
                + "Reverting the image on ota_0: restarting into the previous image...\r\n", connection.ResponseText);
            Assert.AreEqual("ota_1", module.NextBoot());
        }

        [TestMethod]
        public void A_push_after_the_deadline_rollback_is_not_served_and_the_way_back_stays_intact()
        {
            var module = new WatchedModule().OnTrial("no");
            module.Rig.Set("ota", "push.secret", Secret);
            var wayBack = module.Rig.Partition("ota_1");
            byte[] wayBackImage = module.Rig.ReadRegion(wayBack.Offset, 0x10000);
            module.Rig.Clock.Milliseconds += CommitWatchdog.DefaultCommitTimeoutMs;
            module.Rig.Module.TickWatchdog();
            Assert.AreEqual(1, module.Reboot.Reasons.Count, "the deadline passed: rollback");
            byte[] push = new PushRequest { Secret = Secret }.File(new ImageBuilder("3.3.007").Build()).Close().Bytes();
            var connection = new ClientConnection(push, 4096);

            new DevicePushConnection(module.Rig.Module).Serve(new DeadlineStream(connection, new ConnectionDeadline(module.Rig.Clock), true));

            module.Reboot.AssertNothingRanAfter();
            Assert.AreEqual("", connection.ResponseText, "no answer: the module is restarting");
            CollectionAssert.AreEqual(wayBackImage, module.Rig.ReadRegion(wayBack.Offset, 0x10000), "the image the rollback boots");
            Assert.AreEqual("ota_1", module.NextBoot());
        }
    }
}
