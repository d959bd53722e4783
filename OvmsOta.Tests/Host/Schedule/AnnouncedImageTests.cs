using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Schedule;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Schedule
{
    /// <summary>
    /// Issue 15 items 3 and 7 on the engine: the nightly update installs only the version .ver announced, checked from
    /// the image's first bytes before anything is erased; `ota status` stops calling such a version newer; an image
    /// that needs a later chip revision than the module's is refused by every writer; and the rolled-back check of the
    /// nightly job reads flash only under the install lock.
    /// </summary>
    [TestClass]
    public class AnnouncedImageTests
    {
        private const string Base = "http://api.openvehicles.com/firmware/ota/v3.3-5/edge/";
        private const string VerUrl = Base + "ovms3.ver";
        private const string BinUrl = Base + "ovms3.bin";

        private static ShellRig EdgeRig()
        {
            ShellRig rig = ShellRig.RunningOta1();
            rig.Set("ota", "tag", "edge");
            return rig;
        }

        private static void Serve(ShellRig rig, string url, byte[] body)
        {
            rig.Http.Serve(url, new FakeResponse(200, body.Length, null, new ScriptedBody(body, rig.Clock)));
        }

        private static void ServeVer(ShellRig rig, string text) => Serve(rig, VerUrl, Encoding.UTF8.GetBytes(text));

        /// <summary>An image above the 1 KB OVMS refuses as an error page.</summary>
        private static ImageBuilder Builder(string version) => new ImageBuilder(version) { Size = 20000 };

        private static string Log(ShellRig rig) => string.Join("\n", rig.Log.LogLines());

        [TestMethod]
        public void TheNightlyUpdateRefusesAnImageThatIsNotTheAnnouncedVersionBeforeErasingAnything()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "9.9.9\nA much newer build\n");
            Serve(rig, BinUrl, Builder("3.3.001").Build());
            byte[] otadata = rig.OtaData();
            int ota0 = rig.Partition("ota_0").Offset;
            byte[] target = rig.ReadRegion(ota0, FlashGeometry.SectorSize);
            rig.Flash.Counters.Clear();

            rig.Run("ota flash auto");

            Assert.AreEqual(AutoUpdateOutcome.InstallFailed, rig.Module.AutoUpdate.LastOutcome, Log(rig));
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, "flash was erased or written:\n" + Log(rig));
            CollectionAssert.AreEqual(otadata, rig.OtaData());
            CollectionAssert.AreEqual(target, rig.ReadRegion(ota0, FlashGeometry.SectorSize), "the old image in ota_0 was touched");
            StringAssert.Contains(Log(rig), "E AutoFlash: Image refused: App version: expected 9.9.9 (the version the update server announced), found 3.3.001");
            Assert.IsFalse(rig.Module.Engine.Installer.Lock.IsHeld);
        }

        [TestMethod]
        public void StatusStopsCallingAVersionNewerOnceItsImageTurnedOutToBeAnother()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "9.9.9\n");
            Serve(rig, BinUrl, Builder("3.3.001").Build());
            Assert.IsTrue(rig.Run("ota status").Contains("Server Available:  9.9.9 (is newer)"));
            ServeVer(rig, "9.9.9\n");

            rig.Run("ota flash auto");

            ServeVer(rig, "9.9.9\n");
            string[] status = rig.Run("ota status");
            Assert.IsTrue(status.Contains("Server Available:  9.9.9 (announced, but its image is 3.3.001: not installed)"),
                ShellRig.Join(status));
        }

        [TestMethod]
        public void TheNightlyUpdateInstallsTheAnnouncedVersion()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "3.3.006-1-gabcdef012\n");
            byte[] image = Builder("3.3.006-1-gabcdef012").Build();
            Serve(rig, BinUrl, image);

            rig.Run("ota flash auto");

            Assert.AreEqual(AutoUpdateOutcome.Updated, rig.Module.AutoUpdate.LastOutcome, Log(rig));
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void TheNightlyUpdateNeverInstallsAnOlderOrEqualVersionUnlessForced()
        {
            foreach (string version in new[] { ShellRig.RunningVersion, ShellRig.OtherVersion })
            {
                ShellRig rig = EdgeRig();
                ServeVer(rig, version + "\n");
                Serve(rig, BinUrl, Builder(version).Build());
                byte[] otadata = rig.OtaData();

                rig.Run("ota flash auto");

                Assert.AreEqual(AutoUpdateOutcome.Current, rig.Module.AutoUpdate.LastOutcome, version);
                CollectionAssert.AreEqual(otadata, rig.OtaData());

                ServeVer(rig, version + "\n");
                rig.Run("ota flash auto force");
                Assert.AreEqual(AutoUpdateOutcome.Updated, rig.Module.AutoUpdate.LastOutcome, Log(rig));
            }
        }

        [TestMethod]
        public void FlashHttpWithoutAUrlInstallsOnlyTheVersionTheServerAnnounces()
        {
            ShellRig rig = EdgeRig();
            ServeVer(rig, "9.9.9\n");
            Serve(rig, BinUrl, Builder("3.3.001").Build());
            byte[] otadata = rig.OtaData();
            rig.Flash.Counters.Clear();

            string text = ShellRig.Join(rig.Run("ota flash http"));

            StringAssert.Contains(text, "Error: Image refused: App version: expected 9.9.9 (the version the update server announced), found 3.3.001");
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, text);
            CollectionAssert.AreEqual(otadata, rig.OtaData());

            // A URL names the image itself: no version is asked for, so any valid image installs; this one is older
            // than the running image, so it needs force (issue 16).
            Serve(rig, BinUrl, Builder("3.3.001").Build());
            text = ShellRig.Join(rig.Run("ota flash http " + BinUrl));
            StringAssert.Contains(text, "Version 3.3.001 is older than the running 3.3.005-925-g3e67d4e6d; to install it anyway: ota flash http " + BinUrl + " force");
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, text);
            Serve(rig, BinUrl, Builder("3.3.001").Build());
            text = ShellRig.Join(rig.Run("ota flash http " + BinUrl + " force"));
            StringAssert.Contains(text, "Next boot will be from 'ota_0'");
        }

        [TestMethod]
        public void AnImageNeedingALaterChipRevisionIsRefusedByTheShellFlash()
        {
            ShellRig rig = EdgeRig();
            ImageBuilder builder = Builder("3.3.006-1-gabcdef012");
            builder.MinChipRevisionFull = 900;
            Serve(rig, BinUrl, builder.Build());
            byte[] otadata = rig.OtaData();
            rig.Flash.Counters.Clear();

            string[] lines = rig.Run("ota flash http " + BinUrl);

            string text = ShellRig.Join(lines);
            StringAssert.Contains(text, "chip revision check failed. Required >= v9.0, found v3.0");
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, text);
            CollectionAssert.AreEqual(otadata, rig.OtaData());
        }

        [TestMethod]
        public void AnImageForOlderChipsOnlyIsRefused()
        {
            ShellRig rig = EdgeRig();
            ImageBuilder builder = Builder("3.3.006-1-gabcdef012");
            builder.MaxChipRevisionFull = 199;
            Serve(rig, BinUrl, builder.Build());

            string text = ShellRig.Join(rig.Run("ota flash http " + BinUrl));

            StringAssert.Contains(text, "chip revision check failed. Required <= v1.99, found v3.0");
            Assert.AreEqual("ota_1", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void TheLegacyMinimumRevisionByteCountsToo()
        {
            ShellRig rig = EdgeRig();
            ImageBuilder builder = Builder("3.3.006-1-gabcdef012");
            builder.LegacyMinChipRevision = 4;
            Serve(rig, BinUrl, builder.Build());

            string text = ShellRig.Join(rig.Run("ota flash http " + BinUrl));

            StringAssert.Contains(text, "chip revision check failed. Required >= v4.0, found v3.0");
        }

        [TestMethod]
        public void TheRolledBackCheckWaitsForTheInstallLock()
        {
            ShellRig rig = EdgeRig();
            const string tried = "3.3.007-1-gabcdef012";
            rig.PutImage("ota_0", tried);
            // ota_0 failed its trial (ABORTED), ota_1 runs and is selected.
            OtaDataPartition otadata = rig.Module.Engine.Slots.BootSlots.OtaData;
            otadata.EraseAll();
            otadata.WriteEntry(0, OtaEntry.Create(1, OtaState.Aborted, null));
            otadata.WriteEntry(1, OtaEntry.Create(2, OtaState.Valid, null));
            ServeVer(rig, tried + "\n");
            Serve(rig, BinUrl, Builder(tried).Build());
            var installer = rig.Module.Engine.Installer;
            Assert.IsTrue(installer.Lock.TryEnter());
            try
            {
                // Another writer holds the lock and has its data in the work buffer.
                byte[] buffer = installer.WorkBuffer;
                for (int i = 0; i < buffer.Length; i++)
                    buffer[i] = 0x5A;

                rig.Run("ota flash auto");

                Assert.IsTrue(buffer.All(b => b == 0x5A), "the nightly job used the work buffer without the lock");
                Assert.AreEqual(AutoUpdateOutcome.Busy, rig.Module.AutoUpdate.LastOutcome);
            }
            finally
            {
                installer.Lock.Exit();
            }
            ServeVer(rig, tried + "\n");
            rig.Run("ota flash auto");
            Assert.AreEqual(AutoUpdateOutcome.RolledBackBefore, rig.Module.AutoUpdate.LastOutcome, Log(rig));
        }
    }
}
