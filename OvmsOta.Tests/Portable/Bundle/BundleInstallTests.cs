#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Config;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Portable.Bundle
{
    [TestClass]
    public class BundleInstallTests
    {
        [TestMethod]
        public void A_bundle_installs_into_the_inactive_pair_and_switches_once()
        {
            BundleRig rig = new BundleRig();
            RegionSnapshot[] outside = OutsideExceptOtaData(rig);

            string[] lines = rig.FlashVfs(rig.New.Build(PortableJson.Codec()));

            Expect.Contains("OTA flash was successful", ShellRig.Join(lines));
            Assert.IsTrue(rig.Holds("ota_1", rig.New.App), "the new app is in ota_1");
            Assert.IsTrue(rig.Holds("deploy_1", rig.New.Deploy), "the new deployment is in deploy_1");
            Assert.AreEqual("running", rig.PairOf("ota_0"), "the running pair is untouched");
            Assert.AreEqual("ota_1", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, "otadata selects the new pair");
            for (int i = 0; i < outside.Length; i++)
                outside[i].AssertUnchanged(rig.Flash, "outside the inactive pair, otadata and the ota config");
        }

        [TestMethod]
        public void A_bundle_with_deflated_parts_installs_as_the_stored_one_does()
        {
            BundleRig rig = new BundleRig();
            RegionSnapshot[] outside = OutsideExceptOtaData(rig);
            byte[] deflated = rig.New.BuildDeflated(PortableJson.Codec(), 4000);

            string[] lines = rig.FlashVfs(deflated);

            Expect.Contains("OTA flash was successful", ShellRig.Join(lines));
            Assert.IsTrue(rig.Holds("ota_1", rig.New.App), "the inflated app is in ota_1");
            Assert.IsTrue(rig.Holds("deploy_1", rig.New.Deploy), "the inflated deployment is in deploy_1");
            Assert.AreEqual("ota_1", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, "otadata selects the new pair");
            for (int i = 0; i < outside.Length; i++)
                outside[i].AssertUnchanged(rig.Flash, "outside the inactive pair, otadata and the ota config");
        }

        [TestMethod]
        public void A_corrupt_deflated_part_is_refused_with_nothing_activated()
        {
            BundleRig rig = new BundleRig();
            RegionSnapshot[] outside = rig.OutsideInactivePair();
            byte[] deflated = rig.New.BuildDeflated(PortableJson.Codec(), 4000);
            // The app's data starts after its name in its local header (the manifest names it earlier); its second stored
            // block is 4005 bytes in: make that block's NLEN not complement its LEN.
            int app = LastIndexOf(deflated, "app.bin") + 7;
            deflated[app + 4005 + 3] ^= 0xFF;

            string text = ShellRig.Join(rig.FlashVfs(deflated));

            Expect.Contains("Bundle entry app.bin is damaged: its deflate data is corrupt", text);
            rig.AssertUnchanged(outside, "a corrupt deflated part");
            Assert.AreEqual("ota_0", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, "otadata still selects the running pair");
        }

        [TestMethod]
        public void Ota_status_names_the_device_table_and_the_server_directory_stays_v3_3_5()
        {
            BundleRig rig = new BundleRig();

            string text = ShellRig.Join(rig.Shell.Run("ota status nocheck"));

            Expect.Contains("Partition type:    ovmsota-device (ota_0+deploy_0, ota_1+deploy_1)", text);
            Expect.Contains("product v3.3-5)", text);
        }

        [TestMethod]
        public void An_older_bundle_is_refused_before_anything_is_written_unless_forced()
        {
            BundleRig rig = new BundleRig();
            rig.Shell.Files.Add("/sd/old.zip", rig.Older.Build(PortableJson.Codec()));
            RegionSnapshot[] outside = rig.OutsideInactivePair();
            RegionSnapshot inactive = new RegionSnapshot(rig.Flash, rig.Partition("ota_1").Offset, rig.Partition("ota_1").Size);

            string refused = ShellRig.Join(rig.Shell.Run("ota flash vfs /sd/old.zip"));

            // The running version is the firmware's (the rig's FirmwareIdentity), as `ota status` shows it.
            Expect.Contains("Error: Version " + BundleRig.OlderVersion + " is older than the running ", refused);
            Expect.Contains("; to install it anyway: ota flash vfs /sd/old.zip force", refused);
            rig.AssertUnchanged(outside, "an older bundle");
            inactive.AssertUnchanged(rig.Flash, "an older bundle leaves ota_1 as it was");

            string forced = ShellRig.Join(rig.Shell.Run("ota flash vfs /sd/old.zip force"));

            Expect.Contains("OTA flash was successful", forced);
            Assert.AreEqual("ota_1", rig.Shell.Module.Engine.Slots.BootSlots.BootPartition().Label, "forced: otadata selects the older pair");
        }

        [TestMethod]
        public void A_plain_image_is_refused_on_the_device_layout_naming_the_bundle()
        {
            BundleRig rig = new BundleRig();
            RegionSnapshot[] outside = rig.OutsideInactivePair();
            RegionSnapshot inactive = new RegionSnapshot(rig.Flash, rig.Partition("ota_1").Offset, rig.Partition("ota_1").Size);

            string text = ShellRig.Join(rig.FlashVfs(new ImageBuilder(BundleRig.NewVersion).Build()));

            Expect.Contains("a plain ESP32 image cannot update it", text);
            Expect.Contains("fw.zip", text);
            rig.AssertUnchanged(outside, "a refused image");
            inactive.AssertUnchanged(rig.Flash, "a refused image leaves ota_1 as it was");
        }

        [TestMethod]
        public void A_bundle_is_refused_on_an_OVMS_layout()
        {
            ShellRig rig = ShellRig.Small("ota_1");
            rig.PutImage("ota_0", ShellRig.OtherVersion);
            rig.PutImage("ota_1", ShellRig.RunningVersion);
            rig.SetBoot("ota_1");
            RegionSnapshot all = new RegionSnapshot(rig.Flash, 0, rig.Flash.Size);
            rig.Files.Add("/sd/fw.zip", BundleBuilder.Demo(BundleRig.NewVersion, 20000, 500).Build(PortableJson.Codec()));

            string text = ShellRig.Join(rig.Run("ota flash vfs /sd/fw.zip"));

            Expect.Contains("This is a firmware bundle (fw.zip) for OvmsOta's device layout", text);
            all.AssertUnchanged(rig.Flash, "a refused bundle changes nothing");
        }

        private static RegionSnapshot[] OutsideExceptOtaData(BundleRig rig)
        {
            int otadata = 0xd000;
            int otadataEnd = 0xf000;
            int app = rig.Partition("ota_1").Offset;
            int appEnd = rig.Partition("ota_1").End;
            int deploy = rig.Partition("deploy_1").Offset;
            int deployEnd = rig.Partition("deploy_1").End;
            // The ota config (the last two sectors of store, the engine's own) records the source as OVMS does (vfs.mru).
            int otaConfig = ConfigRegion.DefaultAddress(rig.Partition("store"));
            return new RegionSnapshot[]
            {
                new RegionSnapshot(rig.Flash, 0, otadata),
                new RegionSnapshot(rig.Flash, otadataEnd, app - otadataEnd),
                new RegionSnapshot(rig.Flash, appEnd, deploy - appEnd),
                new RegionSnapshot(rig.Flash, deployEnd, otaConfig - deployEnd),
            };
        }

        // Where the ASCII name last appears in bytes.
        private static int LastIndexOf(byte[] bytes, string name)
        {
            for (int i = bytes.Length - name.Length; i >= 0; i--)
            {
                int k = 0;
                while (k < name.Length && bytes[i + k] == (byte)name[k])
                    k++;
                if (k == name.Length)
                    return i;
            }
            return -1;
        }
    }
}
