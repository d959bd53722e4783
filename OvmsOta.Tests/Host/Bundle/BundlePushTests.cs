using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator.Json;
using OvmsOta.Simulator.Module;
using OvmsOta.Simulator.UpdateServer;
using OvmsOta.Tests.Host.Push;

namespace OvmsOta.Tests.Host.Bundle
{
    /// <summary>
    /// Mongoose OS's push, as its users type it plus the module's secret:
    /// `curl -v -H 'Authorization: Bearer SECRET' -F file=@fw.zip -F commit_timeout=60 http://HOST:PORT/update`:
    /// the file part first (no size, no part length), commit_timeout after it, against the simulated module on the
    /// device layout.
    /// </summary>
    [TestClass]
    public class BundlePushTests
    {
        const string PushedVersion = "3.3.007-5-gpushed1";

        [TestMethod]
        public void The_Mongoose_curl_push_of_a_bundle_installs_the_pair_with_its_commit_timeout()
        {
            using var rig = new PushRig(SimLayout.Device);
            byte[] bundle = DemoTree.BuildBundle(PushedVersion).Build(new SystemTextJsonCodec());

            var (status, body) = rig.Post(CurlForm(bundle, "60"));

            Assert.AreEqual(200, status, body);
            Assert.AreEqual("OTA flash was successful\n  Flashed " + bundle.Length + " bytes\n  Next boot will be from 'ota_1'\n", body);
            var lines = rig.Module.PowerOn();
            StringAssert.Contains(lines[0], "Booted ota_1 + deploy_1: " + PushedVersion);
            StringAssert.Contains(lines[0], "deploy_1: 3 assemblies");
            StringAssert.Contains(rig.Module.Watchdog.Status.ToString(), "rolls back in 1 min 00 s");
        }

        [TestMethod]
        public void A_plain_image_pushed_to_the_device_layout_is_refused_naming_the_bundle_and_nothing_is_written()
        {
            using var rig = new PushRig(SimLayout.Device);
            rig.Module.RawFlash.Counters.Clear();

            var (status, body) = rig.Post(PushRig.Form(DemoTree.Build(PushedVersion, 100_000), "60"));

            Assert.AreNotEqual(200, status, body);
            StringAssert.Contains(body, "fw.zip");
            Assert.AreEqual(0, rig.Module.RawFlash.Counters.Total.Changes, rig.Module.RawFlash.Counters.Total.ToString());
        }

        [TestMethod]
        public void A_pair_whose_deployment_is_broken_does_not_start_and_the_trial_rolls_back_to_the_old_pair()
        {
            using var rig = new PushRig(SimLayout.Device);
            byte[] bundle = DemoTree.BuildBundle(PushedVersion).Build(new SystemTextJsonCodec());
            Assert.AreEqual(200, rig.Post(CurlForm(bundle, "60")).Status);
            // Damage the new deployment after it was verified (a flash bit that went bad): one byte of its first assembly's body.
            var deploy = rig.Module.Module.Engine.Slots.Table.Find("deploy_1");
            rig.Module.RawFlash.Write(deploy.Offset + 200, new byte[] { 0x00 }, 0, 1);

            var lines = rig.Module.PowerOn();

            StringAssert.Contains(lines[0], "Booted ota_1 + deploy_1: " + PushedVersion);
            StringAssert.Contains(lines[0], "deploy_1: no valid deployment");
            StringAssert.Contains(lines[1], "Rebooting: nanoCLR found no deployment in deploy_1");
            StringAssert.Contains(lines[2], "Booted ota_0 + deploy_0: " + DemoTree.InitialVersion);
            StringAssert.Contains(lines[2], "selects ota_0");
        }

        /// <summary>What curl -F file=@fw.zip -F commit_timeout=N sends: the file first (application/octet-stream), then the field.</summary>
        static MultipartFormDataContent CurlForm(byte[] bundle, string commitTimeout)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bundle);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "fw.zip");
            form.Add(new StringContent(commitTimeout), "commit_timeout");
            return form;
        }
    }
}
