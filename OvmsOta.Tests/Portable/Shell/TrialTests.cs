#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Push;
using OvmsOta.Schedule;
using OvmsOta.Shell;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Shell
{
    [TestClass]
    public class TrialTests
    {
        private const string MainVerUrl = "http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.ver";

        /// <summary>Flashes a new image into ota_0 with `ota flash vfs`, then boots the engine from it (as the bootloader would).</summary>
        private static ShellRig BootedIntoNewImage(CountingReboot reboot)
        {
            return BootedIntoNewImage(reboot, null);
        }

        /// <summary>commitAuto: a value for `ota commit.auto` set before the update, or null for the default.</summary>
        private static ShellRig BootedIntoNewImage(CountingReboot reboot, string commitAuto)
        {
            ShellRig rig = ShellRig.RunningOta1();
            if (commitAuto != null)
                rig.Set("ota", "commit.auto", commitAuto);
            rig.Platform.Reboot = reboot;
            rig.Start();
            rig.Files.Add("/sd/ovms3.bin", new OvmsOta.Simulation.ImageBuilder("3.3.006").Build());
            string[] lines = rig.Run("ota flash vfs /sd/ovms3.bin");
            Assert.AreEqual("OTA flash was successful", lines[6]);
            rig.Platform.RunningPartition = "ota_0";
            rig.Start();
            return rig;
        }

        [TestMethod]
        public void StatusShowsTheTrialAndCommitEndsIt()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = BootedIntoNewImage(reboot);
            Assert.IsTrue(rig.Module.Engine.Trial.Watchdog.IsOnTrial);
            string[] lines = rig.Run("ota");
            Expect.Contains("Trial:             Running ota_0 on trial: rolls back in 10 min 00 s unless confirmed", lines[6]);
            ShellRig.Lines(new string[] { "Image on ota_0 committed: it stays the boot image" }, rig.Run("ota commit"));
            Assert.IsFalse(rig.Module.Engine.Trial.Watchdog.IsOnTrial);
            ShellRig.Lines(new string[] { "Error: The image on ota_0 is not on trial - nothing to commit" }, rig.Run("ota commit"));
            Expect.Contains("Trial:             Running ota_0: committed", rig.Run("ota")[6]);
            Assert.AreEqual(0, reboot.Count);
        }

        [TestMethod]
        public void RevertRestartsIntoThePreviousImage()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = BootedIntoNewImage(reboot);
            string[] lines = rig.Run("ota revert");
            ShellRig.Lines(new string[] { "Reverting the image on ota_0: restarting into the previous image..." }, lines);
            Assert.AreEqual(1, reboot.Count);
            Assert.IsFalse(rig.Module.Engine.Installer.Lock.IsHeld);
        }

        [TestMethod]
        public void NoUpdateWhileOnTrialBecauseTheNextSlotIsTheWayBack()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = BootedIntoNewImage(reboot);
            rig.Files.Add("/sd/next.bin", new OvmsOta.Simulation.ImageBuilder("3.3.007").Build());
            byte[] otadata = rig.OtaData();
            PartitionEntry wayBack = rig.Partition("ota_1");
            byte[] wayBackStart = rig.ReadRegion(wayBack.Offset, 0x10000);

            string[] lines = rig.Run("ota flash vfs /sd/next.bin");

            ShellRig.Lines(new string[] {
                "Current running partition is: ota_0",
                "Error: The running image on ota_0 is on trial - confirm it with 'ota commit' or go back with 'ota revert' first" }, lines);
            ShellRig.Lines(new string[] {
                "Error: The running image on ota_0 is on trial - confirm it with 'ota commit' or go back with 'ota revert' first" }, rig.Run("ota boot ota_1"));
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "ota boot refused too");
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata untouched");
            CollectionAssert.AreEqual(wayBackStart, rig.ReadRegion(wayBack.Offset, 0x10000), "the previous image untouched");
            ShellRig.Lines(new string[] { "Image on ota_0 committed: it stays the boot image" }, rig.Run("ota commit"));
            Expect.Contains("OTA flash was successful", ShellRig.Join(rig.Run("ota flash vfs /sd/next.bin")));
        }

        private static void ServeVer(ShellRig rig)
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes("3.3.006\n");
            rig.Http.Serve(MainVerUrl, new OvmsOta.Tests.Portable.Server.FakeResponse(200, body.Length, null,
                new OvmsOta.Tests.Portable.Server.ScriptedBody(body, rig.Clock)));
        }

        [TestMethod]
        public void AHealthyImageConfirmsItselfOnceNetworkAndUpdateServerAnswer()
        {
            ShellRig rig = BootedIntoNewImage(new CountingReboot());
            ServeVer(rig);

            rig.Module.TickWatchdog();

            Assert.IsFalse(rig.Module.Engine.Trial.Watchdog.IsOnTrial);
            Expect.Contains("Image on ota_0 confirmed: its health checks passed", ShellRig.Join(rig.Log.LogLines()));
        }

        [TestMethod]
        public void WithoutNetworkOrServerAnswerTheImageStaysOnTrialAndTheServerIsAskedOnceAMinute()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = BootedIntoNewImage(reboot);
            rig.Network.Wifi = false;
            rig.Module.TickWatchdog();
            Assert.IsTrue(rig.Module.Engine.Trial.Watchdog.IsOnTrial, "no network");

            rig.Network.Wifi = true;
            rig.Module.TickWatchdog();
            Assert.IsTrue(rig.Module.Engine.Trial.Watchdog.IsOnTrial, "the update server did not answer (the fake has no .ver)");

            ServeVer(rig);
            rig.Module.TickWatchdog();
            Assert.IsTrue(rig.Module.Engine.Trial.Watchdog.IsOnTrial, "the last answer stands for a minute");
            rig.Clock.Milliseconds += UpdateServerHealth.MinimumIntervalMs;
            rig.Module.TickWatchdog();
            Assert.IsFalse(rig.Module.Engine.Trial.Watchdog.IsOnTrial, "asked again after a minute: confirmed");
            Assert.AreEqual(0, reboot.Count);
        }

        [TestMethod]
        public void WithCommitAutoOffOnlyTheOwnerConfirms()
        {
            ShellRig rig = BootedIntoNewImage(new CountingReboot(), "no");
            ServeVer(rig);

            rig.Module.TickWatchdog();

            Assert.IsTrue(rig.Module.Engine.Trial.Watchdog.IsOnTrial);
            ShellRig.Lines(new string[] { "Image on ota_0 committed: it stays the boot image" }, rig.Run("ota commit"));
        }

        [TestMethod]
        public void AnUnreadableConfigStoreDoesNotKeepATrialImageFromArmingItsRollback()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Platform.Reboot = new CountingReboot();
            rig.Start();
            rig.Files.Add("/sd/ovms3.bin", new OvmsOta.Simulation.ImageBuilder("3.3.006").Build());
            Assert.AreEqual("OTA flash was successful", rig.Run("ota flash vfs /sd/ovms3.bin")[6]);
            PartitionEntry store = rig.Partition("store");
            rig.Platform.RunningPartition = "ota_0";
            rig.Platform.Flash = new UnreadableRegionFlash(rig.Flash, store.Offset, store.Size);

            Expect.Throws(typeof(OvmsOta.Flash.FlashException), () => new OtaModule(rig.Platform));

            OvmsOta.Simulation.BootResult next = new OvmsOta.Simulation.BootloaderModel(rig.Flash, rig.Module.Engine.Slots.Table,
                new OvmsOta.Image.SlotImageCheck(rig.Flash, new OvmsOta.Image.ImageValidator(), new byte[4096]), false).Boot();
            Assert.AreEqual("ota_1", next.Partition.Label, "armed before the store failed: the next boot goes back");
        }

        [TestMethod]
        public void TheAutomaticUpdateWaitsWhileAnImageIsOnTrial()
        {
            ShellRig rig = BootedIntoNewImage(new CountingReboot(), "no");
            byte[] otadata = rig.OtaData();

            rig.Module.AutoUpdate.Launch(true);

            Assert.AreEqual((int)OvmsOta.Schedule.AutoUpdateOutcome.OnTrial, (int)rig.Module.AutoUpdate.LastOutcome);
            Expect.Contains("AutoFlash: Error: The running image on ota_0 is on trial", ShellRig.Join(rig.Log.LogLines()));
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata untouched");
            Assert.AreEqual(0, rig.Http.Requests.Count, "not even the server was asked");
        }

        [TestMethod]
        public void APushWaitsWhileAnImageIsOnTrial()
        {
            ShellRig rig = BootedIntoNewImage(new CountingReboot(), "no");
            byte[] otadata = rig.OtaData();
            OvmsOta.Push.IPushTarget target = rig.Module.PushTarget;

            System.Exception refused = Expect.Throws(typeof(OvmsOta.Push.PushException), () => target.Begin(4096));

            Expect.Contains("is on trial", refused.Message);
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata untouched");
            Assert.IsFalse(rig.Module.Engine.Installer.Lock.IsHeld);
        }

        [TestMethod]
        public void WithoutARebootBindingThereIsNoWatchdog()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[] { TrialCommands.NoWatchdogText }, rig.Run("ota commit"));
            ShellRig.Lines(new string[] { TrialCommands.NoWatchdogText }, rig.Run("ota revert"));
        }
    }
}
