using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Schedule;
using OvmsOta.Simulator.Net;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Schedule
{
    /// <summary>
    /// The nightly update driven by a test wall clock against a real HTTP server on 127.0.0.1, over the host's HttpClient
    /// transport: updates when the server is newer, nothing otherwise, wifi only unless auto.allow.modem, once a day at
    /// the hour, and every HTTP fault leaves otadata byte-identical with the reference's log texts.
    /// </summary>
    [TestClass]
    public class NightlyUpdateTests
    {
        private static NightlyServer _server;
        private static HttpClientTransport _transport;

        [ClassInitialize]
        public static void StartServer(TestContext context)
        {
            _server = new NightlyServer(ShellRig.RunningVersion);
            _transport = new HttpClientTransport();
        }

        [ClassCleanup]
        public static void StopServer()
        {
            _transport.Dispose();
            _server.Dispose();
        }

        private sealed class Module
        {
            public readonly ShellRig Rig = ShellRig.RunningOta1();
            public readonly RecordingReboot Reboot = new RecordingReboot();

            public Module(string tag)
            {
                Rig.Platform.Http = _transport;
                Rig.Platform.MonotonicClock = new HostMonotonicClock();
                Rig.Platform.Reboot = Reboot;
                Rig.Start();
                Rig.Module.Engine.Server.Fetcher.StallTimeoutMilliseconds = 500;
                Rig.Module.AutoUpdate.RestartDelay = 10;
                Rig.Set("ota", "server", _server.Host.OtaServerValue);
                Rig.Set("ota", "tag", tag);
                // The URL the update would record is set already, so the config store has no reason to change.
                Rig.Set("ota", "http.mru", _server.ImageUrl(tag));
                At(14, 2, 5);
                Rig.Log.Lines.Clear();
                Rig.Log.Notifications.Clear();
            }

            public void At(int day, int hour, int minute) => Rig.WallClock.Now = new DateTime(2026, 5, day, hour, minute, 0);

            public bool Tick() => Rig.Module.AutoUpdate.Tick();

            public AutoUpdateOutcome Outcome => Rig.Module.AutoUpdate.LastOutcome;

            /// <summary>Log lines without the percentage lines (their count depends on how the body arrives).</summary>
            public string[] Log => Rig.Log.LogLines().Where(l => !l.StartsWith("I OTA Auto Flash: Downloading OTA image... ")).ToArray();

            public byte[] Store
            {
                get
                {
                    // Host code may hold the 2 MB store in one array; ShellRig.ReadRegion keeps to nanoCLR's object limit.
                    var store = Rig.Partition("store");
                    var bytes = new byte[store.Size];
                    Rig.Flash.Read(store.Offset, bytes, 0, bytes.Length);
                    return bytes;
                }
            }
        }

        [TestMethod]
        public void UpdatesWhenTheServerIsNewerAndRestartsWithOvmsTexts()
        {
            var module = new Module("newer");
            byte[] store = module.Store;
            string url = _server.ImageUrl("newer");

            Assert.IsTrue(module.Tick());

            Assert.AreEqual(AutoUpdateOutcome.Updated, module.Outcome);
            CollectionAssert.AreEqual(new[]
            {
                "I AutoFlash OTA: Task is running",
                "I AutoFlash: Update ota_0 to " + NightlyServer.NewVersion + " (" + url + ")",
                "I OTA Auto Flash: Preparing flash partition...",
                "I AutoFlash:: Download complete (at " + _server.Image.Length + " bytes)",
                "I OTA Auto Flash: Finalising flash partition...",
                "I AutoFlash: Setting boot partition...",
                "I AutoFlash: Success flash of " + _server.Image.Length + " bytes from " + url,
                "I AutoFlash OTA: Task complete. Requesting restart...",
            }, module.Log);
            CollectionAssert.AreEqual(new[]
            {
                "info ota.update: New OTA firmware " + NightlyServer.NewVersion + " is now being downloaded",
                "info ota.update: OTA firmware " + NightlyServer.NewVersion + " has been updated (OVMS will restart)",
            }, module.Rig.Log.NotificationLines());
            Assert.AreEqual("ota_0", module.Rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            CollectionAssert.AreEqual(_server.Image, module.Rig.ReadRegion(module.Rig.Partition("ota_0").Offset, _server.Image.Length));
            CollectionAssert.AreEqual(new[] { "FirmwareUpdate" }, module.Reboot.Reasons);
            CollectionAssert.AreEqual(store, module.Store, "the update changed the store partition");
        }

        [TestMethod]
        public void HeldRestartIsAskedAgainAtTheNextTick()
        {
            var module = new Module("newer");
            module.Rig.RebootPolicy.Allow = false;
            module.Tick();
            Assert.AreEqual(AutoUpdateOutcome.RestartHeld, module.Outcome);
            Assert.AreEqual(0, module.Reboot.Reasons.Count);
            module.At(14, 2, 15);
            module.Tick();
            Assert.AreEqual(0, module.Reboot.Reasons.Count);
            module.Rig.RebootPolicy.Allow = true;
            module.Tick();
            CollectionAssert.AreEqual(new[] { "FirmwareUpdate" }, module.Reboot.Reasons);
        }

        [TestMethod]
        public void DoesNothingWhenTheServerIsNotNewer()
        {
            var module = new Module("same");
            byte[] otadata = module.Rig.OtaData();
            module.Tick();
            Assert.AreEqual(AutoUpdateOutcome.Current, module.Outcome);
            CollectionAssert.AreEqual(new[]
            {
                "I AutoFlash OTA: Task is running",
                "I AutoFlash: No new firmware available (" + ShellRig.RunningVersion + " is current)",
            }, module.Log);
            CollectionAssert.AreEqual(otadata, module.Rig.OtaData());
            Assert.AreEqual(0, module.Rig.Log.Notifications.Count);
        }

        [TestMethod]
        public void OverTheModemOnlyWithAutoAllowModem()
        {
            var module = new Module("newer");
            module.Rig.Network.Wifi = false;
            module.Rig.Network.Modem = true;
            module.Tick();
            Assert.AreEqual(AutoUpdateOutcome.NeedsWifi, module.Outcome);
            CollectionAssert.AreEqual(new[]
            {
                "I AutoFlash OTA: Task is running",
                "I AutoFlash: Cannot flash without wifi connection, or auto.allow.modem",
            }, module.Log);
            CollectionAssert.AreEqual(new[] { "info ota.update: New firmware " + NightlyServer.NewVersion + " is available. Connect to WIFI to update" },
                module.Rig.Log.NotificationLines());
            Assert.AreEqual("ota_1", module.Rig.Module.Engine.Slots.BootSlots.BootPartition().Label);

            // Once per server version per boot: the next day's check does not notify again.
            module.At(15, 2, 5);
            module.Tick();
            Assert.AreEqual(1, module.Rig.Log.Notifications.Count);

            module.Rig.Set("ota", "auto.allow.modem", "yes");
            module.At(16, 2, 5);
            module.Tick();
            Assert.AreEqual(AutoUpdateOutcome.Updated, module.Outcome);
            Assert.AreEqual("ota_0", module.Rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void RunsOnceADayInTheConfiguredHourAndOnlyWhenEnabled()
        {
            var module = new Module("same");
            module.At(14, 1, 55);
            Assert.IsFalse(module.Tick());
            module.At(14, 2, 5);
            Assert.IsTrue(module.Tick());
            module.At(14, 2, 15);
            Assert.IsFalse(module.Tick());
            module.At(14, 3, 5);
            Assert.IsFalse(module.Tick());
            module.At(15, 2, 55);
            Assert.IsTrue(module.Tick());

            module.Rig.Set("ota", "auto.hour", "4");
            module.At(16, 2, 5);
            Assert.IsFalse(module.Tick());
            module.At(16, 4, 5);
            Assert.IsTrue(module.Tick());

            module.Rig.Set("auto", "ota", "no");
            module.At(17, 4, 5);
            Assert.IsFalse(module.Tick());
        }

        [TestMethod]
        [DataRow("missing", "not found on the update server (HTTP 404)", AutoUpdateOutcome.RequestFailed)]
        [DataRow("error500", "Update server error 500", AutoUpdateOutcome.RequestFailed)]
        [DataRow("stall", "AutoFlash:: Download failed (at 8192 bytes)", AutoUpdateOutcome.InstallFailed)]
        [DataRow("short", "AutoFlash: Download file size (20000) does not match expected (", AutoUpdateOutcome.InstallFailed)]
        [DataRow("garbage", "AutoFlash: ESP32 error #5379 when writing to flash - state is inconsistent", AutoUpdateOutcome.InstallFailed)]
        public void SurvivesEveryHttpFaultWithoutActivatingAnything(string tag, string logText, AutoUpdateOutcome outcome)
        {
            var module = new Module(tag);
            byte[] otadata = module.Rig.OtaData();
            byte[] store = module.Store;

            module.Tick();

            Assert.AreEqual(outcome, module.Outcome, string.Join("\n", module.Log));
            Assert.IsTrue(module.Log.Any(l => l.Contains(logText)), "no log line with \"" + logText + "\" in:\n" + string.Join("\n", module.Log));
            CollectionAssert.AreEqual(otadata, module.Rig.OtaData(), "otadata changed");
            CollectionAssert.AreEqual(store, module.Store, "store changed");
            Assert.AreEqual("ota_1", module.Rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            // A failure after the erase leaves the target unbootable (byte 0 erased); one before it leaves the old image.
            Assert.AreEqual(outcome == AutoUpdateOutcome.InstallFailed ? 0xFF : 0xE9, module.Rig.ReadRegion(module.Rig.Partition("ota_0").Offset, 1)[0]);
            Assert.AreEqual(0, module.Reboot.Reasons.Count);
            Assert.IsFalse(module.Rig.Module.Engine.Installer.Lock.IsHeld);
            Assert.IsFalse(module.Rig.Module.Engine.Installer.Updater.IsBusy);

            // Before anything was written OVMS allows another try at the next tick; after, not this version today.
            module.Rig.Log.Lines.Clear();
            module.At(14, 2, 15);
            bool ranAgain = module.Tick();
            Assert.AreEqual(outcome == AutoUpdateOutcome.RequestFailed, ranAgain);
            module.Rig.Log.Lines.Clear();
            module.Rig.Run("ota flash auto");
            if (outcome == AutoUpdateOutcome.InstallFailed)
                Assert.AreEqual(AutoUpdateOutcome.FailedToday, module.Outcome);
            CollectionAssert.AreEqual(otadata, module.Rig.OtaData(), "otadata changed on the retry");
        }
    }
}
