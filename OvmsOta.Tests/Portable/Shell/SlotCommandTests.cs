#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Shell;

namespace OvmsOta.Tests.Portable.Shell
{
    [TestClass]
    public class SlotCommandTests
    {
        [TestMethod]
        public void OtaBootPrintsOvmsTextsAndRefusesABlankSlot()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[] { "Boot from ota_0 at 0x00010000 (size 0x00700000)" }, rig.Run("ota boot ota_0"));
            Assert.AreEqual("ota_0", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
            rig.Run("ota boot ota_1");
            rig.PutBytes("ota_0", new byte[] { 0x47, 0x00 });
            byte[] otadata = rig.OtaData();
            ShellRig.Lines(new string[] { "Error: partition contained invalid app image, or signature validation failed" }, rig.Run("ota boot ota_0"));
            CollectionAssert.AreEqual(otadata, rig.OtaData());
        }

        [TestMethod]
        public void FactoryIsACommandOnlyWhenTheTableHasOne()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[] { "Unrecognised command", "Usage: ota boot [ota_0|ota_1]" }, rig.Run("ota boot factory"));
            ShellRig.Lines(new string[] { "Subcommand required", "Usage: ota erase [ota_0|ota_1]" }, rig.Run("ota erase"));
            ShellRig factory = new ShellRig(true, "factory");
            factory.PutImage("factory", "3.2.016");
            ShellRig.Lines(new string[] { "Boot from factory at 0x00010000 (size 0x00400000)" }, factory.Run("ota boot factory"));
        }

        [TestMethod]
        public void OtaEraseRefusesRunningAndBootAndErasesTheOther()
        {
            ShellRig rig = ShellRig.Small("ota_1");
            rig.PutImage("ota_0", ShellRig.OtherVersion);
            rig.PutImage("ota_1", ShellRig.RunningVersion);
            rig.SetBoot("ota_1");
            ShellRig.Lines(new string[] { "Error: Cannot erase currently running partition" }, rig.Run("ota erase ota_1"));
            rig.Run("ota boot ota_0");
            ShellRig.Lines(new string[] { "Error: Cannot erase boot partition" }, rig.Run("ota erase ota_0"));
            rig.Run("ota boot ota_1");
            ShellRig.Lines(new string[] { "OTA Erase: Erasing partition...", "Partition erase complete" }, rig.Run("ota erase ota_0"));
            Assert.AreEqual((byte)0xFF, rig.ReadRegion(rig.Partition("ota_0").Offset, 1)[0]);
            Assert.AreEqual((byte)0xE9, rig.ReadRegion(rig.Partition("ota_1").Offset, 1)[0]);
        }

        [TestMethod]
        public void OtaEraseOfFactoryFailsAsEspOtaBeginDoes()
        {
            ShellRig rig = new ShellRig(true, "ota_0");
            rig.PutImage("ota_0", ShellRig.RunningVersion);
            rig.SetBoot("ota_0");
            ShellRig.Lines(new string[] { "OTA Erase: Erasing partition...", "Error: ESP32 error #258 starting OTA operation" }, rig.Run("ota erase factory"));
        }

        [TestMethod]
        public void OtaCopyChecksInOvmsOrderThenCopiesTheWholePartition()
        {
            ShellRig rig = ShellRig.Small("ota_1");
            byte[] image = rig.PutImage("ota_1", ShellRig.RunningVersion);
            rig.SetBoot("ota_1");
            ShellRig.Lines(new string[] { "Error: Cannot copy to currently running partition" }, rig.Run("ota copy ota_0 ota_1"));
            ShellRig.Lines(new string[] { "Unrecognised command", "Usage: ota copy <from> <to> (ota_0|ota_1, from and to differ)" }, rig.Run("ota copy ota_1 ota_1"));
            ShellRig.Lines(new string[]
            {
                "OTA copy ota_1 (00589824) -> ota_0 (00010000) size 524288 with block size 4096",
                "OTA Copy: 50% progress (262144 bytes)",
                "OTA Copy: 100% progress (524288 bytes)",
                "OTA copy complete",
            }, rig.Run("ota copy ota_1 ota_0"));
            CollectionAssert.AreEqual(image, rig.ReadRegion(rig.Partition("ota_0").Offset, image.Length));
            Assert.AreEqual("ota_1", rig.Module.Engine.Slots.BootSlots.BootPartition().Label);
        }

        [TestMethod]
        public void PartitionsListPrintsTheTableAndItsDigest()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[]
            {
                "Partition table:",
                "Label            Type Subtype         Address Size",
                "nvs              data nvs          0x00009000 16 KB",
                "otadata          data ota          0x0000d000 8 KB",
                "phy_init         data phy          0x0000f000 4 KB",
                "ota_0            app  ota_0        0x00010000 7 MB",
                "ota_1            app  ota_1        0x00710000 7 MB",
                "store            data fat          0x00e10000 1984 KB",
                "Digest:          520877a00f2b1f7506844246b950ab23 pass",
            }, rig.Run("ota partitions list"));
            ShellRig.Lines(new string[] { OtaShell.PartitionUpgradeText }, rig.Run("ota partitions upgrade autocont -noconfirm"));
        }

        [TestMethod]
        public void PartitionsListMarksADigestThatDoesNotMatch()
        {
            ShellRig rig = ShellRig.RunningOta1();
            // Clear one bit of the stored MD5 (a NOR write can only clear bits).
            int md5At = 0x8000 + 6 * 32 + 16;
            rig.Flash.Write(md5At, new byte[] { 0x40 }, 0, 1);
            string[] lines = rig.Run("ota partitions list");
            Assert.AreEqual("Digest:          400877a00f2b1f7506844246b950ab23 FAIL", lines[lines.Length - 1]);
        }

        [TestMethod]
        public void UnknownCommandsSayUnrecognised()
        {
            ShellRig rig = ShellRig.RunningOta1();
            ShellRig.Lines(new string[] { "Unrecognised command" }, rig.Run("reboot now"));
            ShellRig.Lines(new string[] { "Unrecognised command", "Usage: ota [boot|commit|copy|erase|flash|partitions|revert|status]" }, rig.Run("ota frobnicate"));
            ShellRig.Lines(new string[] { "Subcommand required", "Usage: ota flash [auto|http|vfs]" }, rig.Run("ota flash"));
            Assert.AreEqual(0, rig.Run("   ").Length);
        }
    }
}
