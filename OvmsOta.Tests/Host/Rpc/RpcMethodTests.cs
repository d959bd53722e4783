using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Engine;

namespace OvmsOta.Tests.Host.Rpc
{
    /// <summary>
    /// Each RPC method over the simulated module's HTTP port: success, a bad JSON body, a missing or wrong secret, a busy
    /// flash lock and an image on trial. Refusals change no flash.
    /// </summary>
    [TestClass]
    public class RpcMethodTests
    {
        static readonly string[] Changing = { "OTA.Update", "OTA.Commit", "OTA.Revert", "OTA.SetBootState", "Sys.Reboot" };
        static readonly string[] Reading = { "OTA.Status", "OTA.GetBootState" };
        static readonly string[] All = { "OTA.Update", "OTA.Commit", "OTA.Revert", "OTA.SetBootState", "Sys.Reboot", "OTA.Status", "OTA.GetBootState" };

        static void AssertError(int expected, (int Status, JsonElement Json, string Text) answer, string contains)
        {
            Assert.AreEqual(expected, answer.Status, answer.Text);
            Assert.AreEqual(expected, answer.Json.GetProperty("error").GetProperty("code").GetInt32(), answer.Text);
            StringAssert.Contains(answer.Json.GetProperty("error").GetProperty("message").GetString(), contains);
        }

        [TestMethod]
        public void AMongooseStyleCurlCallUpdatesTheModule()
        {
            using var rig = new ModuleRig();
            string url = rig.Publish("3.3.006-21-gcurl0001");
            var curl = Process.Start(new ProcessStartInfo("curl", new[] { "-sS", "-d", "{\"url\":\"" + url + "\",\"commit_timeout\":300}",
                "-H", "Authorization: Bearer " + ModuleRig.Secret, rig.Listener.PageUrl + "rpc/OTA.Update" })
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string output = curl.StandardOutput.ReadToEnd() + curl.StandardError.ReadToEnd();
            Assert.IsTrue(curl.WaitForExit(60_000), "curl did not end");
            Assert.AreEqual(0, curl.ExitCode, output);
            StringAssert.Contains(output, "\"ok\": true");
            rig.WaitIdle();

            var status = rig.Rpc("OTA.Status");
            JsonElement last = status.Json.GetProperty("last_update");
            Assert.AreEqual("done", last.GetProperty("state").GetString(), status.Text);
            StringAssert.Contains(last.GetProperty("text").GetString(), "OTA flash was successful");
            Assert.AreEqual("ota_1", status.Json.GetProperty("boot").GetString());

            rig.Module.PowerOn();
            Assert.AreEqual("3.3.006-21-gcurl0001", rig.Module.RunningVersion);
            Assert.IsTrue(rig.Module.Watchdog!.IsOnTrial);
            long left = rig.Module.Watchdog.Status.MillisecondsLeft;
            Assert.IsTrue(left <= 300_000 && left > 290_000, "the trial has " + left + " ms, not this update's 300 s");
        }

        [TestMethod]
        public void UpdateWithoutAUrlTakesTheServersImage()
        {
            using var rig = new ModuleRig();
            var answer = rig.Rpc("OTA.Update", "{}");
            Assert.AreEqual(200, answer.Status, answer.Text);
            rig.WaitIdle();
            rig.Module.PowerOn();
            Assert.AreEqual(ModuleRig.MainVersion, rig.Module.RunningVersion);
        }

        [TestMethod]
        public void AFailedUpdateIsTheLastOutcomeWithItsError()
        {
            using var rig = new ModuleRig();
            var answer = rig.Rpc("OTA.Update", "{\"url\":\"" + rig.Server.BaseUrl + "nothing/here.bin\"}");
            Assert.AreEqual(200, answer.Status, answer.Text); // started; the outcome says how it ended
            rig.WaitIdle();
            JsonElement last = rig.Rpc("OTA.Status").Json.GetProperty("last_update");
            Assert.AreEqual("failed", last.GetProperty("state").GetString());
            StringAssert.Contains(last.GetProperty("error").GetString(), "404");
            Assert.AreEqual("ota_0", rig.Rpc("OTA.Status").Json.GetProperty("boot").GetString());
        }

        [TestMethod]
        public void BadJsonIs400AndWritesNothing()
        {
            using var rig = new ModuleRig();
            rig.Module.RawFlash.Counters.Clear();
            foreach (string method in All)
                AssertError(400, rig.Rpc(method, "{\"url\": "), "not the JSON");
            AssertError(400, rig.Rpc("OTA.Update", "{\"commit_timeout\":\"soon\"}"), "not the JSON");
            AssertError(400, rig.Rpc("OTA.Update", "{\"commit_timeout\":30}"), "commit_timeout 30 is outside 60 to 86400 seconds");
            AssertError(400, rig.Rpc("OTA.Update", "{\"url\":\"ftp-less\"}"), "is not an http:// or https:// URL");
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);
        }

