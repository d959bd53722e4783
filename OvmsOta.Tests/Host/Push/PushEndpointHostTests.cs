using System.Net.Http;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Config;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Push
{
    /// <summary>
    /// The push endpoint as the simulator serves it: a real HTTP client on loopback, the module's real flash lock,
    /// updater and flash file. Refusals are checked against the flash's own operation counters: nothing written.
    /// </summary>
    [TestClass]
    public class PushEndpointHostTests
    {
        const string PushedVersion = "3.3.006-77-gpushed01";

        [TestMethod]
        public void APushWithTheSecretUpdatesAndTheModuleBootsIt()
        {
            using var rig = new PushRig();
            byte[] image = DemoTree.Build(PushedVersion);
            rig.Module.RawFlash.Counters.Clear();

            var (status, body) = rig.Post(PushRig.Form(image, "120"));

            Assert.AreEqual(200, status, body);
            Assert.IsTrue(rig.Module.RawFlash.Counters.Total.WriteBytes >= image.Length, "the counters see the image written");
            Assert.AreEqual("OTA flash was successful\n  Flashed " + image.Length + " bytes\n  Next boot will be from 'ota_1'\n", body);
            // The form's commit_timeout holds for this update only (as Mongoose OS's does): the setting is untouched.
            Assert.AreEqual(ConfigParams.DefaultCommitTimeoutSeconds, rig.Module.Module.Engine.Config.CommitTimeoutSeconds);
            rig.Module.PowerOn();
            Assert.AreEqual("ota_1", rig.Module.LastBoot.Partition.Label);
            Assert.AreEqual(PushedVersion, rig.Module.RunningVersion);
            Assert.IsTrue(rig.Module.Watchdog.IsOnTrial, "a pushed image runs on trial until committed");
            Assert.AreEqual(120_000, rig.Module.Watchdog.Status.MillisecondsLeft);
        }

        [TestMethod]
        public void FileFirstAsMongooseSendsItWorksWithTheSizeParameter()
        {
            using var rig = new PushRig();
            byte[] image = DemoTree.Build(PushedVersion, 100_000);
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(image), "file", "fw.bin");
            form.Add(new StringContent("300"), "commit_timeout");

            var (status, body) = rig.Post(form, query: "?size=" + image.Length);

            Assert.AreEqual(200, status, body);
            Assert.AreEqual("ota_1", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        [DataRow(null)]
        [DataRow("wrong-secret-0123456789")]
        [DataRow("0123456789abcdef-pus")]
        public void WithoutTheSecretNothingIsWritten(string secret)
        {
            using var rig = new PushRig();
            rig.Module.RawFlash.Counters.Clear();

            var (status, body) = rig.Post(PushRig.Form(DemoTree.Build(PushedVersion)), secret);

            Assert.AreEqual(401, status, body);
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes, rig.Module.RawFlash.Counters.Total.ToString());
            Assert.AreEqual("ota_0", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void AGarbageBodyIsRefusedAndNothingIsWritten()
        {
            using var rig = new PushRig();
            rig.Module.RawFlash.Counters.Clear();
            var garbage = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(new string('x', 50_000)));
            garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=nothere");

            var (status, body) = rig.Post(garbage);

            Assert.AreEqual(400, status, body);
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes, rig.Module.RawFlash.Counters.Total.ToString());
        }

        [TestMethod]
        public void AFilePartThatIsNotAnImageIsRefusedAndNothingIsWritten()
        {
            using var rig = new PushRig();
            rig.Module.RawFlash.Counters.Clear();
            byte[] html = System.Text.Encoding.ASCII.GetBytes("<html><body>" + new string('x', 5000) + "</body></html>");

            var (status, body) = rig.Post(PushRig.Form(html));

            Assert.AreEqual(500, status, body);
            StringAssert.StartsWith(body, "Error: ");
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes, rig.Module.RawFlash.Counters.Total.ToString());
            Assert.IsFalse(rig.Module.Module.Engine.Installer.Lock.IsHeld, "a failed push releases the flash lock");
        }

        [TestMethod]
        public void WithNoSecretConfiguredPushIsDisabled()
        {
            using var rig = new PushRig();
            rig.Module.Module.Engine.ConfigStore.Remove(ConfigParams.Ota, ConfigParams.PushSecret);
            rig.Module.RawFlash.Counters.Clear();

            var (status, body) = rig.Post(PushRig.Form(DemoTree.Build(PushedVersion, 10_000)));

            Assert.AreEqual(403, status, body);
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);
        }

        [TestMethod]
        public void WhileAShellFlashHoldsTheLockAPushGets409()
        {
            using var rig = new PushRig();
            Assert.IsTrue(rig.Module.Module.Engine.Installer.Lock.TryEnter());
            try
            {
                var (status, body) = rig.Post(PushRig.Form(DemoTree.Build(PushedVersion, 10_000)));

                Assert.AreEqual(409, status, body);
                Assert.AreEqual("Error: Flash operation already in progress - cannot flash again\n", body);
            }
            finally
            {
                rig.Module.Module.Engine.Installer.Lock.Exit();
            }
        }

        [TestMethod]
        [DataRow("5", "Error: commit_timeout 5 is outside 60 to 86400 seconds")]
        [DataRow("86401", "Error: commit_timeout 86401 is outside 60 to 86400 seconds")]
        [DataRow("0", "Error: commit_timeout 0 is outside 60 to 86400 seconds (leave it out to use ota commit.timeout)")]
        public void ACommitTimeoutOutsideTheConfigRangeIsRefusedBeforeAnythingIsWritten(string value, string text)
        {
            using var rig = new PushRig();
            rig.Module.RawFlash.Counters.Clear();

            var (status, body) = rig.Post(PushRig.Form(DemoTree.Build(PushedVersion, 50_000), value));

            Assert.AreEqual(400, status, body);
            StringAssert.StartsWith(body, text);
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes, "flash was erased or written: " + body);
            Assert.AreEqual("ota_0", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label);
            Assert.IsFalse(rig.Module.Module.Engine.Installer.Lock.IsHeld);
        }

        [TestMethod]
        public void ACommitTimeoutHoldsForThatUpdateOnly()
        {
            using var rig = new PushRig();
            Assert.AreEqual(200, rig.Post(PushRig.Form(DemoTree.Build(PushedVersion), "120")).Status);
            rig.Module.PowerOn();
            Assert.AreEqual(120_000, rig.Module.Watchdog.Status.MillisecondsLeft);
            Assert.IsTrue(rig.Module.Watchdog.Commit());

            var (status, body) = rig.Post(PushRig.Form(DemoTree.Build("3.3.006-78-gpushed02")));
            Assert.AreEqual(200, status, body);
            rig.Module.PowerOn();

            Assert.IsTrue(rig.Module.Watchdog.IsOnTrial);
            Assert.AreEqual(ConfigParams.DefaultCommitTimeoutSeconds * 1000, rig.Module.Watchdog.Status.MillisecondsLeft);
        }
    }
}
