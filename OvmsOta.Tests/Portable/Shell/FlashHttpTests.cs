#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Shell;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Server;

namespace OvmsOta.Tests.Portable.Shell
{
    [TestClass]
    public class FlashHttpTests
    {
        private const string Url = "http://updates.example/v3.3-5/main/ovms3.bin";
        private const int Chunk = 4096;

        private static byte[] Image(int size)
        {
            ImageBuilder builder = new ImageBuilder("3.3.006-1-gabcdef012");
            builder.Size = size;
            return builder.Build();
        }

        private static ScriptedBody Serve(ShellRig rig, string url, int status, int contentLength, byte[] body)
        {
            ScriptedBody scripted = new ScriptedBody(body, rig.Clock);
            scripted.ChunkSize = Chunk;
            rig.Http.Serve(url, new FakeResponse(status, contentLength, null, scripted));
            return scripted;
        }

        [TestMethod]
        public void FlashHttpPrintsOvmsSequenceWithProgressEvery200000Bytes()
        {
            ShellRig rig = ShellRig.RunningOta1();
            byte[] image = Image(450000);
            Serve(rig, Url, 200, image.Length, image);
            // The store holds the config copies in its last two sectors; everything before them must not change.
            RegionSnapshot store = new RegionSnapshot(rig.Flash, rig.Partition("store").Offset, rig.Partition("store").Size - 0x2000);
            string[] lines = rig.Run("ota flash http " + Url);
            // 4 KB reads: the first progress line after 49 reads (200 704 bytes), the next 49 reads later.
            string first = "Downloading... " + (200704L * 100 / image.Length).ToString() + "% (200704 bytes so far)";
            string second = "Downloading... " + (401408L * 100 / image.Length).ToString() + "% (401408 bytes so far)";
            ShellRig.Lines(new string[]
            {
                "Current running partition is: ota_1",
                "Target partition is: ota_0",
                "Download firmware from " + Url + " to ota_0",
                "Expected file size is " + image.Length.ToString(),
                "OTA Flash HTTP: Preparing flash partition...",
                first,
                second,
                "Download complete (at " + image.Length.ToString() + " bytes)",
                "OTA Flash HTTP: Setting boot partition...",
                "OTA flash was successful",
                "  Flashed " + image.Length.ToString() + " bytes from " + Url,
                "  Next boot will be from 'ota_0'",
            }, lines);
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            Assert.AreEqual(Url, rig.Module.Engine.Config.HttpMru);
            Assert.IsFalse(rig.Module.Engine.Installer.Lock.IsHeld);
            Assert.AreEqual(string.Empty, rig.Module.Engine.Installer.Status.Describe());
            // The store holds the config (http.mru now), but nothing else of it changed: only its last two sectors may differ.
            store.AssertUnchanged(rig.Flash, "the store outside the config copies");
        }

        [TestMethod]
        public void FlashHttpWithoutUrlUsesTheDefaultUrlAsOvmsBuildsIt()
        {
            ShellRig rig = ShellRig.RunningOta1();
            string[] lines = rig.Run("ota flash http");
            Assert.AreEqual("Download firmware from api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin to ota_0", lines[2]);
            // The server's .ver first (the image must be the version it names), then the image.
            Assert.AreEqual("http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.ver", (string)rig.Http.Requests[0]);
            Assert.AreEqual("http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin", (string)rig.Http.Requests[1]);
            Assert.AreEqual("Error: Request failed", lines[3]);
            Expect.Contains("  Request failed: http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.bin", lines[4]);
            Assert.AreEqual(5, lines.Length);
        }