        [TestMethod]
        public void WithoutTheSecretOnlyTheReadingMethodsAnswer()
        {
            using var rig = new ModuleRig();
            rig.Module.RawFlash.Counters.Clear();
            foreach (string method in Changing)
            {
                AssertError(401, rig.Rpc(method, "{}", secret: null), "Unauthorized");
                AssertError(401, rig.Rpc(method, "{}", secret: "0123456789abcdef-rpc-secreT"), "Unauthorized");
            }
            foreach (string method in Reading)
            {
                Assert.AreEqual(200, rig.Rpc(method, "{}", secret: null).Status, method);
                Assert.AreEqual(200, rig.Rpc(method, "{}", secret: "wrong").Status, method);
            }
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);
            Assert.AreEqual("ota_0", rig.Module.LastBoot.Partition.Label, "a refused Sys.Reboot or Revert restarted the module");
        }

        [TestMethod]
        public void WithNoSecretConfiguredChangesAreDisabled()
        {
            using var rig = new ModuleRig();
            rig.Module.Module.Engine.ConfigStore.Remove(OvmsOta.Config.ConfigParams.Ota, OvmsOta.Config.ConfigParams.PushSecret);
            foreach (string method in Changing)
                AssertError(403, rig.Rpc(method, "{}", secret: ModuleRig.Secret), "no push secret configured");
            Assert.AreEqual(200, rig.Rpc("OTA.Status", "{}", secret: null).Status);
        }

