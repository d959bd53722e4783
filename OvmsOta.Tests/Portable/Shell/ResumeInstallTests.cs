#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Server;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>
    /// Issue 18 on a whole module: the image's version, project and chip are checked from its first 0x120 bytes before
    /// anything is erased; a download cut by a reset goes on after the next start from what the slot holds, re-verified
    /// from flash; a power cut at every flash operation of such a resumed update leaves a module that boots.
    /// </summary>
    [TestClass]
    public class ResumeInstallTests
    {
        const string NewVersion = "3.3.006-1-gabcdef012";
        const int ImageSize = 60000;
        const int Interval = 8192;
        private static readonly PowerCutKind[] Kinds = new PowerCutKind[] { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };

        sealed class Module
        {
            public ShellRig Rig;
            public RangeServer Server;
            public string ImageUrl;
            public byte[] Image;

            public void Start(string running)
            {
                Rig.Platform.RunningPartition = running;
                Rig.Start();
                Rig.Module.Engine.Installer.Resume.Interval = Interval;
            }

            public string[] Flash()
            {
                return Rig.Run("ota flash http " + ImageUrl);
            }
        }

        static Module Rig(byte[] image)
        {
            Module m = new Module();
            m.Rig = ShellRig.Small("ota_1");
            m.Rig.PutImage("ota_0", ShellRig.OtherVersion);
            m.Rig.PutImage("ota_1", ShellRig.RunningVersion);
            m.Rig.SetBoot("ota_1");
            m.Rig.Set("ota", "server", "updates.test");
            m.Server = new RangeServer(m.Rig.Clock);
            m.Rig.Platform.Http = m.Server;
            m.Start("ota_1");
            m.ImageUrl = UrlResolver.Absolute(m.Rig.Module.Engine.Server.ImageUrl);
            m.Image = image;
            m.Server.Put(m.ImageUrl, image, "\"b1\"");
            m.Rig.Flash.Counters.Clear();
            return m;
        }

        static byte[] NewImage()
        {
            ImageBuilder builder = new ImageBuilder(NewVersion);
            builder.Size = ImageSize;
            return builder.Build();
        }

        void AnnounceVersion(Module m, string version)
        {
            m.Server.Put(UrlResolver.Absolute(m.Rig.Module.Engine.Server.VersionUrl), Encoding.UTF8.GetBytes(version + "\nchanges\n"), null);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void AnImageNotForThisUpdateStopsAfterItsFirstBytesWithNoFlashChange(int which)
        {
            ImageBuilder builder = new ImageBuilder(which == 0 ? "3.3.007-1-g0000000" : NewVersion);
            builder.Size = ImageSize;
            if (which == 1)
                builder.MinChipRevisionFull = 400; // the module is v3.1
            if (which == 2)
                builder.ProjectName = "not-ovms";
            Module m = Rig(builder.Build());
            AnnounceVersion(m, NewVersion);

            string[] lines = m.Rig.Run("ota flash http");

            string[] reasons = new string[] { "App version: expected 3.3.006-1-gabcdef012", "chip revision check failed", "Project name: expected ovms3" };
            Expect.Contains(reasons[which], ShellRig.Join(lines));
            Assert.AreEqual(0, m.Rig.Flash.Counters.Total.Changes, "nothing erased or written");
            // .ver, then bytes 0-287 of the image, and nothing more.
            Assert.AreEqual(2, m.Server.Requests.Count);
            Expect.Contains("bytes=0-287", m.Server.Request(1));
            Assert.IsTrue(m.Server.BytesSent < 400, "only the .ver and the first 288 bytes travelled: " + m.Server.BytesSent.ToString());
        }

        [TestMethod]
        public void TheNightlyUpdateFetchesNoImageWhenTheServerHasNothingNewer()
        {
            Module m = Rig(NewImage());
            AnnounceVersion(m, ShellRig.RunningVersion);

            m.Rig.Run("ota flash auto");

            Assert.AreEqual(1, m.Server.Requests.Count, ".ver only");
            Assert.AreEqual(0, m.Rig.Flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void DropsDuringOneUpdateResumeWithRangeAndTheSlotHoldsExactlyTheImage()
        {
            Module m = Rig(NewImage());
            m.Server.DropAt(5000);
            m.Server.DropAt(30000);
            m.Server.DropAt(59999);
            long before = m.Rig.Clock.Milliseconds;

            string text = ShellRig.Join(m.Flash());

            Expect.Contains("OTA flash was successful", text);
            AssertInstalled(m);
            Assert.AreEqual(m.ImageUrl + " bytes=5000-", m.Server.Request(2));
            Assert.AreEqual(m.ImageUrl + " bytes=30000-", m.Server.Request(3));
            Assert.AreEqual(m.ImageUrl + " bytes=59999-", m.Server.Request(4));
            Assert.AreEqual(ImageSize, m.Server.BytesSent, "no byte twice");
            // Each drop came after progress: the backoff starts again at 2 s.
            Assert.IsTrue(m.Rig.Clock.Milliseconds - before >= 3 * 2000, "the backoff waited");
        }

        /// <summary>A first attempt that breaks at 35000 bytes (no retries), then the module restarts.</summary>
        static Module Interrupted()
        {
            Module m = Rig(NewImage());
            m.Server.DropAt(35000);
            m.Rig.Module.Engine.Server.Download.MaximumRetries = 0;
            string[] lines = m.Flash();
            Expect.Contains("Error: Download file size (35000) does not match expected (60000)", ShellRig.Join(lines));
            m.Start("ota_1");
            m.Rig.Flash.Counters.Clear();
            return m;
        }

        [TestMethod]
        public void AfterARestartTheDownloadGoesOnFromTheSlotReverifiedNotFromZero()
        {
            Module m = Interrupted();
            int sentBefore = m.Server.BytesSent;
            int requestsBefore = m.Server.Requests.Count;

            string[] lines = m.Flash();

            string text = ShellRig.Join(lines);
            Expect.Contains("Resuming at 32768 bytes", text);
            Expect.Contains("OTA flash was successful", text);
            Assert.AreEqual(m.ImageUrl + " bytes=32768-", m.Server.Request(requestsBefore + 1));
            Assert.AreEqual(ResumableDownload.ProbeLength + ImageSize - 32768, m.Server.BytesSent - sentBefore);
            AssertInstalled(m);
            // The record is gone: a further update of the same image starts afresh.
            Assert.AreEqual(0, m.Rig.Module.Engine.Installer.Resume.Region.Read().Payload.Length);
        }

        [TestMethod]
        public void ASlotWhoseBytesDoNotVerifyIsWrittenAgainFromZero()
        {
            Module m = Interrupted();
            // Flip bits in a byte the record covers: the replay must not trust the record.
            PartitionEntry slot = m.Rig.Partition("ota_0");
            byte[] zero = new byte[] { 0 };
            m.Rig.Flash.Write(slot.Offset + 8, zero, 0, 1); // the segment count / header is no longer what the server sends

            string text = ShellRig.Join(m.Flash());

            Expect.DoesNotContain("Resuming at", text);
            Expect.Contains("OTA flash was successful", text);
            AssertInstalled(m);
        }

        [TestMethod]
        public void APowerCutAtAnyFlashOperationOfAResumedUpdateLeavesABootableModuleThatFinishesLater()
        {
            Module measured = Interrupted();
            measured.Flash();
            int changes = measured.Rig.Flash.Counters.Total.Changes;
            Assert.IsTrue(changes > 10, "the resumed update writes flash: " + changes.ToString());
            int newBoots = 0;
            for (int change = 1; change <= changes; change++)
            {
                for (int k = 0; k < Kinds.Length; k++)
                {
                    Module m = Interrupted();
                    m.Rig.Flash.ArmPowerCut(change, Kinds[k]);
                    try
                    {
                        m.Flash();
                    }
                    catch (PowerLossException)
                    {
                    }
                    string where = "cut " + change.ToString() + " " + PowerCutKindNames.Name(Kinds[k]);
                    Assert.IsTrue(m.Rig.Flash.IsPoweredOff, where + ": the cut happened");
                    m.Rig.Flash.Reboot();
                    SlotImageCheck check = new SlotImageCheck(m.Rig.Flash, new ImageValidator(), new byte[4096]);
                    BootResult boot = new BootloaderModel(m.Rig.Flash, m.Rig.Module.Engine.Slots.Table, check, false).Boot();
                    Assert.IsTrue(boot.Booted, where + ": something boots");
                    if (boot.Partition.Label == "ota_0")
                    {
                        newBoots++;
                        AssertInstalled(m);
                        continue;
                    }
                    Assert.AreEqual("ota_1", boot.Partition.Label, where + ": the old image boots");
                    // The next attempt after the cut completes and installs exactly the image.
                    m.Start("ota_1");
                    Expect.Contains("OTA flash was successful", ShellRig.Join(m.Flash()));
                    AssertInstalled(m);
                }
            }
            Assert.IsTrue(newBoots > 0 && newBoots < changes * Kinds.Length, "cuts before and after the switch");
        }

        static void AssertInstalled(Module m)
        {
            PartitionEntry slot = m.Rig.Partition("ota_0");
            CollectionAssert.AreEqual(m.Image, m.Rig.ReadRegion(slot.Offset, m.Image.Length));
        }
    }
}
