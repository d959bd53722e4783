#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Schedule;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>What OVMS does at boot: an ovms3.bin on the SD card is flashed (4c), the partition-type notification (4d).</summary>
    [TestClass]
    public class BootTasksTests
    {
        private const string CardVersion = "3.3.006-12-gsdcard01";

        private static ShellRig WithReboot(ShellRig rig, CountingReboot reboot)
        {
            rig.Platform.Reboot = reboot;
            rig.Start();
            rig.Module.SdCard.RestartDelay = 0;
            return rig;
        }

        [TestMethod]
        public void AnImageOnTheCardIsFlashedRenamedAndTheModuleRestarts()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = WithReboot(ShellRig.RunningOta1(), reboot);
            byte[] image = new ImageBuilder(CardVersion).Build();
            rig.Files.Add(SdCardFlash.ImagePath, image);
            rig.Files.Add(SdCardFlash.DonePath, new byte[] { 1, 2, 3 });

            rig.Module.Started();

            Assert.AreEqual(1, reboot.Count, "no restart after the card flash");
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            Assert.IsFalse(rig.Files.Contains(SdCardFlash.ImagePath), "ovms3.bin is still there: it would be flashed again");
            Assert.AreEqual(image.Length, rig.Files.Length(SdCardFlash.DonePath));
            string log = ShellRig.Join(rig.Log.LogLines());
            Expect.Contains("I OTA Auto Flash SD: Preparing flash partition...", log);
            Expect.Contains("I OTA Auto Flash SD: Finalising flash image...", log);
            Expect.Contains("I OTA Auto Flash SD: Setting boot partition...", log);
            Expect.Contains("I AutoFlashSD OTA flash successful: Flashed " + image.Length.ToString() + " bytes, and booting from 'ota_0'", log);
            Assert.AreEqual(0, rig.Log.NotificationLines().Length, "OVMS's SD flash sends no notification");
        }

        [TestMethod]
        public void ARenameThatFailsIsLoggedWithOvmsText()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = WithReboot(ShellRig.RunningOta1(), reboot);
            rig.Files.Add(SdCardFlash.ImagePath, new ImageBuilder(CardVersion).Build());
            rig.Files.ReadOnly = true;

            rig.Module.Started();

            Expect.Contains("E AutoFlashSD Error: ovms3.bin could not be renamed to ovms3.done - check before rebooting",
                ShellRig.Join(rig.Log.LogLines()));
            Assert.AreEqual(1, reboot.Count);
        }

        [TestMethod]
        public void ABadImageOnTheCardChangesNothingBootable()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = WithReboot(ShellRig.RunningOta1(), reboot);
            byte[] otadata = rig.OtaData();
            byte[] bad = new ImageBuilder(CardVersion).Build();
            bad[bad.Length - 1] ^= 0xFF; // the appended SHA-256 no longer matches
            rig.Files.Add(SdCardFlash.ImagePath, bad);

            rig.Module.Started();

            Assert.AreEqual(0, reboot.Count, "restarted after a failed card flash");
            CollectionAssert.AreEqual(otadata, rig.OtaData(), "otadata changed");
            Assert.IsTrue(rig.Files.Contains(SdCardFlash.ImagePath), "a failed image was renamed as done");
            Expect.Contains("E AutoFlashSD: ESP32 error #", ShellRig.Join(rig.Log.LogLines()));
        }

        [TestMethod]
        public void NoCardImageNoFlash()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = WithReboot(ShellRig.RunningOta1(), reboot);
            rig.Flash.Counters.Clear();
            rig.Module.Started();
            Assert.AreEqual(0, reboot.Count);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void NotWhileAnotherFlashHoldsTheLock()
        {
            CountingReboot reboot = new CountingReboot();
            ShellRig rig = WithReboot(ShellRig.RunningOta1(), reboot);
            rig.Files.Add(SdCardFlash.ImagePath, new ImageBuilder(CardVersion).Build());
            rig.Module.Engine.Installer.Lock.TryEnter();
            rig.Module.Started();
            rig.Module.Engine.Installer.Lock.Exit();
            Assert.AreEqual(0, reboot.Count, "flashed while the lock was held");
            Expect.Contains("W AutoFlashSD Error: Flash operation already in progress - cannot flash again", ShellRig.Join(rig.Log.LogLines()));
        }

        [TestMethod]
        public void TheOldTableIsNotifiedOnceWithOvmsText()
        {
            ShellRig rig = new ShellRig(true, "factory");
            rig.Set("ota", "parttype.notifyversion", "3.3.005");
            rig.Module.Started();
            rig.Start();
            rig.Module.Started();
            string[] sent = rig.Log.NotificationLines();
            Assert.AreEqual(1, sent.Length, "sent " + sent.Length.ToString() + " times");
            Assert.AreEqual("info ota.partitiontype: The module is running an outdated flash partitioning scheme.\n"
                + "OTA updates will soon stop working due to its 4MB firmware size limit.\n"
                + "Upgrading is recommended to leverage the limit to 7MB.\n"
                + "To upgrade, open the web UI, menu Config -> Partitioning.", sent[0]);
            ShellRig.Lines(new string[] { "parttype.notified: yes" }, rig.Run("config get ota parttype.notified"));
        }

        [TestMethod]
        public void BelowTheNotifyVersionOrOnV335NothingIsSent()
        {
            ShellRig old = new ShellRig(true, "factory"); // runs 3.3.005-925, below the default 3.3.006
            old.Module.Started();
            Assert.AreEqual(0, old.Log.NotificationLines().Length);
            ShellRig modern = ShellRig.RunningOta1();
            modern.Set("ota", "parttype.notifyversion", "3.3.005");
            modern.Module.Started();
            Assert.AreEqual(0, modern.Log.NotificationLines().Length);
        }

        [TestMethod]
        public void WithoutAChannelItIsLoggedAndNotMarked()
        {
            ShellRig rig = new ShellRig(true, "factory");
            rig.Set("ota", "parttype.notifyversion", "3.3.005");
            rig.Platform.Notifier = null;
            rig.Start();
            rig.Module.Started();
            Expect.Contains("I Partition type notification not sent, no channel available yet", ShellRig.Join(rig.Log.LogLines()));
            ShellRig.Lines(new string[] { "parttype.notified: no (default)" }, rig.Run("config get ota parttype.notified"));
        }
    }
}