        [TestMethod]
        public void ABusyFlashLockRefusesEveryChangeWith409()
        {
            using var rig = new ModuleRig();
            rig.Publish("3.3.006-1-gbusy0001");
            InstallLock flashLock = rig.Module.Module.Engine.Installer.Lock;
            Assert.IsTrue(flashLock.TryEnter());
            try
            {
                rig.Module.RawFlash.Counters.Clear();
                AssertError(409, rig.Rpc("OTA.Update", "{}"), "Flash operation already in progress");
                AssertError(409, rig.Rpc("OTA.Commit"), "Flash operation already in progress");
                AssertError(409, rig.Rpc("OTA.Revert"), "Flash operation already in progress");
                AssertError(409, rig.Rpc("OTA.SetBootState", "{\"active_slot\":1,\"is_committed\":true}"), "Flash operation already in progress");
                AssertError(409, rig.Rpc("Sys.Reboot"), "Flash operation already in progress");
                var status = rig.Rpc("OTA.Status");
                Assert.AreEqual(200, status.Status);
                Assert.IsTrue(status.Json.GetProperty("busy").GetBoolean());
                Assert.AreEqual(200, rig.Rpc("OTA.GetBootState").Status);
                Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);
            }
            finally
            {
                flashLock.Exit();
            }
        }

        [TestMethod]
        public void OnTrialUpdatesAndSlotChangesAreRefusedCommitKeepsTheImage()
        {
            using var rig = new ModuleRig();
            rig.OnTrial();
            rig.Module.RawFlash.Counters.Clear();
            AssertError(409, rig.Rpc("OTA.Update", "{}"), "is on trial - confirm it with 'ota commit'");
            AssertError(409, rig.Rpc("OTA.SetBootState", "{\"active_slot\":0,\"is_committed\":true}"), "is on trial");
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes);

            var boot = rig.Rpc("OTA.GetBootState");
            Assert.AreEqual(1, boot.Json.GetProperty("active_slot").GetInt32(), boot.Text);
            Assert.IsFalse(boot.Json.GetProperty("is_committed").GetBoolean());
            Assert.AreEqual(0, boot.Json.GetProperty("revert_slot").GetInt32());
            Assert.IsTrue(boot.Json.GetProperty("commit_timeout").GetInt32() > 0);
            JsonElement trial = rig.Rpc("OTA.Status").Json.GetProperty("trial");
            Assert.IsTrue(trial.GetProperty("on_trial").GetBoolean());
            Assert.IsTrue(trial.GetProperty("seconds_left").GetInt32() > 500);

            var commit = rig.Rpc("OTA.Commit");
            Assert.AreEqual(200, commit.Status, commit.Text);
            StringAssert.Contains(commit.Json.GetProperty("message").GetString(), "Image on ota_1 committed");
            Assert.IsTrue(rig.Rpc("OTA.GetBootState").Json.GetProperty("is_committed").GetBoolean());
            AssertError(409, rig.Rpc("OTA.Commit"), "is not on trial - nothing to commit");
            AssertError(409, rig.Rpc("OTA.Revert"), "is not on trial - nothing to revert");
        }

        [TestMethod]
        public void RevertAnswersThenGoesBackToThePreviousImage()
        {
            using var rig = new ModuleRig();
            rig.OnTrial();
            var answer = rig.Rpc("OTA.Revert");
            Assert.AreEqual(200, answer.Status, answer.Text);
            StringAssert.Contains(answer.Json.GetProperty("message").GetString(), "restarting into the previous image");
            // The answer goes out before the restart: wait for the module to come back.
            var end = System.DateTime.UtcNow.AddSeconds(30);
            while (rig.Module.LastBoot.Partition.Label != "ota_0" && System.DateTime.UtcNow < end)
                System.Threading.Thread.Sleep(20);
            Assert.AreEqual("ota_0", rig.Module.LastBoot.Partition.Label);
            Assert.AreEqual(Simulator.UpdateServer.DemoTree.InitialVersion, rig.Module.RunningVersion);
        }

        [TestMethod]
        public void SetBootStateChoosesASlotOrCommitsTheTrial()
        {
            using var rig = new ModuleRig();
            rig.OnTrial();
            var commit = rig.Rpc("OTA.SetBootState", "{\"active_slot\":1,\"is_committed\":true,\"revert_slot\":0}");
            Assert.AreEqual(200, commit.Status, commit.Text);
            Assert.IsFalse(rig.Module.Watchdog!.IsOnTrial);

            var back = rig.Rpc("OTA.SetBootState", "{\"active_slot\":0,\"is_committed\":true}");
            Assert.AreEqual(200, back.Status, back.Text);
            StringAssert.Contains(back.Json.GetProperty("message").GetString(), "Boot from ota_0 at 0x00010000");
            Assert.AreEqual("ota_0", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label);
            AssertError(400, rig.Rpc("OTA.SetBootState", "{\"active_slot\":7,\"is_committed\":true}"), "is not a slot of this module");
            AssertError(400, rig.Rpc("OTA.SetBootState", "{\"active_slot\":0,\"is_committed\":false}"), "only be chosen committed");
        }

        [TestMethod]
        public void StatusIsWhatOtaStatusShows()
        {
            using var rig = new ModuleRig();
            var answer = rig.Rpc("OTA.Status", "{\"check\":true}");
            Assert.AreEqual(200, answer.Status, answer.Text);
            JsonElement s = answer.Json;
            Assert.AreEqual("ota_0", s.GetProperty("running").GetString());
            Assert.AreEqual("ota_0", s.GetProperty("boot").GetString());
            Assert.AreEqual("v3-35 (ota1, ota2, no factory, maximized store)", s.GetProperty("partition_type").GetString());
            Assert.AreEqual(Simulator.UpdateServer.DemoTree.InitialVersion, s.GetProperty("version").GetString());
            StringAssert.StartsWith(s.GetProperty("firmware").GetString(), Simulator.UpdateServer.DemoTree.InitialVersion + "/ota_0/main");
            Assert.AreEqual(2, s.GetProperty("slots").GetArrayLength());
            Assert.AreEqual(Simulator.UpdateServer.DemoTree.InitialVersion, s.GetProperty("slots")[0].GetProperty("version").GetString());
            Assert.AreEqual(ModuleRig.MainVersion, s.GetProperty("server").GetProperty("version").GetString());
            Assert.IsTrue(s.GetProperty("server").GetProperty("is_newer").GetBoolean());
            Assert.AreEqual("main", s.GetProperty("tag").GetString());
            Assert.AreEqual("none", s.GetProperty("last_update").GetProperty("state").GetString());
            Assert.IsFalse(rig.Rpc("OTA.Status").Json.GetProperty("server").GetProperty("checked").GetBoolean());
        }

        [TestMethod]
        public void UnknownMethodsAndPathsAre404ThePageIsServed()
        {
            using var rig = new ModuleRig();
            AssertError(404, rig.Rpc("OTA.Erase"), "no RPC method OTA.Erase");
            using var page = rig.Client.GetAsync(rig.Listener.PageUrl).GetAwaiter().GetResult();
            Assert.AreEqual(200, (int)page.StatusCode);
            Assert.AreEqual("text/html", page.Content.Headers.ContentType!.MediaType);
            CollectionAssert.AreEqual(OvmsOta.Rpc.WebPage.Bytes, page.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
            using var other = rig.Client.GetAsync(rig.Listener.PageUrl + "favicon.ico").GetAwaiter().GetResult();
            Assert.AreEqual(404, (int)other.StatusCode);
        }
    }
}