        [TestMethod]
        public void FlashHttpRefusesHttpErrorsShortAndLongBodiesAndGarbageWithoutActivatingAnything()
        {
            ShellRig rig = ShellRig.RunningOta1();
            // One request per case, each body handed out once: retries and resuming are ResumableDownloadTests' matter.
            rig.Module.Engine.Server.Download.MaximumRetries = 0;
            byte[] image = Image(20000);
            byte[] otadata = rig.OtaData();

            Serve(rig, Url, 404, 100, new byte[100]);
            string[] lines = rig.Run("ota flash http " + Url);
            Expect.Contains("HTTP 404", lines[3]);
            Assert.AreEqual(4, lines.Length);

            Serve(rig, Url, 503, 100, new byte[100]);
            Expect.Contains("Error: Update server error 503", rig.Run("ota flash http " + Url)[3]);

            Serve(rig, Url, 200, 500, new byte[500]);
            Assert.AreEqual("Error: Expected download file size (500) is invalid", rig.Run("ota flash http " + Url)[3]);

            byte[] shortBody = new byte[12288];
            System.Array.Copy(image, shortBody, shortBody.Length);
            Serve(rig, Url, 200, image.Length, shortBody);
            lines = rig.Run("ota flash http " + Url);
            Assert.AreEqual("Download complete (at 12288 bytes)", lines[lines.Length - 2]);
            Assert.AreEqual("Error: Download file size (12288) does not match expected (" + image.Length.ToString() + ")", lines[lines.Length - 1]);

            byte[] longBody = new byte[image.Length + 10];
            System.Array.Copy(image, longBody, image.Length);
            Serve(rig, Url, 200, image.Length, longBody);
            lines = rig.Run("ota flash http " + Url);
            Expect.Contains("Error: Download file size (more than", lines[lines.Length - 1]);

            ScriptedBody stalled = Serve(rig, Url, 200, image.Length, image);
            stalled.StallAt = 8192;
            lines = rig.Run("ota flash http " + Url);
            Assert.AreEqual("Download failed (at 8192 bytes)", lines[lines.Length - 2]);
            Expect.Contains("Error: ", lines[lines.Length - 1]);

            byte[] garbage = new byte[5000];
            for (int i = 0; i < garbage.Length; i++)
                garbage[i] = (byte)'<';
            Serve(rig, Url, 200, garbage.Length, garbage);
            lines = rig.Run("ota flash http " + Url);
            Assert.AreEqual("Error: ESP32 error #5379 when writing to flash - state is inconsistent", lines[5]);

            CollectionAssert.AreEqual(otadata, rig.OtaData());
            Assert.AreEqual("ota_1", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            Assert.IsFalse(rig.Module.Engine.Installer.Updater.IsBusy);
            Assert.AreEqual((byte)0xFF, rig.ReadRegion(rig.Partition("ota_0").Offset, 1)[0]);
        }

        [TestMethod]
        public void FlashHttpRefusesAnImageLargerThanTheSlotWithTheUpgradeHintOnFourMegabyteSlots()
        {
            ShellRig rig = new ShellRig(true, "ota_0");
            rig.PutImage("ota_0", ShellRig.RunningVersion);
            rig.SetBoot("ota_0");
            Serve(rig, Url, 200, 0x400001, new byte[0]);
            rig.Flash.Counters.Clear();
            string[] lines = rig.Run("ota flash http " + Url);
            ShellRig.Lines(new string[]
            {
                "Current running partition is: ota_0",
                "Target partition is: ota_1",
                "Download firmware from " + Url + " to ota_1",
                "Expected file size is 4194305",
                "Error: target partition too small (4194304 bytes capacity) - aborting",
                "Consider upgrading your partitioning scheme to v3-35.",
            }, lines);
            Assert.AreEqual("alert ota.partitiontype: " + InstallRun.PartitionTypeAlert, (string)rig.Log.Notifications[0]);
            Assert.AreEqual(0, rig.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void FlashWithoutARunningPartitionAborts()
        {
            ShellRig rig = new ShellRig(false, null);
            ShellRig.Lines(new string[] { "Error: Current running image cannot be determined - aborting" }, rig.Run("ota flash http " + Url));
        }
    }
}
